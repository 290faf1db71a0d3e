import { describe, expect, it } from "vitest";
import {
  COMPLAINT_CHANNEL_IDS,
  COMPLAINT_CHANNELS,
  complaintText,
  monthsOf,
  negotiationLetterText,
  proposalText,
  type ComplaintInput,
  type NegotiationLetterInput,
} from "./documents";
import { NOT_LEGAL_ADVICE_TEXT, UPFRONT_FEE_FACT } from "./reference-facts";

const letter = (over: Partial<NegotiationLetterInput> = {}): NegotiationLetterInput => ({
  borrowerName: "小林",
  today: "2026年11月27日",
  platform: "急用钱",
  contractDate: "2025-03-15",
  principal: "10000",
  received: "8500",
  outstanding: "7321.5",
  paid: "4200",
  overdueDays: 45,
  realAnnualRate: "0.482",
  linesAbove: [{ label: "36%", meaning: "综合资金成本不超过年化 36%。", citation: "整治办函〔2017〕141号" }],
  hardship: "2026 年 8 月失业，目前没有固定收入。",
  proofs: ["离职证明", "", "  银行流水（近 6 个月） "],
  proposal: { kind: "installments", months: "12", monthlyAmount: "610.13" },
  ...over,
});

describe("negotiationLetterText", () => {
  it("states what was borrowed, received and paid, with the fee deducted in advance and its source", () => {
    const text = negotiationLetterText(letter());
    expect(text).toContain("致：急用钱");
    expect(text).toContain("申请人：小林");
    expect(text).toContain("借款日期：2025年3月15日");
    expect(text).toContain("借款金额（合同金额）：¥10,000.00");
    expect(text).toContain("实际到手：¥8,500.00（借款时被预先扣除 ¥1,500.00。");
    expect(text).toContain(UPFRONT_FEE_FACT.source.citation);
    expect(text).toContain("已经还款：¥4,200.00");
    expect(text).toContain("目前剩余待还：¥7,321.50");
    expect(text).toContain("已逾期 45 天");
  });

  it("omits the advance-fee sentence when everything was received, and the overdue line when not overdue", () => {
    const text = negotiationLetterText(letter({ received: "10000", overdueDays: 0 }));
    expect(text).toContain("实际到手：¥10,000.00\n");
    expect(text).not.toContain("预先扣除");
    expect(text).not.toContain("已逾期");
  });

  it("lists the hardship and the non-empty proofs, numbered and trimmed", () => {
    const text = negotiationLetterText(letter());
    expect(text).toContain("二、困难情况\n2026 年 8 月失业，目前没有固定收入。");
    expect(text).toContain("证明材料（附后）：\n1. 离职证明\n2. 银行流水（近 6 个月）\n");
  });

  it("prompts for the hardship when it is blank and leaves out an empty proof list", () => {
    const text = negotiationLetterText(letter({ hardship: "   ", proofs: ["", " "] }));
    expect(text).toContain("（请写明还不上的具体原因");
    expect(text).not.toContain("证明材料");
  });

  it("computes the installment total exactly (12 × 610.13 = 7,321.56)", () => {
    const text = negotiationLetterText(letter());
    expect(text).toContain("三、还款方案：分期还款");
    expect(text).toContain("分 12 期偿还，每月还款 ¥610.13，合计 ¥7,321.56。");
  });

  it("shows the real annual rate and each line it exceeds with the citation, then numbers the request five", () => {
    const text = negotiationLetterText(letter());
    expect(text).toContain("四、关于利率");
    expect(text).toContain("实际年化利率（IRR）为 48.20%");
    expect(text).toContain("- 36%：综合资金成本不超过年化 36%。（依据：整治办函〔2017〕141号）");
    expect(text).toContain("五、请求");
  });

  it("has no rate section when the rate exceeds no line, and numbers the request four", () => {
    const text = negotiationLetterText(letter({ linesAbove: [] }));
    expect(text).not.toContain("关于利率");
    expect(text).toContain("四、请求");
    const unknown = negotiationLetterText(letter({ realAnnualRate: null }));
    expect(unknown).not.toContain("实际年化利率");
  });

  it("accepts 万 and full-width digits in typed amounts, and shows blanks for what is not filled in", () => {
    expect(proposalText({ kind: "discount", payAmount: "0.5万", payBy: "2026-12-31" })).toContain(
      "我于 2026年12月31日前一次性偿还 ¥5,000.00",
    );
    expect(proposalText({ kind: "installments", months: "", monthlyAmount: "abc" })).toBe(
      "申请将剩余欠款分 __ 期偿还，每月还款 ____ 元。分期期间请停止计收罚息和违约金，我每月按时还款。",
    );
    expect(proposalText({ kind: "discount", payAmount: "", payBy: "" })).toContain(
      "____年__月__日前一次性偿还 ____ 元",
    );
    expect(proposalText({ kind: "stopCollection", months: "３" })).toContain("暂停催收 __ 个月");
    expect(proposalText({ kind: "stopCollection", months: "3" })).toContain("暂停催收 3 个月（停催）");
  });

  it("accepts 1 to 120 months only", () => {
    expect(monthsOf("1")).toBe(1);
    expect(monthsOf(" 120 ")).toBe(120);
    expect(monthsOf("0")).toBeNull();
    expect(monthsOf("121")).toBeNull();
    expect(monthsOf("2.5")).toBeNull();
  });
});

