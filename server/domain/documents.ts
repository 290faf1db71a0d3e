/**
 * 投诉材料: the harassment complaint text, generated from the case's contact log and evidence.
 * Pure: takes plain data, returns text the borrower edits before sending or printing.
 */
import { NOT_LEGAL_ADVICE_TEXT } from "./reference-facts";

export interface ComplaintInput {
  borrowerName: string;
  /** 2026年11月27日 */
  today: string;
  timeline: { when: string; channel: string; counterpart: string; summary: string; markers: string[] }[];
  counts: { label: string; entries: number; citations: string[] }[];
  evidence: { name: string; sha256: string; uploaded: string; description: string }[];
}

export function complaintText(input: ComplaintInput): string {
  const lines: string[] = [];
  lines.push("投诉材料：违规催收", "");
  lines.push(`投诉人：${input.borrowerName}`, `日期：${input.today}`, "");
  lines.push("一、事实");
  if (input.counts.length === 0) lines.push("（暂无被标记的催收行为）");
  for (const c of input.counts) lines.push(`- ${c.label}：${c.entries} 次（依据：${c.citations.join("；")}）`);
  lines.push("", "二、时间线");
  for (const t of input.timeline) {
    const who = t.counterpart ? `，对方：${t.counterpart}` : "";
    const what = t.summary ? `，内容：${t.summary}` : "";
    lines.push(`- ${t.when} ${t.channel}${who}${what}【${t.markers.join("、")}】`);
  }
  lines.push("", "三、证据清单（SHA-256 指纹可证明文件未被修改）");
  input.evidence.forEach((e, i) => {
    lines.push(`${i + 1}. ${e.name}（上传于 ${e.uploaded}）${e.description ? `：${e.description}` : ""}`);
    lines.push(`   SHA-256：${e.sha256}`);
  });
  lines.push("", "四、请求");
  lines.push("请责令对方立即停止上述违规催收行为，不再联系我的亲友、同事，并依法处理。");
  lines.push("", "提醒：不要向任何第三方支付“协商手续费”；“征信修复”“洗白”都是骗局。");
  lines.push(NOT_LEGAL_ADVICE_TEXT);
  return lines.join("\n");
}
