/**
 * The sourced facts behind what Shore says about rates, overdue stages and court deadlines, in the
 * words shown to borrowers. Every fact here comes from the reference notes on law, credit and money (domain facts) and
 * carries its mark (verified / secondary / rule of thumb) so the page can say how sure it is.
 *
 * One deliberate difference from domain-facts.md, flagged for review: the Supreme People's Court
 * reply 法释〔2020〕27号 (in force 2021-01-01) says the 2020 private-lending provisions do NOT apply
 * to the seven kinds of local financial organizations (microloan companies and the rest), so the
 * 4 × LPR line is shown to their borrowers as a reference, not as a line courts apply. See
 * `SOURCES.scopeReply2020` and `LINE_APPLICABILITY.localLender` in legal.ts.
 */

export type SourceMark = "verified" | "secondary" | "ruleOfThumb";

/** How sure a fact is, in the words shown next to it. */
export const SOURCE_MARK_LABEL: Record<SourceMark, string> = {
  verified: "已核对法律原文",
  secondary: "多方可靠报道一致，未核对原文",
  ruleOfThumb: "一般经验，非法律规定",
};

export interface Source {
  /** What the borrower sees as the source, e.g. 《民事诉讼法》第 128 条. */
  citation: string;
  mark: SourceMark;
}

export const SOURCES = {
  privateLending2020: {
    citation: "《最高人民法院关于审理民间借贷案件适用法律若干问题的规定》（2020 年第二次修正）第 25、28、29 条",
    mark: "verified",
  },
  privateLending2020Scope: {
    citation: "《最高人民法院关于审理民间借贷案件适用法律若干问题的规定》（2020 年第二次修正）第 1 条",
    mark: "verified",
  },
  upfrontFee: {
    citation: "《最高人民法院关于审理民间借贷案件适用法律若干问题的规定》（2020 年第二次修正）第 26 条",
    mark: "verified",
  },
  transition2020: {
    citation: "《最高人民法院关于审理民间借贷案件适用法律若干问题的规定》（2020 年第二次修正）第 31 条",
    mark: "verified",
  },
  privateLending2015: {
    citation: "《最高人民法院关于审理民间借贷案件适用法律若干问题的规定》（2015 年）第 26 条",
    mark: "secondary",
  },
  scopeReply2020: {
    citation: "《最高人民法院关于新民间借贷司法解释适用范围问题的批复》（法释〔2020〕27号，2021 年 1 月 1 日起施行）",
    mark: "secondary",
  },
  cashLoanNotice2017: {
    citation: "《关于规范整顿“现金贷”业务的通知》（整治办函〔2017〕141号）",
    mark: "secondary",
  },
  licensedCostReference: {
    citation: "2025 年关于助贷业务综合融资成本不超过 24% 的报道",
    mark: "secondary",
  },
  aprAnnouncement2021: {
    citation: "中国人民银行公告〔2021〕第 3 号",
    mark: "secondary",
  },
  overdueRuleOfThumb: {
    citation: "债务处理的一般经验",
    mark: "ruleOfThumb",
  },
  creditReportingArt15: {
    citation: "《征信业管理条例》第 15 条",
    mark: "verified",
  },
  collectionCrime: {
    citation: "《刑法》第 293 条之一",
    mark: "verified",
  },
  collectionGuideline2026: {
    citation: "中国银行业协会消费信贷催收行业自律规范（2026-01-30，行业自律，不是法律）",
    mark: "secondary",
  },
  creditCardFraud: {
    citation: "《刑法》第 196 条",
    mark: "secondary",
  },
  answerDeadline: {
    citation: "《民事诉讼法》（2023 年修正）第 128 条",
    mark: "verified",
  },
  appealDeadline: {
    citation: "《民事诉讼法》（2023 年修正）第 171 条",
    mark: "verified",
  },
  paymentOrderDeadline: {
    citation: "《民事诉讼法》（2023 年修正）第 227 条",
    mark: "secondary",
  },
} as const satisfies Record<string, Source>;

/** Fees deducted in advance: the principal is what was received (art. 26). */
export const UPFRONT_FEE_FACT = {
  text: "借款时被预先扣除的利息或费用（砍头息）不算本金，本金按实际到手的金额计算。",
  source: SOURCES.upfrontFee,
};