const complaint = (over: Partial<ComplaintInput> = {}): ComplaintInput => ({
  borrowerName: "小林",
  today: "2026年11月27日",
  timeline: [
    {
      when: "2026-01-10 23:40",
      channel: "电话",
      counterpart: "自称法院的人",
      summary: "说明天来家里",
      markers: ["夜间催收（22:00–08:00）", "冒充公检法或律师"],
    },
  ],
  counts: [{ label: "夜间催收（22:00–08:00）", entries: 1, citations: ["行业自律规范"] }],
  evidence: [{ name: "录音.m4a", sha256: "ab".repeat(32), uploaded: "2026-01-11 09:00", description: "深夜电话" }],
  ...over,
});

describe("complaintText", () => {
  it("contains the facts with citations, the timeline with markers and the evidence fingerprints", () => {
    const text = complaintText(complaint());
    expect(text).toContain("- 夜间催收（22:00–08:00）：1 次（依据：行业自律规范）");
    expect(text).toContain(
      "- 2026-01-10 23:40 电话，对方：自称法院的人，内容：说明天来家里【夜间催收（22:00–08:00）、冒充公检法或律师】",
    );
    expect(text).toContain("1. 录音.m4a（上传于 2026-01-11 09:00）：深夜电话");
    expect(text).toContain(`SHA-256：${"ab".repeat(32)}`);
    expect(text).toContain(NOT_LEGAL_ADVICE_TEXT);
    expect(text).toContain("协商手续费");
    expect(text).not.toContain("致：");
  });

  it("is addressed to the chosen channel, names the platforms and asks what that channel can do", () => {
    const police = complaintText(complaint({ channel: "police110", platforms: ["急用钱", ""] }));
    expect(police).toContain(`致：${COMPLAINT_CHANNELS.police110.addressee}`);
    expect(police).toContain("被投诉方：急用钱及其委托的催收人员");
    expect(police).toContain("请依法调查处理");
    const regulator = complaintText(complaint({ channel: "nfra12378" }));
    expect(regulator).toContain("致：国家金融监督管理总局");
    expect(regulator).toContain("请责令对方立即停止上述违规催收行为");
    expect(regulator).not.toContain("被投诉方");
  });

  it("says so when there is nothing marked and no evidence", () => {
    const text = complaintText(complaint({ timeline: [], counts: [], evidence: [] }));
    expect(text).toContain("（暂无被标记的催收行为）");
    expect(text).toContain("（暂无被标记的联系记录）");
    expect(text).toContain("（暂无上传的证据）");
  });

  it("gives every channel a label, what it handles and a source", () => {
    for (const id of COMPLAINT_CHANNEL_IDS) {
      const c = COMPLAINT_CHANNELS[id];
      expect(c.id).toBe(id);
      expect(c.label).not.toBe("");
      expect(c.short.length).toBeLessThanOrEqual(12);
      expect(c.handles).not.toBe("");
      expect(c.sources.length).toBeGreaterThan(0);
    }
  });
});
