/**
 * Speed of the domain core, printed by `npm run bench` (never asserted: timings vary by machine).
 * The targets they are read against: a debt's real rate well under 1 ms, so the form can preview
 * it on every keystroke; a 50-debt plan fast enough to recompute on every page load.
 */
import { bench, describe } from "vitest";
import { realAnnualRate, scheduleFromDescription } from "@/server/domain/apr";
import {
  compareStrategies,
  monthlyBudgetToFinishWithin,
  PayoffNeverFinishesError,
  simulatePayoff,
  type PayoffDebt,
  type PayoffInput,
} from "@/server/domain/payoff";

const pboc = { received: "99000", payments: Array.from({ length: 12 }, () => "8833.3") };
const irregular = {
  received: "4000",
  payments: ["0", "0", "1500", "0", "1200", "1200", "0", "900", "900", "900", "0", "1000"],
};
const longLoan = scheduleFromDescription({
  kind: "feeRate",
  principal: "120000",
  installments: 360,
  monthlyFeeRate: "0.006",
});

describe("real annual rate (IRR)", () => {
  bench("12 equal payments (PBOC example)", () => {
    realAnnualRate(pboc);
  });
  bench("irregular schedule with gaps", () => {
    realAnnualRate(irregular);
  });
  bench("360 monthly payments", () => {
    realAnnualRate({ received: longLoan.received, payments: longLoan.payments });
  });
});

const fiftyDebts: PayoffDebt[] = Array.from({ length: 50 }, (_, i) => ({
  id: `d${i}`,
  balance: String(2000 + i * 700),
  annualRate: (0.08 + (i % 10) * 0.04).toFixed(2),
  minimumPayment: String(60 + i * 5),
}));
const fiveDebts = fiftyDebts.slice(0, 5);
const longPlan: PayoffInput = {
  startMonth: "2026-12",
  debts: fiftyDebts,
  monthlyBudget: "19165",
  strategy: "avalanche",
};
const neverFinishes: PayoffInput = { ...longPlan, monthlyBudget: "18000" };
const reversedOrder = fiftyDebts.map((d) => d.id).reverse();

describe("payoff simulation", () => {
  bench("5 debts, avalanche", () => {
    simulatePayoff({ startMonth: "2026-12", debts: fiveDebts, monthlyBudget: "3000", strategy: "avalanche" });
  });
  bench("50 debts, avalanche", () => {
    simulatePayoff({ startMonth: "2026-12", debts: fiftyDebts, monthlyBudget: "40000", strategy: "avalanche" });
  });
  // The product target: 50 debts over 360 months (19,165 a month clears these in exactly 360) under 20 ms.
  bench("50 debts × 360 months, avalanche", () => {
    simulatePayoff(longPlan);
  });
});

// What the plan page computes on every load: the plan, then every strategy side by side; a plan that
// never finishes also searches for the monthly budget that would (for the plan and per strategy).
describe("plan page", () => {
  bench("compareStrategies, 50 debts × ~360 months, 3 strategies", () => {
    compareStrategies({ ...longPlan, customOrder: reversedOrder });
  });
  bench("never finishes: 50 debts below the interest, plan + required budget", () => {
    try {
      simulatePayoff(neverFinishes);
    } catch (e) {
      if (!(e instanceof PayoffNeverFinishesError)) throw e;
    }
  });
  bench("never finishes: compareStrategies, 50 debts, 3 strategies", () => {
    compareStrategies({ ...neverFinishes, customOrder: reversedOrder });
  });
  bench("monthlyBudgetToFinishWithin 360 months, 50 debts", () => {
    monthlyBudgetToFinishWithin(longPlan, 360);
  });
});
