/**
 * 债务清单: create, edit and read debts of a case. Access has been decided by the caller
 * (server/access); these functions only ever touch the case they are given.
 */
import type Decimal from "decimal.js";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import {
  findDebtInCase,
  insertDebts,
  listDebtsOfCase,
  updateDebtIfVersion,
  type DebtChanges,
  type DebtRow,
  type NewDebtRow,
} from "@/db/queries/debts";
import { listLprFixings } from "@/db/queries/reference";
import { debts } from "@/db/schema";
import type { DebtFields } from "@/server/api/schemas/debts";
import { RateError } from "@/server/domain/apr";
import { loanCost, REPAYMENT_METHOD_LABEL, type RepaymentMethod } from "@/server/domain/debt-terms";
import {
  checkRate,
  daysBetween,
  DEBT_KIND_LABEL,
  DEBT_STATUS_LABEL,
  LENDER_KIND_LABEL,
  lenderKindOf,
  NOT_LEGAL_ADVICE,
  overdueStage,
  type DebtStatus,
  type LprFixing,
  type RateCheck,
} from "@/server/domain/legal";
import { Dec, sum } from "@/server/domain/money";
import { prioritizeDebts, type PrioritizedDebt } from "@/server/domain/priority";
import { AppError } from "@/server/errors";

export const STALE_EDIT_MESSAGE = "这笔债务刚刚在别处被修改过。为避免覆盖，请刷新页面查看最新内容后再修改。";
export const DEBT_NOT_FOUND = "找不到这笔债务，它可能已被删除，或不属于您的案件";

function toColumns(fields: DebtFields): Omit<NewDebtRow, "caseId"> {
  let cost;
  try {
    cost = loanCost({
      method: fields.repaymentMethod,
      principal: fields.principal,
      received: fields.received,
      installmentCount: fields.installmentCount,
      installmentAmount: fields.installmentAmount,
      monthlyRate: fields.monthlyRate,
    });
  } catch (err) {
    if (err instanceof RateError) throw new AppError("BAD_INPUT", err.message);
    throw err;
  }
  const fixed = (d: Decimal | null, places: number) => (d ? d.toDecimalPlaces(places).toFixed(places) : null);
  return {
    platform: fields.platform,
    debtKind: fields.debtKind,
    lenderKind: fields.lenderKind,
    principal: fields.principal.toFixed(2),
    received: fields.received.toFixed(2),
    outstanding: fields.outstanding.toFixed(2),
    repaymentMethod: fields.repaymentMethod,
    installmentCount: fields.installmentCount,
    installmentAmount: fixed(fields.installmentAmount, 2),
    monthlyRate: fixed(fields.monthlyRate, 6),
    monthlyPayment: fixed(cost.monthlyPayment, 2),
    realAnnualRate: fixed(cost.realAnnualRate, 6),
    effectiveAnnualRate: fixed(cost.effectiveAnnualRate, 6),
    contractDate: fields.contractDate,
    firstMissedDueDate: fields.firstMissedDueDate,
    status: fields.status,
    notes: fields.notes,
  };
}

export async function createDebt(db: Database, caseId: string, fields: DebtFields) {
  const [row] = await insertDebts(db, [{ ...toColumns(fields), caseId }]);
  if (!row) throw new Error("insert returned no row");
  return { id: row.id, version: row.version };
}

/** Several debts at once, all or nothing (used by import). */
export async function createDebts(db: Database, caseId: string, list: DebtFields[]) {
  const rows = list.map((fields) => ({ ...toColumns(fields), caseId }));
  return db.transaction(async (tx) => (await insertDebts(tx, rows)).map((r) => r.id));
}

async function writeIfCurrent(
  db: Database,
  params: { caseId: string; debtId: string; version: number },
  changes: DebtChanges,
) {
  const row = await updateDebtIfVersion(db, params, changes);
  if (row) return { id: row.id, version: row.version };
  const exists = await findDebtInCase(db, params);
  throw exists ? new AppError("CONFLICT", STALE_EDIT_MESSAGE) : new AppError("NOT_FOUND", DEBT_NOT_FOUND);
}

