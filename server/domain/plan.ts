/**
 * The three-stage self-rescue path (三个阶段), from the seed article:
 *   1. 争取缓冲 buffer — reach stop-collection agreements (停催协议) to win a 1–3 month buffer;
 *   2. 筹集资金 raiseFunds — side income, selling assets, while keeping essential spending;
 *   3. 协商解决 settle — negotiated installments or a principal discount, then pay as agreed.
 * Each stage has a goal and a checklist of steps with stable ids ("buffer.requestStopCollection"):
 * the ids are stored with the borrower's checks, so they never change meaning; a step may be
 * retired, never renumbered. Progress is computed from the checked ids alone; unknown ids are
 * ignored.
 *
 * The emergency fund (应急基金): 3–6 months of essential spending, built once the plan makes room
 * for it (usually from the month after the debt-free month, when the repayment capacity is free).
 *
 * Rules of thumb, not law (domain-facts.md).
 *
 * Pure: no I/O.
 */
import type { Source } from "./reference-facts";
import { Dec, roundFen, toDec } from "./money";
import { addMonths, type YearMonth } from "./payoff";

type DecInput = Dec | string;

export const STAGE_IDS = ["buffer", "raiseFunds", "settle"] as const;
export type StageId = (typeof STAGE_IDS)[number];

export interface PlanStep {
  /** Stable id, "<stage>.<step>". */
  id: string;
  title: string;
  detail: string;
}

export interface PlanStage {
  id: StageId;
  /** 1, 2, 3. */
  number: number;
  title: string;
  goal: string;
  steps: readonly PlanStep[];
}

export const SELF_RESCUE_SOURCE: Source = { citation: "债务处理的一般经验（上岸三个阶段）", mark: "ruleOfThumb" };

/** The buffer a stop-collection agreement usually wins, in months. */
export const BUFFER_MONTHS = { min: 1, max: 3 } as const;

export const PLAN_STAGES: readonly PlanStage[] = [
  {
    id: "buffer",
    number: 1,
    title: "争取缓冲",
    goal: "主动联系出借方，达成停催协议，争取 1–3 个月的缓冲期，先把局面稳住。",
    steps: [
      {
        id: "buffer.listDebts",
        title: "列出全部债务",
        detail: "每笔写清平台、剩余待还、逾期天数和实际年化利率，心里有一本完整的账。",
      },
      {
        id: "buffer.checkRates",
        title: "核对实际利率",
        detail: "算出每笔借款的实际年化利率，看有没有砍头息、是否超过法律支持的上限。",
      },
      {
        id: "buffer.contactLenders",
        title: "主动联系出借方",
        detail: "通过官方客服电话或 App 说明困难和还款意愿，不要失联。",
      },
      {
        id: "buffer.requestStopCollection",
        title: "申请停催协议",
        detail: "请求暂停催收 1–3 个月，并尽量争取停止计息。",
      },
      {
        id: "buffer.keepRecords",
        title: "留存协议和沟通记录",
        detail: "协议内容要有书面、短信或录音记录；遇到违规催收也保留证据。",
      },
    ],
  },
  {
    id: "raiseFunds",
    number: 2,
    title: "筹集资金",
    goal: "在保住房租、伙食、医疗等必要支出的前提下，增加收入、变卖闲置资产，筹出还款的钱。",
    steps: [
      {
        id: "raiseFunds.budget",
        title: "做好收支预算",
        detail: "填写每月收支，必要支出不超过收入的 50%，算出每月可用于还款的金额。",
      },
      {
        id: "raiseFunds.cutDiscretionary",
        title: "削减可选支出",
        detail: "按预算建议减少娱乐、购物等可选支出。",
      },
      {
        id: "raiseFunds.sideIncome",
        title: "增加收入",
        detail: "找兼职或副业，把多出的收入全部用于还款。",
      },
      {
        id: "raiseFunds.sellAssets",
        title: "变卖闲置资产",
        detail: "把不必要的物品或资产变现，作为一次性收入放进还款计划。",
      },
      {
        id: "raiseFunds.repaymentAccount",
        title: "开设专门的还款账户",
        detail: "还款的钱单独存放，不和日常开销混在一起。",
      },
      {
        id: "raiseFunds.noNewBorrowing",
        title: "不借新还旧",
        detail: "不再借高利息的新贷款来还旧债，确需借款只找年化 10% 以下的持牌机构。",
      },
    ],
  },
  {
    id: "settle",
    number: 3,
    title: "协商解决",
    goal: "与每个出借方协商分期还款或本金减免，拿到书面协议，按约定还清。",
    steps: [
      {
        id: "settle.choosePlan",
        title: "选定还款计划",
        detail: "比较雪崩法、雪球法和自定义顺序，定下每笔债务的还款顺序和还清日期。",
      },
      {
        id: "settle.requestLetter",
        title: "准备协商还款申请书",
        detail: "写明困难原因、收入情况和能承受的还款方案。",
      },
      {
        id: "settle.negotiate",
        title: "逐一协商",
        detail: "与每个出借方协商分期还款或本金减免，只和官方渠道谈，不付任何“协商手续费”。",
      },
      {
        id: "settle.agreementInWriting",
        title: "拿到书面协议",
        detail: "协议写清结清金额、期数和每期还款日。",
      },
      {
        id: "settle.payOnTime",
        title: "按协议按时还款",
        detail: "每次还款都记录下来，保留转账凭证。",
      },
      {
        id: "settle.settlementProof",
        title: "索取结清证明",
        detail: "还清后向出借方索取结清证明，之后查询征信报告核对。",
      },
    ],
  },
];

