import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { EvidenceDeleteButton } from "@/components/evidence/evidence-delete-button";
import { EvidenceLinkForm } from "@/components/evidence/evidence-link-forms";
import { EvidenceUploadForm } from "@/components/evidence/evidence-upload-form";
import { ContactQuickEntry } from "@/components/protection/contact-quick-entry";
import { DeadlineDoneButton, DeadlineForm } from "@/components/protection/deadline-form";
import { OpenDeadlines } from "@/components/protection/open-deadlines";
import { RecordReminders } from "@/components/protection/record-reminders";
import { Card } from "@/components/ui/card";
import { Link } from "@/components/ui/link";
import { NotLegalAdvice } from "@/components/ui/not-legal-advice";
import { serverApi } from "@/server/api/server";
import { requireSessionUser } from "@/server/auth/session";
import { formatDateLong } from "@/server/domain/time";
import { ACCEPT_ATTRIBUTE, formatBytes } from "@/server/evidence/file-types";

export const metadata: Metadata = { title: "沟通与证据" };

export default async function ProtectionPage() {
  const user = await requireSessionUser();
  if (user.role !== "borrower") redirect("/clients");
  const api = await serverApi();
  const [log, evidence, deadlines, agreements, complaints] = await Promise.all([
    api.contactLog.list(),
    api.evidence.list(),
    api.deadlines.list(),
    api.agreements.list(),
    api.complaints.list(),
  ]);
  const entryChoices = log.entries.map((e) => ({
    id: e.id,
    // In words (2026年1月10日), so the option never repeats the timeline's table date.
    label: `${formatDateLong(e.occurredAt)} ${e.when.slice(11)} · ${e.channelLabel}${e.counterpart ? ` · ${e.counterpart.slice(0, 20)}` : ""}`,
  }));
  const entryLabel = new Map(entryChoices.map((e) => [e.id, e.label]));
  const agreementChoices = agreements.items.map((a) => ({
    id: a.id,
    label: `${a.platform} · ${a.kindLabel}（${a.agreedOn}）`,
  }));
  const agreementLabel = new Map(agreementChoices.map((a) => [a.id, a.label]));

  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-bold">沟通与证据</h1>
        <p className="mt-1 text-slate-600">每次催收联系都记下来，录音和截图传上来。记录越完整，协商和投诉越有底气。</p>
      </div>

      <OpenDeadlines deadlines={deadlines.open} />
      <RecordReminders agreements={agreements.reminders} complaints={complaints.overdue} linkToPages />

      <nav aria-label="文书和记录" className="grid gap-2 sm:grid-cols-2">
        {[
          {
            href: "/protection/letters/negotiation",
            title: "协商还款申请书",
            text: "按债务数据生成，写明困难和还款方案",
          },
          { href: "/protection/letters/complaint", title: "投诉材料", text: "按被标记的联系和证据生成，选择投诉渠道" },
          {
            href: "/protection/agreements",
            title: `协议（${agreements.items.length}）`,
            text: "停催、分期、减免、延期，及其证据",
          },
          {
            href: "/protection/complaints",
            title: `投诉记录（${complaints.items.length}）`,
            text: "渠道、受理编号、答复期限和跟进",
          },
        ].map((l) => (
          <Link
            key={l.href}
            href={l.href}
            className="flex min-h-11 flex-col rounded-lg border border-slate-200 bg-white p-3 hover:border-brand-600"
          >
            <span className="font-medium text-brand-700">{l.title}</span>
            <span className="text-sm text-slate-600">{l.text}</span>
          </Link>
        ))}
      </nav>

      <Card title="记录一次联系">
        <ContactQuickEntry debts={log.debts} markerChoices={log.markerChoices} />
      </Card>

      <section aria-labelledby="markers-heading" className="flex flex-col gap-3">
        <h2 id="markers-heading" className="text-lg font-semibold">
          违规催收标记
        </h2>
        {log.counts.length === 0 ? (
          <p className="text-slate-600">还没有被标记的联系。夜间联系和一天未接超过 6 次会自动标记。</p>
        ) : (
          <>
            <ul className="grid gap-2 sm:grid-cols-2" aria-label="各类标记的次数">
              {log.counts.map((c) => (
                <li key={c.marker} className="rounded-lg border border-red-200 bg-white p-3">
                  <p className="flex items-baseline justify-between gap-2">
                    <span className="font-medium">{c.label}</span>
                    <span className="text-xl font-bold text-red-800">{c.entries} 次</span>
                  </p>
                  <p className="text-xs text-slate-600">
                    依据：{c.sources.map((s) => `${s.citation}（${s.markLabel}）`).join("；")}
                  </p>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section aria-labelledby="timeline-heading" className="flex flex-col gap-3">
        <h2 id="timeline-heading" className="text-lg font-semibold">
          沟通记录（{log.entries.length} 条）
        </h2>
        {log.entries.length === 0 ? (
          <p className="text-slate-600">还没有记录。</p>
        ) : (
          <ol className="flex flex-col gap-2">
            {log.entries.map((e) => (
              <li
                key={e.id}
                className={`rounded-lg border bg-white p-3 ${e.markers.length ? "border-red-300" : "border-slate-200"}`}
              >
                <p className="flex flex-wrap items-baseline gap-x-2">
                  <time dateTime={e.occurredAt.toISOString()} className="font-medium tabular-nums">
                    {e.when}
                  </time>
                  <span>{e.channelLabel}</span>
                  {e.channel === "phone" && e.answered !== "unknown" ? (
                    <span className="text-slate-600">{e.answered === "no" ? `未接 ${e.contactCount} 次` : "接通"}</span>
                  ) : null}
                  {e.direction === "outgoing" ? <span className="text-slate-600">（我方联系）</span> : null}
                  {e.platform ? <span className="text-slate-600">· {e.platform}</span> : null}
                </p>
                {e.counterpart ? <p className="text-sm text-slate-700">对方：{e.counterpart}</p> : null}
                {e.summary ? <p className="text-sm text-slate-800">{e.summary}</p> : null}
                {e.markers.length ? (
                  <ul className="mt-1 flex flex-wrap gap-1" aria-label="违规催收标记">
                    {e.markers.map((m) => (
                      <li key={m.id} className="rounded bg-red-100 px-2 py-0.5 text-sm text-red-900">
                        {m.label}
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ol>
        )}
      </section>

      <Card title="证据" className="scroll-mt-4">
        <div id="evidence" />
        <EvidenceUploadForm
          debts={log.debts}
          entries={entryChoices}
          limitsText={evidence.limits.text}
          allowedTypes={evidence.limits.allowedTypes}
          accept={ACCEPT_ATTRIBUTE}
        />
        <div className="mt-6 flex flex-wrap items-center justify-between gap-2">
          <h3 className="font-semibold">
            已保存的证据（{evidence.items.length} 份，共 {formatBytes(evidence.totalBytes)}）
          </h3>
          {evidence.items.length > 0 ? (
            <a
              href="/api/evidence/package"
              download
              className="inline-flex min-h-11 items-center rounded-lg border border-slate-300 px-4 text-brand-700"
            >
              下载证据包（ZIP）
            </a>
          ) : null}
        </div>
        <p className="mt-1 text-sm text-slate-600">
          指纹（SHA-256）是文件内容算出来的一串字符。文件改动一个字节，指纹就完全不同，可以用它证明文件没有被修改过。
        </p>
        <ul className="mt-3 flex flex-col gap-3" aria-label="证据列表">
          {evidence.items.map((item) => (
            <li key={item.id} className="rounded-lg border border-slate-200 p-3">
              <p className="flex flex-wrap items-baseline justify-between gap-2">
                <a href={`/api/evidence/${item.id}`} className="font-medium break-all text-brand-700 underline">
                  {item.name}
                </a>
                <span className="text-sm text-slate-600">
                  {item.typeLabel} · {formatBytes(item.sizeBytes)}
                </span>
              </p>
              {item.description ? <p className="text-sm text-slate-800">{item.description}</p> : null}
              <p className="text-sm text-slate-600">
                上传于 {item.uploaded}
                {item.captured ? ` · 拍摄或录制于 ${item.captured}` : ""}
              </p>
              <p className="mt-1 font-mono text-xs break-all text-slate-700">
                <span className="font-sans">指纹：</span>
                {item.sha256}
              </p>
              {item.contactLogId || item.agreementId ? (
                <p className="text-sm text-slate-700">
                  {item.contactLogId ? `证明沟通记录：${entryLabel.get(item.contactLogId) ?? "—"}` : ""}
                  {item.contactLogId && item.agreementId ? " · " : ""}
                  {item.agreementId ? `证明协议：${agreementLabel.get(item.agreementId) ?? "—"}` : ""}
                </p>
              ) : null}
              {entryChoices.length > 0 || agreementChoices.length > 0 ? (
                <details className="mt-1">
                  <summary className="min-h-11 cursor-pointer content-center text-brand-700">
                    关联沟通记录或协议
                  </summary>
                  <EvidenceLinkForm
                    evidenceId={item.id}
                    name={item.name}
                    contactLogId={item.contactLogId}
                    agreementId={item.agreementId}
                    entries={entryChoices}
                    agreements={agreementChoices}
                  />
                </details>
              ) : null}
              <div className="mt-1">
                <EvidenceDeleteButton id={item.id} name={item.name} />
              </div>
            </li>
          ))}
        </ul>
      </Card>

      <Card title="法院文书和期限">
        <div id="deadlines" className="flex flex-col gap-4">
          <ul className="flex flex-col gap-2 text-sm text-slate-700">
            {deadlines.rules.map((r) => (
              <li key={r.kind}>
                <strong>{r.label}</strong>：{r.rule}
                <span className="block text-xs text-slate-600">
                  依据：{r.source.citation}（{r.source.markLabel}）
                </span>
              </li>
            ))}
          </ul>
          <DeadlineForm />
          {[...deadlines.open, ...deadlines.done].length > 0 ? (
            <ul className="flex flex-col gap-2" aria-label="已记录的期限">
              {[...deadlines.open, ...deadlines.done].map((d) => (
                <li
                  key={d.id}
                  className="flex flex-wrap items-center justify-between gap-2 rounded-lg border border-slate-200 p-3"
                >
                  <span>
                    <strong>{d.label}</strong> · 收到 {d.receivedOn} · 最后一天 {d.dueOn}
                    {d.done ? "（已完成）" : ""}
                  </span>
                  <DeadlineDoneButton id={d.id} done={d.done} />
                </li>
              ))}
            </ul>
          ) : null}
          <div className="rounded-lg border border-slate-200 p-3 text-sm text-slate-800">
            <p className="font-medium">答辩前自查</p>
            <ul className="mt-1 list-disc pl-5">
              <li>出借方是不是持牌机构（在“债务清单”里看出借方类型）</li>
              <li>实际年化利率有没有超过适用的红线（债务详情页有对照）</li>
              <li>有没有砍头息：本金按实际到手的金额算</li>
              <li>合同里有没有不公平的格式条款</li>
            </ul>
          </div>
        </div>
      </Card>

      <NotLegalAdvice text={log.notLegalAdvice} />
    </div>
  );
}
