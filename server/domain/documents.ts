/**
 * Generated documents: 协商还款申请书 (negotiation request letter) and 投诉材料 (harassment
 * complaint), built from the case's data. Pure: takes plain data, returns text the borrower edits
 * before sending or printing. Importable from client components (no zod, no I/O).
 */
import { formatPercent, formatYuan, parseMoney, toDec } from "./money";
import { NOT_LEGAL_ADVICE_TEXT, SOURCES, UPFRONT_FEE_FACT, type Source } from "./reference-facts";

// ---------------------------------------------------------------------------------------------
// Complaint channels (投诉渠道)
// ---------------------------------------------------------------------------------------------

/** The ids match the `complaint_channel` enum in db/schema/protection.ts. */
export const COMPLAINT_CHANNEL_IDS = [
  "nfra12378",
  "pboc12363",
  "nifa",
  "report12321",
  "heimao",
  "police110",
  "court",
  "other",
] as const;
export type ComplaintChannelId = (typeof COMPLAINT_CHANNEL_IDS)[number];

/** Where the channel notes come from: the complaint-channel table of the reference facts. */
export const COMPLAINT_CHANNEL_SOURCE: Source = {
  citation: "各投诉渠道公开的受理范围和办理说明（整理自公开资料）",
  mark: "secondary",
};

export interface ComplaintChannelInfo {
  id: ComplaintChannelId;
  /** Full name: 12378 银行保险消费者投诉热线（国家金融监督管理总局）. */
  label: string;
  /** For narrow places (a select on a phone): 12378 金融监管总局. */
  short: string;
  /** Who the complaint is addressed to (致：…). */
  addressee: string;
  /** What the channel handles. */
  handles: string;
  /** What to know before filing. */
  note: string;
  /** Whether the complaint text fits the channel (harassment); court is for the amount. */
  forHarassment: boolean;
  sources: Source[];
}

export const COMPLAINT_CHANNELS: Record<ComplaintChannelId, ComplaintChannelInfo> = {
  nfra12378: {
    id: "nfra12378",
    short: "12378 金融监管总局",
    label: "12378 银行保险消费者投诉热线（国家金融监督管理总局）",
    addressee: "国家金融监督管理总局（12378 银行保险消费者投诉维权热线）",
    handles: "银行、消费金融公司及其委托的催收",
    note: "会给受理编号，一般约 15–20 个工作日答复。",
    forHarassment: true,
    sources: [COMPLAINT_CHANNEL_SOURCE],
  },
  pboc12363: {
    id: "pboc12363",
    short: "12363 人民银行",
    label: "12363 中国人民银行金融消费权益保护热线",
    addressee: "中国人民银行金融消费权益保护咨询投诉电话（12363）",
    handles: "支付、征信问题，例如错误的征信记录",
    note: "一般要求先向机构本身投诉，机构处理不满意再投诉到这里。",
    forHarassment: true,
    sources: [COMPLAINT_CHANNEL_SOURCE],
  },
  nifa: {
    id: "nifa",
    short: "互联网金融协会",
    label: "中国互联网金融协会举报平台",
    addressee: "中国互联网金融协会",
    handles: "网贷平台及其催收",
    note: "行业协会，不是监管部门，处理结果靠平台自律。",
    forHarassment: true,
    sources: [COMPLAINT_CHANNEL_SOURCE],
  },
  report12321: {
    id: "report12321",
    short: "12321 举报中心",
    label: "12321 网络不良与垃圾信息举报",
    addressee: "12321 网络不良与垃圾信息举报受理中心",
    handles: "骚扰短信和骚扰电话",
    note: "保留原始短信，不要删改或只留截图。",
    forHarassment: true,
    sources: [COMPLAINT_CHANNEL_SOURCE],
  },
  heimao: {
    id: "heimao",
    short: "黑猫投诉",
    label: "黑猫投诉（消费投诉平台）",
    addressee: "黑猫投诉平台",
    handles: "公开投诉，给企业施加舆论压力",
    note: "由企业自己决定怎么处理；公开内容不要写身份证号、住址等隐私。",
    forHarassment: true,
    sources: [COMPLAINT_CHANNEL_SOURCE],
  },
  police110: {
    id: "police110",
    short: "110 / 派出所",
    label: "110 / 当地派出所",
    addressee: "当地公安机关",
    handles: "威胁、暴力、上门、冒充公检法等违法犯罪行为",
    note: "只针对违法犯罪行为，不处理欠款金额和利息的争议。",
    forHarassment: true,
    sources: [COMPLAINT_CHANNEL_SOURCE, SOURCES.collectionCrime],
  },
  court: {
    id: "court",
    short: "法院",
    label: "法院",
    addressee: "人民法院",
    handles: "欠款金额和利率的争议",
    note: "收到法院文书请留意答辩、上诉期限。",
    forHarassment: false,
    sources: [COMPLAINT_CHANNEL_SOURCE],
  },
  other: {
    id: "other",
    short: "其他渠道",
    label: "其他渠道",
    addressee: "",
    handles: "例如平台自己的客服投诉通道",
    note: "记下受理编号和对方答复的时间。",
    forHarassment: true,
    sources: [COMPLAINT_CHANNEL_SOURCE],
  },
};

