"use client";

import { useMutation } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import { useRouter } from "next/navigation";
import { useId, useState, type ChangeEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClass } from "@/components/ui/button";
import { useTRPC, withTRPC } from "@/components/trpc/react";
import type { ImportPreview, PreviewRow } from "@/server/services/debt-transfer";

const TEMPLATE = { xlsx: "/api/debts/template?format=xlsx", csv: "/api/debts/template?format=csv" };

/** The file's bytes as base64 (the upload travels as JSON, like every other call). */
function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ""));
    reader.onerror = () => reject(reader.error ?? new Error("read failed"));
    reader.readAsDataURL(file);
  });
}

function messageOf(err: unknown): string {
  return err instanceof TRPCClientError ? err.message : "网络连接出了问题，请稍后再试。";
}

/** Upload → preview with errors per row → "全部导入" (only when every row is fine). */
function ImportFormWithoutProvider({ maxBytes, maxRows }: { maxBytes: number; maxRows: number }) {
  const trpc = useTRPC();
  const router = useRouter();
  const inputId = useId();
  const [file, setFile] = useState<{ name: string; contentBase64: string } | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const limitText = `CSV 或 Excel（.xlsx），不超过 ${maxBytes / 1024 / 1024} MB、最多 ${maxRows} 行`;

  const check = useMutation(
    trpc.debtTransfer.preview.mutationOptions({
      onSuccess: (result) => setPreview(result),
      onError: (err) => setError(messageOf(err)),
    }),
  );
  const save = useMutation(
    trpc.debtTransfer.commit.mutationOptions({
      onSuccess: () => {
        router.push("/debts");
        router.refresh();
      },
      onError: (err) => setError(messageOf(err)),
    }),
  );

  async function onFile(event: ChangeEvent<HTMLInputElement>) {
    const chosen = event.target.files?.[0];
    // Cleared so that choosing the same (corrected) file again is noticed.
    event.target.value = "";
    if (!chosen) return;
    setError(null);
    setPreview(null);
    setFile(null);
    if (chosen.size > maxBytes) {
      setError(`“${chosen.name}”超过 ${maxBytes / 1024 / 1024} MB。请只保留债务清单这一张表后再上传。`);
      return;
    }
    let contentBase64: string;
    try {
      contentBase64 = await readAsBase64(chosen);
    } catch {
      setError("读取文件失败，请重新选择。");
      return;
    }
    const next = { name: chosen.name, contentBase64 };
    setFile(next);
    check.mutate({ fileName: next.name, contentBase64 });
  }

  const canSave = !!file && !!preview && preview.errorCount === 0 && preview.okCount > 0 && !save.isPending;
  const blockedId = `${inputId}-blocked`;

  return (
    <div className="flex flex-col gap-6">
      <section aria-labelledby={`${inputId}-step1`} className="flex flex-col gap-2">
        <h2 id={`${inputId}-step1`} className="text-lg font-semibold">
          1. 按模板准备表格
        </h2>
        <p className="text-slate-700">
          第一行是列名，每笔债务一行。借款类型填“网贷”“信用卡”等，还款方式填“每期固定还款”“每期手续费率”“等额本息”或“无”。从本站导出的文件也可以直接导入。
        </p>
        <div className="flex flex-wrap gap-x-4 gap-y-1">
          <a
            href={TEMPLATE.xlsx}
            download
            className="inline-flex min-h-11 items-center text-brand-700 underline underline-offset-4"
          >
            下载 Excel 模板
          </a>
          <a
            href={TEMPLATE.csv}
            download
            className="inline-flex min-h-11 items-center text-brand-700 underline underline-offset-4"
          >
            下载 CSV 模板
          </a>
        </div>
      </section>

      <section aria-labelledby={`${inputId}-step2`} className="flex flex-col gap-2">
        <h2 id={`${inputId}-step2`} className="text-lg font-semibold">
          2. 上传并检查
        </h2>
        {/* The native control is hidden behind a button-like label (its own text is in the browser's language). */}
        <input
          id={inputId}
          type="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={onFile}
          aria-describedby={`${inputId}-hint`}
          disabled={check.isPending || save.isPending}
          className="peer sr-only"
        />
        <label
          htmlFor={inputId}
          className={buttonClass(
            "secondary",
            "cursor-pointer self-start peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-brand-600 peer-disabled:cursor-not-allowed peer-disabled:opacity-60",
          )}
        >
          选择要导入的文件
        </label>
        <p id={`${inputId}-hint`} className="text-sm text-slate-600">
          {limitText}。上传后只做检查，不会马上保存。
        </p>
        <div aria-live="polite" className="text-slate-700">
          {check.isPending ? "正在检查文件…" : file ? `已选择：${file.name}` : null}
        </div>
        {error ? <Alert tone="error">{error}</Alert> : null}
      </section>

      {preview && file ? (
        <section aria-labelledby={`${inputId}-step3`} className="flex flex-col gap-3">
          <h2 id={`${inputId}-step3`} className="text-lg font-semibold">
            3. 预览
          </h2>
          <PreviewSummary preview={preview} />
          {preview.rows.length > 0 ? <PreviewTable rows={preview.rows} /> : null}
          <div className="flex flex-col gap-2">
            <Button
              onClick={() => {
                setError(null);
                save.mutate({ fileName: file.name, contentBase64: file.contentBase64 });
              }}
              disabled={!canSave}
              aria-describedby={canSave ? undefined : blockedId}
            >
              {save.isPending ? "正在导入…" : `全部导入（${preview.okCount} 笔）`}
            </Button>
            {!canSave && !save.isPending ? (
              <p id={blockedId} className="text-sm text-slate-700">
                {preview.errorCount > 0
                  ? "有需要修改的行，现在不能导入。请在表格里改好标红的地方，保存后重新选择文件。"
                  : "文件里没有可以导入的债务。"}
              </p>
            ) : null}
          </div>
        </section>
      ) : null}
    </div>
  );
}

