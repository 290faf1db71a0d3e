import { router } from "../trpc";

/** 信用修复: milestones, emergency fund, habits. */
export const recoveryRouter = router({});
