import { router } from "../trpc";

/** 协议 (停催、分期、减免、延期) with the evidence that proves them. */
export const agreementsRouter = router({});

/** 投诉记录: where and when a complaint was filed, and the reply expected. */
export const complaintsRouter = router({});