function PreviewSummary({ preview }: { preview: ImportPreview }) {
  const total = preview.okCount + preview.errorCount;
  return (
    <>
      {preview.errorCount > 0 ? (
        <Alert tone="error">
          共 {total} 行：{preview.okCount} 行没问题，<strong>{preview.errorCount} 行需要修改</strong>
          。改好之前一行也不会导入。
        </Alert>
      ) : total > 0 ? (
        <Alert tone="success">共 {total} 行，都没问题。确认下面的内容后点“全部导入”。</Alert>
      ) : null}
      {preview.notes.length + preview.ignoredColumns.length + preview.skippedExampleRows.length > 0 ? (
        <ul className="list-disc space-y-1 pl-5 text-sm text-slate-700">
          {preview.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
          {preview.skippedExampleRows.length > 0 ? (
            <li>第 {preview.skippedExampleRows.join("、")} 行是模板里的示例，不会导入。</li>
          ) : null}
          {preview.ignoredColumns.length > 0 ? (
            <li>这些列不认识，已忽略：{preview.ignoredColumns.join("、")}</li>
          ) : null}
        </ul>
      ) : null}
    </>
  );
}

/** "借款金额：金额格式不正确" under the column 借款金额 reads better without the label said twice. */
function withoutLabel(issue: PreviewRow["issues"][number]): string {
  return issue.column && issue.message.startsWith(`${issue.column}：`)
    ? issue.message.slice(issue.column.length + 1)
    : issue.message;
}

/** Three columns so it reads on a 375 px phone: row number, the debt (with its problems), the real rate. */
function PreviewTable({ rows }: { rows: PreviewRow[] }) {
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">导入预览：每行一笔债务，需要修改的行标红</caption>
        <thead className="bg-slate-50 text-slate-700">
          <tr>
            <th scope="col" className="w-12 px-2 py-2 font-medium">
              行
            </th>
            <th scope="col" className="px-2 py-2 font-medium">
              债务
            </th>
            <th scope="col" className="w-20 px-2 py-2 text-right font-medium">
              实际年化
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.rowNumber} className={`border-t border-slate-200 align-top ${row.ok ? "" : "bg-red-50"}`}>
              <th scope="row" className="px-2 py-2 font-medium tabular-nums text-slate-700">
                {row.rowNumber}
              </th>
              <td className="min-w-0 px-2 py-2">
                <p className="font-semibold break-words text-slate-900">{row.platform || "（未填平台）"}</p>
                {row.summary ? <p className="text-slate-600">{row.summary}</p> : null}
                {row.issues.length > 0 ? (
                  <ul className="mt-1 space-y-1 text-red-800">
                    {row.issues.map((issue) => (
                      <li key={`${issue.column}-${issue.message}`}>
                        第 {row.rowNumber} 行{issue.column ? `「${issue.column}」` : ""}：{withoutLabel(issue)}
                      </li>
                    ))}
                  </ul>
                ) : null}
                {row.warnings.length > 0 ? (
                  <ul className="mt-1 space-y-1 text-amber-900">
                    {row.warnings.map((w) => (
                      <li key={w}>提醒：{w}</li>
                    ))}
                  </ul>
                ) : null}
              </td>
              <td className="px-2 py-2 text-right tabular-nums">
                {row.ok ? (
                  (row.realAnnualRate ?? <span className="text-slate-600">未知</span>)
                ) : (
                  <span className="font-medium text-red-800">需修改</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export const ImportForm = withTRPC(ImportFormWithoutProvider);
