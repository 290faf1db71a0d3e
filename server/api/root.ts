import { accountRouter } from "./routers/account";
import { debtsRouter } from "./routers/debts";
import { createCallerFactory, router } from "./trpc";

export const appRouter = router({
  account: accountRouter,
  debts: debtsRouter,
});

export type AppRouter = typeof appRouter;

/** In-process caller: server components and tests call procedures without an HTTP hop. */
export const createCaller = createCallerFactory(appRouter);
