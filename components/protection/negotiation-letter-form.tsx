"use client";

import { useState } from "react";
import { Field, TextAreaField } from "@/components/ui/field";
import {
  monthsOf,
  negotiationLetterText,
  PROPOSAL_LABEL,
  type NegotiationLetterInput,
  type NegotiationProposal,
  type ProposalKind,
} from "@/server/domain/documents";
import { parseMoney } from "@/server/domain/money";
import { DocumentEditor } from "./document-editor";

export type NegotiationFacts = Omit<NegotiationLetterInput, "hardship" | "proofs" | "proposal">;

const PROPOSAL_HINT: Record<ProposalKind, string> = {
  installments: "把剩余欠款分成每月能承受的金额，先看“收支预算”里每月能拿出多少。",
  discount: "一次性拿出一笔钱，请对方减免利息、罚息，结清全部欠款。",
  stopCollection: "先停止催收一段时间，用来筹钱或找工作，之后再按约定还款。",
};

function moneyError(raw: string, label: string): string | null {
  if (raw.trim() === "") return null;
  const parsed = parseMoney(raw);
  return parsed.ok ? null : `${label}：${parsed.error}`;
}

function monthsError(raw: string): string | null {
  return raw.trim() === "" || monthsOf(raw) !== null ? null : "请填写 1 到 120 之间的整数";
}

/** 协商还款申请书: the borrower fills in the hardship, proofs and proposal; the letter is built as they type. */
export function NegotiationLetterForm({ facts }: { facts: NegotiationFacts }) {
  const [hardship, setHardship] = useState("");
  const [proofs, setProofs] = useState("");
  const [kind, setKind] = useState<ProposalKind>("installments");
  const [months, setMonths] = useState("");
  const [monthlyAmount, setMonthlyAmount] = useState("");
  const [payAmount, setPayAmount] = useState("");
  const [payBy, setPayBy] = useState("");
  const [edited, setEdited] = useState<string | null>(null);

  const proposal: NegotiationProposal =
    kind === "installments"
      ? { kind, months, monthlyAmount }
      : kind === "discount"
        ? { kind, payAmount, payBy }
        : { kind, months };
  const generated = negotiationLetterText({ ...facts, hardship, proofs: proofs.split("\n"), proposal });

  return (
    <div className="flex flex-col gap-6">
      <form aria-label="申请书的内容" className="flex flex-col gap-4 print:hidden" onSubmit={(e) => e.preventDefault()}>
        <TextAreaField
          label="为什么还不上（困难情况）"
          value={hardship}
          onChange={(e) => setHardship(e.target.value)}
          maxLength={2000}
          hint="写具体：什么时候、发生了什么（失业、收入减少、生病、家庭变故），现在每月收入多少。"
        />
        <TextAreaField
          label="证明材料（每行一项）"
          value={proofs}
          onChange={(e) => setProofs(e.target.value)}
          maxLength={2000}
          hint="例如：离职证明、近 6 个月银行流水、医院诊断证明。只写你能提供的。"
        />
        <fieldset className="flex flex-col gap-2">
          <legend className="mb-1 font-medium text-slate-800">还款方案</legend>
          <div className="flex flex-wrap gap-2">
            {(Object.keys(PROPOSAL_LABEL) as ProposalKind[]).map((k) => (
              <label
                key={k}
                className={`inline-flex min-h-11 cursor-pointer items-center rounded-lg border px-3 py-2 has-focus-visible:outline-2 has-focus-visible:outline-brand-600 ${
                  kind === k ? "border-brand-600 bg-brand-600 text-white" : "border-slate-300 bg-white text-slate-900"
                }`}
              >
                <input
                  type="radio"
                  name="proposal"
                  value={k}
                  checked={kind === k}
                  onChange={() => setKind(k)}
                  className="sr-only"
                />
                {PROPOSAL_LABEL[k]}
              </label>
            ))}
          </div>
          <p className="text-sm text-slate-600">{PROPOSAL_HINT[kind]}</p>
        </fieldset>
        <div className="grid gap-4 sm:grid-cols-2">
          {kind === "installments" || kind === "stopCollection" ? (
            <Field
              label={kind === "installments" ? "分几期（月）" : "暂停催收几个月"}
              inputMode="numeric"
              value={months}
              onChange={(e) => setMonths(e.target.value)}
              error={monthsError(months)}
            />
          ) : null}
          {kind === "installments" ? (
            <Field
              label="每月还款（元）"
              inputMode="decimal"
              value={monthlyAmount}
              onChange={(e) => setMonthlyAmount(e.target.value)}
              error={moneyError(monthlyAmount, "每月还款")}
              placeholder="例如 800"
            />
          ) : null}
          {kind === "discount" ? (
            <>
              <Field
                label="一次性还款金额（元）"
                inputMode="decimal"
                value={payAmount}
                onChange={(e) => setPayAmount(e.target.value)}
                error={moneyError(payAmount, "一次性还款金额")}
                placeholder="例如 5000 或 0.5万"
              />
              <Field label="最晚还款日期" type="date" value={payBy} onChange={(e) => setPayBy(e.target.value)} />
            </>
          ) : null}
        </div>
      </form>

      <DocumentEditor
        id="negotiation-letter"
        title="协商还款申请书"
        text={edited ?? generated}
        edited={edited !== null}
        onEdit={setEdited}
        onRegenerate={() => setEdited(null)}
      />
    </div>
  );
}