export function updateDebt(
  db: Database,
  params: { caseId: string; debtId: string; version: number },
  fields: DebtFields,
) {
  return writeIfCurrent(db, params, toColumns(fields));
}

/** A debt marked settled by hand keeps the day it was first settled; any other status clears it. */
export function setDebtStatus(
  db: Database,
  params: { caseId: string; debtId: string; version: number },
  status: DebtStatus,
  today: string,
) {
  return writeIfCurrent(db, params, {
    status,
    settledOn: status === "settled" ? sql<string>`coalesce(${debts.settledOn}, ${today}::date)` : null,
  });
}

export function setDebtArchived(
  db: Database,
  params: { caseId: string; debtId: string; version: number },
  archived: boolean,
) {
  return writeIfCurrent(db, params, { archivedAt: archived ? new Date() : null });
}

// ------------------------------------------------------------------------------------------------
// Reading: plain objects shaped for pages (decimals as strings, labels in Chinese)
// ------------------------------------------------------------------------------------------------

export interface RateBadge {
  label: string;
  position: "above" | "close";
  /** Whether courts apply the line to this lender, or it is a regulatory cap or a reference. */
  applicability: RateCheck["lines"][number]["applicability"];
}

function overdueDaysOf(row: DebtRow, today: string): number {
  if (!row.firstMissedDueDate || row.status === "settled") return 0;
  return Math.max(0, daysBetween(row.firstMissedDueDate, today));
}

function rateCheckOf(row: DebtRow, lprHistory: readonly LprFixing[]): RateCheck | null {
  if (row.realAnnualRate === null) return null;
  return checkRate({
    nominalAnnual: row.realAnnualRate,
    lenderKind: lenderKindOf({ debtKind: row.debtKind, lenderLicensed: null, lenderKind: row.lenderKind }),
    contractDate: row.contractDate,
    lprHistory,
  });
}

function badgesOf(check: RateCheck | null): RateBadge[] {
  if (!check) return [];
  return check.lines
    .filter((l) => l.applicability !== "notApplicable" && l.position !== "below")
    .map((l) => ({ label: l.label, position: l.position as "above" | "close", applicability: l.applicability }));
}

function viewOf(row: DebtRow, today: string, lprHistory: readonly LprFixing[]) {
  const overdueDays = overdueDaysOf(row, today);
  const stage = overdueStage(overdueDays, row.debtKind);
  const rateCheck = rateCheckOf(row, lprHistory);
  const lenderKind = lenderKindOf({ debtKind: row.debtKind, lenderLicensed: null, lenderKind: row.lenderKind });
  // A missed due date makes a "current" debt overdue without the borrower having to say so.
  const status: DebtStatus = row.status === "current" && overdueDays > 0 ? "overdue" : row.status;
  return {
    id: row.id,
    platform: row.platform,
    debtKind: row.debtKind,
    debtKindLabel: DEBT_KIND_LABEL[row.debtKind],
    lenderKind: row.lenderKind,
    /** The kind the legal lines were checked for (explicit, or implied by the debt kind). */
    effectiveLenderKindLabel: LENDER_KIND_LABEL[lenderKind],
    principal: row.principal,
    received: row.received,
    upfrontFee: new Dec(row.principal).minus(row.received).toFixed(2),
    outstanding: row.outstanding,
    repaymentMethod: row.repaymentMethod as RepaymentMethod,
    repaymentMethodLabel: REPAYMENT_METHOD_LABEL[row.repaymentMethod],
    installmentCount: row.installmentCount,
    installmentAmount: row.installmentAmount,
    monthlyRatePercent: row.monthlyRate === null ? null : new Dec(row.monthlyRate).times(100).toString(),
    monthlyPayment: row.monthlyPayment,
    realAnnualRate: row.realAnnualRate,
    effectiveAnnualRate: row.effectiveAnnualRate,
    contractDate: row.contractDate,
    firstMissedDueDate: row.firstMissedDueDate,
    overdueDays,
    stage: { id: stage.id, label: stage.label },
    status,
    /** What the borrower chose (the edit form shows it); `status` may derive "overdue" from the dates. */
    storedStatus: row.status,
    statusLabel: DEBT_STATUS_LABEL[status],
    notes: row.notes,
    archived: row.archivedAt !== null,
    version: row.version,
    badges: badgesOf(rateCheck),
  };
}
export type DebtView = ReturnType<typeof viewOf>;

