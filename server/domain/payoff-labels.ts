/**
 * The repayment strategies and negotiated terms by name, apart from the payoff arithmetic in
 * ./payoff (which needs decimal.js): the plan form imports these and stays light.
 */
import type { NegotiatedTermKind } from "./payoff";

export const STRATEGIES = ["avalanche", "snowball", "custom"] as const;
export type Strategy = (typeof STRATEGIES)[number];
export const STRATEGY_LABEL: Record<Strategy, string> = {
  avalanche: "雪崩法（利率最高的先还）",
  snowball: "雪球法（余额最小的先还）",
  custom: "自定义顺序",
};

export const TERM_LABEL: Record<NegotiatedTermKind, string> = {
  stopCollection: "停催协议",
  installment: "分期协议",
  principalDiscount: "本金减免",
  deferral: "延期还款",
};