export const STAGE_LABEL: Record<StageId, string> = {
  buffer: "争取缓冲",
  raiseFunds: "筹集资金",
  settle: "协商解决",
};

export type StageStatus = "notStarted" | "inProgress" | "done";

export const STAGE_STATUS_LABEL: Record<StageStatus, string> = {
  notStarted: "未开始",
  inProgress: "进行中",
  done: "已完成",
};

export interface StageProgress {
  id: StageId;
  title: string;
  goal: string;
  status: StageStatus;
  done: number;
  total: number;
  /** Whole percent, rounded down (100 only when every step is checked). */
  percent: number;
  /** First unchecked step, in checklist order; null when the stage is done. */
  nextStep: PlanStep | null;
  steps: (PlanStep & { checked: boolean })[];
}

export interface PlanProgress {
  stages: StageProgress[];
  /** The first stage not done; null when all three are done. */
  currentStage: StageId | null;
  /** The next step of the current stage; null when all is done. */
  nextStep: PlanStep | null;
  done: number;
  total: number;
  percent: number;
  allDone: boolean;
}

function percentOf(done: number, total: number): number {
  return total === 0 ? 100 : Math.floor((done * 100) / total);
}

/** Status of each stage and of the whole path from the ids of the checked steps. */
export function planProgress(checkedStepIds: Iterable<string>): PlanProgress {
  const checked = new Set(checkedStepIds);
  const stages = PLAN_STAGES.map((stage): StageProgress => {
    const steps = stage.steps.map((s) => ({ ...s, checked: checked.has(s.id) }));
    const done = steps.filter((s) => s.checked).length;
    const total = steps.length;
    const next = stage.steps.find((s) => !checked.has(s.id)) ?? null;
    return {
      id: stage.id,
      title: stage.title,
      goal: stage.goal,
      status: done === 0 ? "notStarted" : done === total ? "done" : "inProgress",
      done,
      total,
      percent: percentOf(done, total),
      nextStep: next,
      steps,
    };
  });
  const current = stages.find((s) => s.status !== "done") ?? null;
  const done = stages.reduce((acc, s) => acc + s.done, 0);
  const total = stages.reduce((acc, s) => acc + s.total, 0);
  return {
    stages,
    currentStage: current ? current.id : null,
    nextStep: current ? current.nextStep : null,
    done,
    total,
    percent: percentOf(done, total),
    allDone: current === null,
  };
}