export interface DebtTotals {
  /** 总欠款: outstanding of debts not settled. */
  owed: string;
  /** 每月应还: monthly payments of debts that are still being repaid. */
  monthlyDue: string;
  /** 逾期金额 */
  overdueAmount: string;
  /** Loans above a line that applies or may apply. */
  aboveLineCount: number;
  activeCount: number;
}

/** The debt list of a case: prioritized, with reasons, totals, and the archived debts apart. */
export async function debtOverview(db: Database, caseId: string, today: string) {
  const [rows, lprHistory] = await Promise.all([listDebtsOfCase(db, caseId), listLprFixings(db)]);
  const live = rows.filter((r) => r.archivedAt === null);
  const views = new Map(live.map((r) => [r.id, viewOf(r, today, lprHistory)]));
  const ordered: PrioritizedDebt[] = prioritizeDebts(
    live.map((r) => {
      const v = views.get(r.id);
      return {
        id: r.id,
        platform: r.platform,
        debtKind: r.debtKind,
        outstanding: r.outstanding,
        nominalAnnual: r.realAnnualRate,
        overdueDays: v?.overdueDays ?? 0,
        status: r.status,
        contractDate: r.contractDate,
        lenderLicensed: null,
        lenderKind: r.lenderKind,
      };
    }),
    { today, lprHistory },
  );
  const items = ordered.map((p) => {
    const view = views.get(p.debt.id);
    if (!view) throw new Error("prioritized an unknown debt");
    return { ...view, rank: p.rank, reasons: p.reasons, aboveLine: p.rateCheck?.aboveAnyLine ?? false };
  });
  const unsettled = items.filter((d) => d.status !== "settled");
  const repaying = unsettled.filter((d) => d.status !== "paused");
  const totals: DebtTotals = {
    owed: sum(unsettled.map((d) => d.outstanding)).toFixed(2),
    monthlyDue: sum(repaying.map((d) => d.monthlyPayment ?? "0")).toFixed(2),
    overdueAmount: sum(unsettled.filter((d) => d.overdueDays > 0).map((d) => d.outstanding)).toFixed(2),
    aboveLineCount: unsettled.filter((d) => d.aboveLine).length,
    activeCount: unsettled.length,
  };
  const archived = rows.filter((r) => r.archivedAt !== null).map((r) => viewOf(r, today, lprHistory));
  return { items, totals, archived, notLegalAdvice: NOT_LEGAL_ADVICE };
}

/** One debt with what its stage means and the legal lines that apply, each with its source. */
export async function debtDetail(db: Database, caseId: string, debtId: string, today: string) {
  const row = await findDebtInCase(db, { caseId, debtId });
  if (!row) throw new AppError("NOT_FOUND", DEBT_NOT_FOUND);
  const lprHistory = await listLprFixings(db);
  const view = viewOf(row, today, lprHistory);
  const stage = overdueStage(view.overdueDays, row.debtKind);
  const check = rateCheckOf(row, lprHistory);
  return {
    debt: view,
    consequences: stage.consequences.map((c) => ({ text: c.text, source: c.source })),
    rateLines:
      check?.lines.map((l) => ({
        label: l.label,
        position: l.position,
        applicability: l.applicability,
        meaning: l.meaning,
        effective: l.effective,
        source: l.source,
      })) ?? [],
    rateNotes: check?.notes ?? [],
    notLegalAdvice: NOT_LEGAL_ADVICE,
  };
}