// ---------------------------------------------------------------------------------------------
// 投诉材料
// ---------------------------------------------------------------------------------------------

export interface ComplaintInput {
  borrowerName: string;
  /** 2026年11月27日 */
  today: string;
  timeline: { when: string; channel: string; counterpart: string; summary: string; markers: string[] }[];
  counts: { label: string; entries: number; citations: string[] }[];
  evidence: { name: string; sha256: string; uploaded: string; description: string }[];
  /** The channel the complaint is addressed to; none: a general complaint (the evidence package). */
  channel?: ComplaintChannelId;
  /** The platforms complained about (被投诉方). */
  platforms?: string[];
}

const REQUEST_BY_CHANNEL: Partial<Record<ComplaintChannelId, string>> = {
  police110: "以上行为涉嫌以威胁、骚扰等方式催收，请依法调查处理，制止对我和家人的威胁、骚扰。",
  report12321: "请对上述骚扰电话和短信依法处理。",
  heimao: "请平台责令商家立即停止上述违规催收行为，不再联系我的亲友、同事。",
};

export function complaintText(input: ComplaintInput): string {
  const lines: string[] = [];
  const channel = input.channel ? COMPLAINT_CHANNELS[input.channel] : null;
  lines.push("投诉材料：违规催收", "");
  if (channel?.addressee) lines.push(`致：${channel.addressee}`);
  lines.push(`投诉人：${input.borrowerName}`);
  const platforms = (input.platforms ?? []).filter((p) => p.trim() !== "");
  if (platforms.length > 0) lines.push(`被投诉方：${platforms.join("、")}及其委托的催收人员`);
  lines.push(`日期：${input.today}`, "");
  lines.push("一、事实");
  if (input.counts.length === 0) lines.push("（暂无被标记的催收行为）");
  for (const c of input.counts) lines.push(`- ${c.label}：${c.entries} 次（依据：${c.citations.join("；")}）`);
  lines.push("", "二、时间线");
  if (input.timeline.length === 0) lines.push("（暂无被标记的联系记录）");
  for (const t of input.timeline) {
    const who = t.counterpart ? `，对方：${t.counterpart}` : "";
    const what = t.summary ? `，内容：${t.summary}` : "";
    lines.push(`- ${t.when} ${t.channel}${who}${what}【${t.markers.join("、")}】`);
  }
  lines.push("", "三、证据清单（SHA-256 指纹可证明文件未被修改）");
  if (input.evidence.length === 0) lines.push("（暂无上传的证据）");
  input.evidence.forEach((e, i) => {
    lines.push(`${i + 1}. ${e.name}（上传于 ${e.uploaded}）${e.description ? `：${e.description}` : ""}`);
    lines.push(`   SHA-256：${e.sha256}`);
  });
  lines.push("", "四、请求");
  lines.push(
    (input.channel && REQUEST_BY_CHANNEL[input.channel]) ??
      "请责令对方立即停止上述违规催收行为，不再联系我的亲友、同事，并依法处理。",
  );
  lines.push("", "提醒：不要向任何第三方支付“协商手续费”；“征信修复”“洗白”都是骗局。");
  lines.push(NOT_LEGAL_ADVICE_TEXT);
  return lines.join("\n");
}

// ---------------------------------------------------------------------------------------------
// 协商还款申请书
// ---------------------------------------------------------------------------------------------

export const PROPOSAL_KINDS = ["installments", "discount", "stopCollection"] as const;
export type ProposalKind = (typeof PROPOSAL_KINDS)[number];
export const PROPOSAL_LABEL: Record<ProposalKind, string> = {
  installments: "分期还款",
  discount: "减免后一次性结清",
  stopCollection: "暂停催收（停催）",
};

/** Amounts and counts as the borrower typed them; anything not valid yet shows as a blank to fill. */
export type NegotiationProposal =
  | { kind: "installments"; months: string; monthlyAmount: string }
  | { kind: "discount"; payAmount: string; payBy: string }
  | { kind: "stopCollection"; months: string };

export interface NegotiationLetterInput {
  borrowerName: string;
  /** 2026年11月27日 */
  today: string;
  platform: string;
  /** YYYY-MM-DD, or null when unknown. */
  contractDate: string | null;
  /** Decimal strings in yuan. */
  principal: string;
  received: string;
  outstanding: string;
  paid: string;
  overdueDays: number;
  /** The real annual rate (IRR, nominal) as a fraction, when known. */
  realAnnualRate: string | null;
  /** Lines the real rate is above (only those that apply or may apply), each with its source. */
  linesAbove: { label: string; meaning: string; citation: string }[];
  hardship: string;
  proofs: string[];
  proposal: NegotiationProposal;
}

const BLANK_AMOUNT = "____ 元";
const BLANK_COUNT = "__";