/** Every step id, for validating what a client sends. */
export const PLAN_STEP_IDS: ReadonlySet<string> = new Set(PLAN_STAGES.flatMap((s) => s.steps.map((step) => step.id)));

// ---------------------------------------------------------------------------------------------
// Emergency fund
// ---------------------------------------------------------------------------------------------

export const EMERGENCY_FUND_MONTHS = { min: 3, max: 6 } as const;

export const EMERGENCY_FUND_SOURCE: Source = {
  citation: "个人理财的一般经验：应急基金为 3–6 个月的必要支出",
  mark: "ruleOfThumb",
};

export interface EmergencyFundTarget {
  /** 3 × monthly essential spending, to the fen. */
  min: Dec;
  /** 6 × monthly essential spending, to the fen. */
  max: Dec;
  source: Source;
}

function nonNegative(value: DecInput, what: string): Dec {
  let d: Dec;
  try {
    d = toDec(value);
  } catch {
    throw new RangeError(`${what}格式不正确`);
  }
  if (!d.isFinite()) throw new RangeError(`${what}格式不正确`);
  if (d.isNegative()) throw new RangeError(`${what}不能为负数`);
  return d;
}

export function emergencyFundTarget(monthlyEssential: DecInput): EmergencyFundTarget {
  const essential = nonNegative(monthlyEssential, "每月必要支出");
  return {
    min: roundFen(essential.times(EMERGENCY_FUND_MONTHS.min)),
    max: roundFen(essential.times(EMERGENCY_FUND_MONTHS.max)),
    source: EMERGENCY_FUND_SOURCE,
  };
}

export interface EmergencyFundPlanInput {
  monthlyEssential: DecInput;
  /** Already set aside. */
  currentBalance: DecInput;
  /** Set aside each month from `startMonth`. */
  monthlyContribution: DecInput;
  /** First month of contributions: usually the month after the debt-free month. */
  startMonth: YearMonth;
}

export interface EmergencyFundPlan {
  target: EmergencyFundTarget;
  /** Contributions needed to reach 3 months (0 when reached); null when it is never reached. */
  monthsToMin: number | null;
  monthsToMax: number | null;
  /** The month of the contribution that reaches the target; null when reached already or never. */
  minReachedMonth: YearMonth | null;
  maxReachedMonth: YearMonth | null;
}

/** Monthly contributions needed to go from `balance` to `target`: 0 if reached, null if never. */
export function contributionsToReach(target: Dec, balance: Dec, contribution: Dec): number | null {
  if (balance.greaterThanOrEqualTo(target)) return 0;
  if (contribution.isZero()) return null;
  return target.minus(balance).dividedBy(contribution).toDecimalPlaces(0, Dec.ROUND_CEIL).toNumber();
}

/** When the fund reaches 3 and 6 months of essential spending with a steady monthly contribution. */
export function emergencyFundPlan(input: EmergencyFundPlanInput): EmergencyFundPlan {
  const target = emergencyFundTarget(input.monthlyEssential);
  const balance = nonNegative(input.currentBalance, "应急基金余额");
  const contribution = nonNegative(input.monthlyContribution, "每月存入金额");
  const monthsToMin = contributionsToReach(target.min, balance, contribution);
  const monthsToMax = contributionsToReach(target.max, balance, contribution);
  const reached = (n: number | null) => (n === null || n === 0 ? null : addMonths(input.startMonth, n - 1));
  return {
    target,
    monthsToMin,
    monthsToMax,
    minReachedMonth: reached(monthsToMin),
    maxReachedMonth: reached(monthsToMax),
  };
}