/** Dates where the law on interest lines changed. */
export const PRIVATE_LENDING_2020_EFFECTIVE = "2020-08-20";
export const SCOPE_REPLY_EFFECTIVE = "2021-01-01";
export const CASH_LOAN_NOTICE_DATE = "2017-12-01";

export const RATE_LINE_TEXT = {
  lpr4x: {
    court: "合同成立时一年期 LPR 的 4 倍。利息、逾期利息、违约金和其他费用加起来超过这条线的部分，法院不予支持。",
    courtTransition:
      "2020 年 8 月 20 日以后产生的利息适用 4 倍 LPR 这条线（这里按 2020 年 8 月 20 日的 LPR 估算，法院可能按起诉时的 LPR 计算）。",
    referenceLocal:
      "小额贷款公司等七类地方金融组织的业务纠纷不适用新民间借贷司法解释，这条线对它们不直接适用，仅供对照。",
    referenceLicensed: "这条线适用于民间借贷，不适用于银行、消费金融公司等持牌金融机构，仅供对照。",
    referenceUnknown: "如果出借方不是持牌金融机构，这条线通常适用；出借方类型确定后再看是否适用。",
  },
  rate24: {
    courtOld:
      "2020 年 8 月 20 日以前成立的民间借贷：年利率 24% 以内的利息，法院支持（适用于 2020 年 8 月 19 日以前的利息）。",
    reference: "持牌机构综合融资成本常用的参考线（有报道称助贷业务的综合成本上限为 24%），不是法院适用的红线。",
  },
  rate36: {
    courtOld:
      "2020 年 8 月 20 日以前成立的民间借贷：超过年利率 36% 的部分无效，已付的可以要求返还；24%–36% 之间已经付了的，不能要回（适用于 2020 年 8 月 19 日以前的利息）。",
    regulatory: "2017 年现金贷整治通知要求，持牌机构的综合资金成本（利息加各项费用）不超过年化 36%。",
    reference: "旧的民间借贷红线，现在仍常被用来衡量借款成本是否过高，仅供对照。",
  },
} as const;

export const OVERDUE_TEXT = {
  current: "还没有逾期，不会产生罚息和逾期记录。",
  penalty: "开始产生罚息、违约金等费用。",
  reminders: "会收到短信和电话提醒还款。",
  reported: "逾期超过 30 天，通常会被报送到央行征信系统，留下逾期记录。",
  mustNotify: "出借方报送不良信息前，应当事先告诉你本人。",
  thirdParty: "逾期超过 90 天，通常会转给第三方催收，可能上门或联系你的紧急联系人。",
  lawsuit: "出借方可能起诉；拿到生效判决后，可以申请强制执行，例如冻结账户、扣划工资。",
  collectionConduct: "以暴力、威胁、跟踪、骚扰等方式催收非法债务，情节严重的构成犯罪。",
  quietHours: "行业自律规范要求：未经你同意，晚上 22:00 到早上 08:00 之间不催收；同一号码每天未接通的来电不超过 6 次。",
  civilMatter: "普通的借款逾期是民事纠纷，不是犯罪。",
  creditCard: "信用卡的刑事风险只涉及恶意透支：在银行催收后仍恶意不还。还不上时，主动联系银行、如实说明困难。",
  privateLoanDue: "个人之间的借款，逾期后出借人可以要求还款，也可以到法院起诉。",
} as const;

export const DEADLINE_TEXT = {
  answer: {
    label: "答辩期限",
    rule: "收到起诉状副本之日起 15 日内提交答辩状（从收到副本算，不是从收到传票算）。不答辩不影响法院审理。",
  },
  appeal: {
    label: "上诉期限",
    rule: "一审判决书送达之日起 15 日内可以上诉。小额诉讼案件一审终审，不能上诉。",
  },
  paymentOrderObjection: {
    label: "支付令异议期限",
    rule: "收到支付令之日起 15 日内，清偿债务或者向法院提出书面异议。",
  },
  counting:
    "期限从收到的第二天开始算。这里按自然日计算，没有因节假日顺延，请按这个日期或更早办理；具体以法院文书为准。",
} as const;

export const NOT_LEGAL_ADVICE_TEXT =
  "以上是一般性信息，不是法律意见。每个人的情况不同，具体请咨询律师，或拨打 12348 公共法律服务热线、联系当地法律援助中心。";
