import { describe, expect, it } from "vitest";
import { emergencyFundPlan, emergencyFundTarget, PLAN_STAGES, PLAN_STEP_IDS, planProgress, STAGE_IDS } from "./plan";

const stepsOf = (id: string) => PLAN_STAGES.find((s) => s.id === id)?.steps.map((s) => s.id) ?? [];

describe("the three stages", () => {
  it("are buffer, raiseFunds, settle in order, each with a goal and steps with stable, unique ids", () => {
    expect(PLAN_STAGES.map((s) => s.id)).toEqual([...STAGE_IDS]);
    expect(PLAN_STAGES.map((s) => s.title)).toEqual(["争取缓冲", "筹集资金", "协商解决"]);
    expect(PLAN_STAGES[0]?.goal).toContain("停催协议");
    expect(PLAN_STAGES[0]?.goal).toContain("1–3 个月");
    const ids = PLAN_STAGES.flatMap((s) => s.steps.map((step) => step.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(PLAN_STEP_IDS.size).toBe(ids.length);
    for (const stage of PLAN_STAGES) {
      expect(stage.steps.length).toBeGreaterThan(0);
      for (const step of stage.steps) expect(step.id.startsWith(`${stage.id}.`)).toBe(true);
    }
    expect(ids).toContain("buffer.requestStopCollection");
    expect(ids).toContain("raiseFunds.sellAssets");
    expect(ids).toContain("settle.negotiate");
  });
});

describe("planProgress", () => {
  it("nothing checked: buffer is current, its first step next, 0%", () => {
    const p = planProgress([]);
    expect(p.currentStage).toBe("buffer");
    expect(p.nextStep?.id).toBe("buffer.listDebts");
    expect(p.stages.map((s) => s.status)).toEqual(["notStarted", "notStarted", "notStarted"]);
    expect(p.percent).toBe(0);
    expect(p.allDone).toBe(false);
  });

  it("part of buffer checked: in progress, next is the first unchecked step", () => {
    const p = planProgress(["buffer.listDebts", "buffer.contactLenders"]);
    const buffer = p.stages[0];
    expect(buffer?.status).toBe("inProgress");
    expect(buffer?.done).toBe(2);
    expect(buffer?.total).toBe(stepsOf("buffer").length);
    expect(buffer?.percent).toBe(Math.floor((2 * 100) / stepsOf("buffer").length));
    expect(p.nextStep?.id).toBe("buffer.checkRates");
    expect(buffer?.steps.find((s) => s.id === "buffer.contactLenders")?.checked).toBe(true);
  });

  it("buffer done moves the current stage to raiseFunds; a step checked in a later stage does not skip ahead", () => {
    const p = planProgress([...stepsOf("buffer"), "settle.negotiate"]);
    expect(p.stages.map((s) => s.status)).toEqual(["done", "notStarted", "inProgress"]);
    expect(p.stages[0]?.percent).toBe(100);
    expect(p.currentStage).toBe("raiseFunds");
    expect(p.nextStep?.id).toBe(stepsOf("raiseFunds")[0]);
  });

  it("everything checked: all done, no current stage; unknown and repeated ids are ignored", () => {
    const all = [...PLAN_STEP_IDS];
    const p = planProgress([...all, ...all, "retired.step"]);
    expect(p.allDone).toBe(true);
    expect(p.currentStage).toBeNull();
    expect(p.nextStep).toBeNull();
    expect(p.done).toBe(all.length);
    expect(p.total).toBe(all.length);
    expect(p.percent).toBe(100);
  });

  it("a single missing step keeps the path below 100%", () => {
    const all = [...PLAN_STEP_IDS].filter((id) => id !== "settle.settlementProof");
    const p = planProgress(all);
    expect(p.currentStage).toBe("settle");
    expect(p.nextStep?.id).toBe("settle.settlementProof");
    expect(p.percent).toBeLessThan(100);
  });
});

describe("emergency fund", () => {
  it("targets 3 to 6 months of essential spending", () => {
    const t = emergencyFundTarget("4500.50");
    expect(t.min.toFixed(2)).toBe("13501.50");
    expect(t.max.toFixed(2)).toBe("27003.00");
    expect(t.source.mark).toBe("ruleOfThumb");
  });

  it("is built from the month the plan makes room, and says when each target is reached", () => {
    const p = emergencyFundPlan({
      monthlyEssential: "4000",
      currentBalance: "1000",
      monthlyContribution: "2000",
      startMonth: "2027-07",
    });
    // 12,000 − 1,000 = 11,000 → 6 contributions (Jul–Dec); 24,000 − 1,000 → 12 (Jul 2027–Jun 2028).
    expect(p.monthsToMin).toBe(6);
    expect(p.minReachedMonth).toBe("2027-12");
    expect(p.monthsToMax).toBe(12);
    expect(p.maxReachedMonth).toBe("2028-06");
  });

  it("already reached, or never reached without contributions", () => {
    const reached = emergencyFundPlan({
      monthlyEssential: "1000",
      currentBalance: "3000",
      monthlyContribution: "0",
      startMonth: "2027-01",
    });
    expect(reached.monthsToMin).toBe(0);
    expect(reached.minReachedMonth).toBeNull();
    expect(reached.monthsToMax).toBeNull();
    expect(() => emergencyFundTarget("-1")).toThrow("不能为负数");
  });
});
