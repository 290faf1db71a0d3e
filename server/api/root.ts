import { accountRouter } from "./routers/account";
import { debtsRouter } from "./routers/debts";
import { counselorRouter, notesRouter, progressRouter, sharingRouter } from "./routers/sharing";
import { createCallerFactory, router } from "./trpc";

export const appRouter = router({
  account: accountRouter,
  debts: debtsRouter,
  sharing: sharingRouter,
  counselor: counselorRouter,
  notes: notesRouter,
  progress: progressRouter,
});

export type AppRouter = typeof appRouter;

/** In-process caller: server components and tests call procedures without an HTTP hop. */
export const createCaller = createCallerFactory(appRouter);
