import { accountRouter } from "./routers/account";
import { budgetRouter } from "./routers/budget";
import { debtTransferRouter } from "./routers/debt-transfer";
import { debtsRouter } from "./routers/debts";
import { planRouter } from "./routers/plan";
import { counselorRouter, notesRouter, progressRouter, sharingRouter } from "./routers/sharing";
import { contactLogRouter } from "./routers/contact-log";
import { deadlinesRouter } from "./routers/deadlines";
import { evidenceRouter } from "./routers/evidence";
import { paymentsRouter } from "./routers/payments";
import { agreementsRouter, complaintsRouter } from "./routers/protection-records";
import { recoveryRouter } from "./routers/recovery";
import { createCallerFactory, router } from "./trpc";

export const appRouter = router({
  account: accountRouter,
  debts: debtsRouter,
  debtTransfer: debtTransferRouter,
  budget: budgetRouter,
  plan: planRouter,
  sharing: sharingRouter,
  counselor: counselorRouter,
  notes: notesRouter,
  progress: progressRouter,
  contactLog: contactLogRouter,
  evidence: evidenceRouter,
  deadlines: deadlinesRouter,
  payments: paymentsRouter,
  agreements: agreementsRouter,
  complaints: complaintsRouter,
  recovery: recoveryRouter,
});

export type AppRouter = typeof appRouter;

/** In-process caller: server components and tests call procedures without an HTTP hop. */
export const createCaller = createCallerFactory(appRouter);
