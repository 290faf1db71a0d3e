/**
 * The progress summary: what a borrower has achieved, with nothing private in it. The read-only
 * progress link shows exactly this (platform names only when the borrower opted in); never contact
 * details, evidence, income or the contact log.
 */
import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { listDebtsOfCase } from "@/db/queries/debts";
import { plans, planSteps } from "@/db/schema";
import { Dec, sum } from "@/server/domain/money";
import { planProgress, STAGE_LABEL } from "@/server/domain/plan";

export interface ProgressSummary {
  /** Σ principal of the debts on the list (not archived). */
  owedAtStart: string;
  /** Σ outstanding of the debts not settled. */
  owedNow: string;
  /** 0–100, whole percent, rounded down. */
  percentRepaid: number;
  loansSettled: number;
  loansTotal: number;
  /** Whole months since the plan was first saved; null without a plan. */
  monthsOnPlan: number | null;
  currentStage: string | null;
  nextMilestone: string | null;
  /** Only when the borrower chose to show platform names. */
  debts: { platform: string; settled: boolean }[] | null;
}

function wholeMonthsBetween(from: Date, to: Date): number {
  const months = (to.getUTCFullYear() - from.getUTCFullYear()) * 12 + (to.getUTCMonth() - from.getUTCMonth());
  return Math.max(0, to.getUTCDate() < from.getUTCDate() ? months - 1 : months);
}

export async function progressSummary(
  db: Database,
  caseId: string,
  { now, showPlatforms }: { now: Date; showPlatforms: boolean },
): Promise<ProgressSummary> {
  const [rows, [plan], steps] = await Promise.all([
    listDebtsOfCase(db, caseId),
    db.select({ createdAt: plans.createdAt }).from(plans).where(eq(plans.caseId, caseId)).limit(1),
    db.select({ stepId: planSteps.stepId }).from(planSteps).where(eq(planSteps.caseId, caseId)),
  ]);
  const live = rows.filter((r) => r.archivedAt === null);
  const start = sum(live.map((r) => r.principal));
  const nowOwed = sum(live.filter((r) => r.status !== "settled").map((r) => r.outstanding));
  const repaid = start.isZero() ? new Dec(0) : Dec.max(0, start.minus(nowOwed)).dividedBy(start);
  const progress = planProgress(steps.map((s) => s.stepId));
  return {
    owedAtStart: start.toFixed(2),
    owedNow: nowOwed.toFixed(2),
    percentRepaid: Math.min(100, repaid.times(100).floor().toNumber()),
    loansSettled: live.filter((r) => r.status === "settled").length,
    loansTotal: live.length,
    monthsOnPlan: plan ? wholeMonthsBetween(plan.createdAt, now) : null,
    currentStage: progress.currentStage ? STAGE_LABEL[progress.currentStage] : null,
    nextMilestone: progress.nextStep?.title ?? null,
    debts: showPlatforms ? live.map((r) => ({ platform: r.platform, settled: r.status === "settled" })) : null,
  };
}
