import { router } from "../trpc";

/** 还款记录. */
export const paymentsRouter = router({});
