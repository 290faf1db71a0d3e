import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ComplaintLetterForm } from "@/components/protection/complaint-letter-form";
import { DocumentWarnings } from "@/components/protection/document-warnings";
import { DOCUMENT_PRINT_CSS } from "@/components/protection/print-css";
import { Alert } from "@/components/ui/alert";
import { Link } from "@/components/ui/link";
import { NotLegalAdvice } from "@/components/ui/not-legal-advice";
import { serverApi } from "@/server/api/server";
import { requireSessionUser } from "@/server/auth/session";

export const metadata: Metadata = { title: "投诉材料" };

export default async function ComplaintLetterPage() {
  const user = await requireSessionUser();
  if (user.role !== "borrower") redirect("/clients");
  const api = await serverApi();
  const draft = await api.complaints.draft();

  return (
    <div className="flex flex-col gap-6">
      <style>{DOCUMENT_PRINT_CSS}</style>
      <div className="print:hidden">
        <Link href="/protection" className="inline-block min-h-11 content-center text-brand-700 underline">
          ← 返回沟通与证据
        </Link>
        <h1 className="text-2xl font-bold">投诉材料</h1>
        <p className="mt-1 text-slate-700">
          由被标记的沟通记录和已上传的证据生成：事实、时间线、带指纹的证据清单和请求。选好渠道，通读修改后再提交。
        </p>
      </div>

      {draft.markedEntries === 0 ? (
        <div className="print:hidden">
          <Alert>
            还没有被标记的催收联系。先在
            <Link href="/protection" className="underline">
              沟通与证据
            </Link>
            里记下违规催收，投诉材料才有事实可写。
          </Alert>
        </div>
      ) : (
        <section aria-labelledby="complaint-facts-heading" className="print:hidden">
          <h2 id="complaint-facts-heading" className="text-lg font-semibold">
            记录到的违规催收（{draft.markedEntries} 条记录）
          </h2>
          <ul className="mt-2 grid gap-2 sm:grid-cols-2">
            {draft.counts.map((c) => (
              <li key={c.marker} className="rounded-lg border border-red-200 bg-white p-3">
                <p className="flex items-baseline justify-between gap-2">
                  <span className="font-medium">{c.label}</span>
                  <span className="font-bold text-red-800">{c.entries} 次</span>
                </p>
                <p className="text-xs text-slate-600">
                  依据：{c.sources.map((s) => `${s.citation}（${s.markLabel}）`).join("；")}
                </p>
              </li>
            ))}
          </ul>
          <p className="mt-2 text-sm text-slate-600">
            证据清单列出 {draft.input.evidence.length} 份证据及其指纹。提交时附上
            <a href="/api/evidence/package" download className="text-brand-700 underline">
              证据包（ZIP）
            </a>
            。
          </p>
        </section>
      )}

      <ComplaintLetterForm input={draft.input} channels={draft.channels} defaultChannel={draft.defaultChannel} />

      <p className="text-sm text-slate-700 print:hidden">
        提交以后，在
        <Link href="/protection/complaints" className="text-brand-700 underline">
          投诉记录
        </Link>
        里记下渠道、日期和受理编号，到期没有答复会提醒你。
      </p>
      <DocumentWarnings warnings={draft.warnings} />
      <div className="print:hidden">
        <NotLegalAdvice text={draft.notLegalAdvice} />
      </div>
    </div>
  );
}
