import { accountRouter } from "./routers/account";
import { createCallerFactory, router } from "./trpc";

export const appRouter = router({
  account: accountRouter,
});

export type AppRouter = typeof appRouter;

/** In-process caller: server components and tests call procedures without an HTTP hop. */
export const createCaller = createCallerFactory(appRouter);
