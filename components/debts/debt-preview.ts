/**
 * The debt form's live preview of the real rate, computed with the same code the server stores it
 * with (decimal.js and the rate solver). The form loads this module when it is first touched, so
 * a page with the form does not download the arithmetic before anyone types; the page computes
 * the first preview on the server.
 */
import { RateError } from "@/server/domain/apr";
import { loanCost, MONTHLY_RATE_LABEL } from "@/server/domain/debt-terms";
import { formatPercent, formatYuan, parseMoney, parsePercent } from "@/server/domain/money";
import type { DebtKind, DebtStatus, LenderKind, RepaymentMethod } from "@/server/domain/debt-vocabulary";

export interface DebtFormValues {
  platform: string;
  debtKind: DebtKind;
  lenderKind: LenderKind;
  principal: string;
  received: string;
  outstanding: string;
  repaymentMethod: RepaymentMethod;
  installmentCount: string;
  installmentAmount: string;
  monthlyRatePercent: string;
  contractDate: string;
  firstMissedDueDate: string;
  status: DebtStatus;
  notes: string;
}

export const EMPTY_DEBT: DebtFormValues = {
  platform: "",
  debtKind: "onlineLoan",
  lenderKind: "unknown",
  principal: "",
  received: "",
  outstanding: "",
  repaymentMethod: "fixedInstallments",
  installmentCount: "",
  installmentAmount: "",
  monthlyRatePercent: "",
  contractDate: "",
  firstMissedDueDate: "",
  status: "current",
  notes: "",
};

export type Preview = { kind: "rate"; text: string; high: boolean } | { kind: "hint"; text: string };

/** The real rate as the borrower types, computed with the same code the server stores it with. */
export function previewOf(v: DebtFormValues): Preview {
  if (v.repaymentMethod === "none") return { kind: "hint", text: "没有固定还款计划时不计算利率。" };
  const principal = parseMoney(v.principal);
  if (!principal.ok) return { kind: "hint", text: "填写借款金额、期数和每期还款后，这里会显示真实的年化利率。" };
  const received = v.received.trim() ? parseMoney(v.received) : principal;
  if (!received.ok) return { kind: "hint", text: `实际到手：${received.error}` };
  const count = Number(v.installmentCount);
  if (!Number.isInteger(count) || count < 1) return { kind: "hint", text: "请填写期数。" };
  const amount = v.installmentAmount.trim() ? parseMoney(v.installmentAmount) : null;
  const rateLabel = MONTHLY_RATE_LABEL[v.repaymentMethod];
  const rate = rateLabel ? parsePercent(v.monthlyRatePercent, { label: rateLabel }) : null;
  if (rate && !rate.ok) return { kind: "hint", text: rate.error };
  if (v.repaymentMethod === "fixedInstallments" && (!amount || !amount.ok)) {
    return { kind: "hint", text: amount && !amount.ok ? `每期还款：${amount.error}` : "请填写每期还款金额。" };
  }
  try {
    const cost = loanCost({
      method: v.repaymentMethod,
      principal: principal.value,
      received: received.value,
      installmentCount: count,
      installmentAmount: amount && amount.ok ? amount.value : null,
      monthlyRate: rate && rate.ok ? rate.fraction : null,
    });
    if (!cost.realAnnualRate || !cost.effectiveAnnualRate) return { kind: "hint", text: "" };
    const fee = cost.upfrontFee.isZero() ? "" : `，其中提前扣除 ${formatYuan(cost.upfrontFee)}（按实际到手计算）`;
    return {
      kind: "rate",
      high: cost.realAnnualRate.greaterThan("0.24"),
      text:
        `实际年化 ${formatPercent(cost.realAnnualRate)}（复利年化 ${formatPercent(cost.effectiveAnnualRate)}）` +
        `；每月约 ${formatYuan(cost.monthlyPayment ?? 0)}，共还 ${formatYuan(cost.totalRepaid ?? 0)}${fee}`,
    };
  } catch (err) {
    if (err instanceof RateError) return { kind: "hint", text: err.message };
    throw err;
  }
}
