/**
 * The debt vocabulary (glossary.md): kinds, statuses, lenders and repayment methods with their
 * Chinese names. No arithmetic and no decimal.js, so the debt form can name things without
 * loading the rate calculations; ./legal and ./debt-terms re-export all of it.
 */

export const DEBT_KINDS = ["onlineLoan", "creditCard", "consumerFinance", "bankLoan", "privateLoan"] as const;
export type DebtKind = (typeof DEBT_KINDS)[number];
export const DEBT_KIND_LABEL: Record<DebtKind, string> = {
  onlineLoan: "网贷",
  creditCard: "信用卡",
  consumerFinance: "消费金融",
  bankLoan: "银行贷款",
  privateLoan: "民间借贷",
};

export const DEBT_STATUSES = ["current", "overdue", "negotiating", "collectionPaused", "settled", "paused"] as const;
export type DebtStatus = (typeof DEBT_STATUSES)[number];
export const DEBT_STATUS_LABEL: Record<DebtStatus, string> = {
  current: "正常",
  overdue: "逾期",
  negotiating: "协商中",
  collectionPaused: "已停催",
  settled: "已结清",
  paused: "已暂停",
};

/**
 * Who lent the money, as far as the rate lines are concerned:
 * - licensedBank / consumerFinance: licensed by the national regulators;
 * - localLender: one of the seven kinds of local financial organizations (microloan company,
 *   financing guarantee, regional equity market, pawnshop, financial leasing, commercial
 *   factoring, local asset management), licensed locally;
 * - privateLending: people and companies without a lending licence (民间借贷);
 * - unknown: the borrower does not know (common with online loans).
 */
export const LENDER_KINDS = ["licensedBank", "consumerFinance", "localLender", "privateLending", "unknown"] as const;
export type LenderKind = (typeof LENDER_KINDS)[number];
export const LENDER_KIND_LABEL: Record<LenderKind, string> = {
  licensedBank: "银行",
  consumerFinance: "消费金融公司",
  localLender: "小额贷款公司等地方金融组织",
  privateLending: "个人或无放贷资质的机构（民间借贷）",
  unknown: "出借方类型未确定",
};

export const REPAYMENT_METHODS = [
  "fixedInstallments",
  "feeRate",
  "equalInstallment",
  "equalPrincipal",
  "interestFirst",
  "none",
] as const;
export type RepaymentMethod = (typeof REPAYMENT_METHODS)[number];

export const REPAYMENT_METHOD_LABEL: Record<RepaymentMethod, string> = {
  fixedInstallments: "每期固定还款（共 n 期，每期 X 元）",
  feeRate: "按每期手续费率（分期手续费）",
  equalInstallment: "等额本息（按月利率）",
  equalPrincipal: "等额本金（按月利率）",
  interestFirst: "先息后本（按月利率）",
  none: "没有固定计划（如亲友借款）",
};

/** Which method needs a monthly rate, and what the rate is called. */
export const MONTHLY_RATE_LABEL: Partial<Record<RepaymentMethod, string>> = {
  feeRate: "每期手续费率",
  equalInstallment: "月利率",
  equalPrincipal: "月利率",
  interestFirst: "月利率",
};