function amountOrBlank(raw: string): string {
  const parsed = parseMoney(raw);
  return parsed.ok && !parsed.value.isZero() ? formatYuan(parsed.value) : BLANK_AMOUNT;
}

/** A whole number of months, 1–120, or null. */
export function monthsOf(raw: string): number | null {
  const s = raw.trim();
  if (!/^\d{1,3}$/.test(s)) return null;
  const n = Number(s);
  return n >= 1 && n <= 120 ? n : null;
}

/** YYYY-MM-DD as 2026年12月31日; anything else as a blank. */
function longDateOrBlank(raw: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw.trim());
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : "____年__月__日";
}

/** The proposal paragraph, with the total for installments computed exactly. */
export function proposalText(proposal: NegotiationProposal): string {
  switch (proposal.kind) {
    case "installments": {
      const months = monthsOf(proposal.months);
      const monthly = parseMoney(proposal.monthlyAmount);
      const total =
        months !== null && monthly.ok && !monthly.value.isZero() ? formatYuan(monthly.value.times(months)) : null;
      return `申请将剩余欠款分 ${months ?? BLANK_COUNT} 期偿还，每月还款 ${amountOrBlank(proposal.monthlyAmount)}${
        total ? `，合计 ${total}` : ""
      }。分期期间请停止计收罚息和违约金，我每月按时还款。`;
    }
    case "discount":
      return `申请减免部分利息、罚息和费用：我于 ${longDateOrBlank(proposal.payBy)}前一次性偿还 ${amountOrBlank(
        proposal.payAmount,
      )}，贵司确认全部结清，不再追偿余款，并出具结清证明。`;
    case "stopCollection": {
      const months = monthsOf(proposal.months);
      return `申请暂停催收 ${months ?? BLANK_COUNT} 个月（停催）。在此期间请停止电话、短信和上门催收，停止计收罚息；期满后我按双方书面约定的方案恢复还款。`;
    }
  }
}

export function negotiationLetterText(input: NegotiationLetterInput): string {
  const lines: string[] = [];
  lines.push("协商还款申请书", "");
  lines.push(`致：${input.platform}`);
  lines.push(`申请人：${input.borrowerName}`);
  lines.push(`日期：${input.today}`, "");

  lines.push("一、借款情况");
  if (input.contractDate) lines.push(`- 借款日期：${longDateOrBlank(input.contractDate)}`);
  lines.push(`- 借款金额（合同金额）：${formatYuan(input.principal)}`);
  const upfront = toDec(input.principal).minus(toDec(input.received));
  if (upfront.greaterThan(0)) {
    lines.push(
      `- 实际到手：${formatYuan(input.received)}（借款时被预先扣除 ${formatYuan(upfront)}。${UPFRONT_FEE_FACT.text}依据：${UPFRONT_FEE_FACT.source.citation}）`,
    );
  } else {
    lines.push(`- 实际到手：${formatYuan(input.received)}`);
  }
  lines.push(`- 已经还款：${formatYuan(input.paid)}`);
  lines.push(`- 目前剩余待还：${formatYuan(input.outstanding)}`);
  if (input.overdueDays > 0) lines.push(`- 已逾期 ${input.overdueDays} 天`);

  lines.push("", "二、困难情况");
  lines.push(
    input.hardship.trim() || "（请写明还不上的具体原因，例如失业、收入减少、生病、家庭变故，以及从什么时候开始）",
  );
  const proofs = input.proofs.map((p) => p.trim()).filter((p) => p !== "");
  if (proofs.length > 0) {
    lines.push("", "证明材料（附后）：");
    proofs.forEach((p, i) => lines.push(`${i + 1}. ${p}`));
  }

  lines.push("", `三、还款方案：${PROPOSAL_LABEL[input.proposal.kind]}`);
  lines.push(proposalText(input.proposal));

  let section = 4;
  if (input.realAnnualRate !== null && input.linesAbove.length > 0) {
    lines.push("", "四、关于利率");
    lines.push(
      `按实际到手金额和还款安排计算，这笔借款的实际年化利率（IRR）为 ${formatPercent(input.realAnnualRate)}，超过了以下标准：`,
    );
    for (const l of input.linesAbove) lines.push(`- ${l.label}：${l.meaning}（依据：${l.citation}）`);
    lines.push("请按合法的标准重新核算应还金额，超出部分不应再收取。");
    section = 5;
  }

  const numeral = ["", "一", "二", "三", "四", "五"][section] ?? String(section);
  lines.push("", `${numeral}、请求`);
  lines.push(
    "我不是不还，而是暂时还不上，愿意积极还款。恳请贵司同意上述方案；协商期间暂停催收、停止计收罚息，不联系我的亲友和同事。请在收到本申请后 7 个工作日内以书面形式（短信、App 消息或邮件）答复，双方确认的方案请以书面协议写明。",
  );
  lines.push("", "此致", "敬礼", "", `申请人：${input.borrowerName}`, `日期：${input.today}`);
  return lines.join("\n");
}
