"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, SelectField } from "@/components/ui/field";

interface FileOutcome {
  name: string;
  ok: boolean;
  message: string;
}

/**
 * 上传证据: several files, each POSTed as multipart with fetch (one request per file, so each gets
 * its own result), with progress and the server's reason for any refusal.
 */
export function EvidenceUploadForm({
  debts,
  entries = [],
  limitsText,
  allowedTypes,
  accept,
}: {
  debts: { id: string; platform: string }[];
  /** Contact-log entries the files may prove (沟通记录), newest first. */
  entries?: { id: string; label: string }[];
  limitsText: string;
  allowedTypes: string;
  accept: string;
}) {
  const router = useRouter();
  const fileInput = useRef<HTMLInputElement>(null);
  const [chosen, setChosen] = useState<string[]>([]);
  const [progress, setProgress] = useState<{ done: number; total: number; current: string } | null>(null);
  const [outcomes, setOutcomes] = useState<FileOutcome[]>([]);
  const [error, setError] = useState<string | null>(null);

  async function upload(form: HTMLFormElement) {
    const files = Array.from(fileInput.current?.files ?? []);
    if (files.length === 0) {
      setError("请先选择要上传的文件");
      return;
    }
    setError(null);
    const data = new FormData(form);
    const results: FileOutcome[] = [];
    for (const [i, file] of files.entries()) {
      setProgress({ done: i, total: files.length, current: file.name });
      const body = new FormData();
      for (const key of ["debtId", "contactLogId", "description", "capturedAt"])
        body.append(key, String(data.get(key) ?? ""));
      body.append("files", file, file.name);
      try {
        const res = await fetch("/api/evidence/upload", { method: "POST", body });
        const json = (await res.json().catch(() => null)) as {
          saved?: { sha256: string }[];
          refused?: { reason: string }[];
          error?: { message: string };
        } | null;
        const saved = json?.saved?.[0];
        results.push(
          saved
            ? { name: file.name, ok: true, message: `已保存，指纹 ${saved.sha256.slice(0, 16)}…` }
            : {
                name: file.name,
                ok: false,
                message: json?.refused?.[0]?.reason ?? json?.error?.message ?? `上传失败（${res.status}）`,
              },
        );
      } catch {
        results.push({ name: file.name, ok: false, message: "网络中断，这个文件没有保存。请检查网络后重试。" });
      }
      setOutcomes([...results]);
    }
    setProgress(null);
    if (results.some((r) => r.ok)) {
      form.reset();
      setChosen([]);
      router.refresh();
    }
  }

  return (
    <form
      aria-label="上传证据"
      className="flex flex-col gap-4"
      onSubmit={(e) => {
        e.preventDefault();
        void upload(e.currentTarget);
      }}
    >
      <div className="flex flex-col gap-1">
        <span id="evidence-files-label" className="font-medium text-slate-800">
          选择文件（可多选）
        </span>
        <div className="flex flex-wrap items-center gap-3">
          {/* The native control stays (keyboard, screen readers, phones' pickers); its English button is replaced by the label below. */}
          <input
            ref={fileInput}
            id="evidence-files"
            name="files"
            type="file"
            multiple
            accept={accept}
            aria-labelledby="evidence-files-label"
            aria-describedby="evidence-files-chosen evidence-files-hint"
            className="peer sr-only"
            onChange={(e) => setChosen(Array.from(e.currentTarget.files ?? []).map((f) => f.name))}
          />
          <label
            htmlFor="evidence-files"
            aria-hidden="true"
            className="inline-flex min-h-11 cursor-pointer items-center rounded-lg border border-slate-400 bg-white px-4 py-2 text-base font-medium text-slate-900 peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-brand-600 hover:bg-slate-100"
          >
            选择文件
          </label>
          <span id="evidence-files-chosen" className="min-w-0 text-sm break-all text-slate-700">
            {chosen.length === 0
              ? "还没有选择文件"
              : chosen.length === 1
                ? `已选择：${chosen[0]}`
                : `已选择 ${chosen.length} 个文件：${chosen.join("、")}`}
          </span>
        </div>
        <p id="evidence-files-hint" className="text-sm text-slate-600">
          {allowedTypes}。{limitsText}。原文件原样保存，不会压缩或修改。
        </p>
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="说明" name="description" maxLength={500} placeholder="例如：11 月 26 日深夜的催收录音" />
        <Field label="拍摄或录制时间（可不填）" name="capturedAt" type="datetime-local" />
        {debts.length > 0 ? (
          <SelectField
            className="min-w-0 [&_select]:max-w-full"
            label="哪一笔债务"
            name="debtId"
            defaultValue=""
            options={[{ value: "", label: "不确定 / 不选" }, ...debts.map((d) => ({ value: d.id, label: d.platform }))]}
          />
        ) : null}
        {entries.length > 0 ? (
          <SelectField
            className="min-w-0 [&_select]:max-w-full"
            label="证明哪条沟通记录（可不选）"
            name="contactLogId"
            defaultValue=""
            options={[{ value: "", label: "不关联" }, ...entries.map((e) => ({ value: e.id, label: e.label }))]}
          />
        ) : null}
      </div>
      {progress ? (
        <div role="status" className="flex flex-col gap-1">
          <p>
            正在上传 {progress.done + 1}/{progress.total}：{progress.current}
          </p>
          <progress className="w-full" max={progress.total} value={progress.done} aria-label="上传进度" />
        </div>
      ) : null}
      {error ? <Alert tone="error">{error}</Alert> : null}
      {outcomes.length > 0 ? (
        <ul className="flex flex-col gap-2" aria-label="上传结果">
          {outcomes.map((o, i) => (
            <li key={i}>
              <Alert tone={o.ok ? "success" : "error"}>
                <span className="font-medium break-all">{o.name}</span>：{o.message}
              </Alert>
            </li>
          ))}
        </ul>
      ) : null}
      <Button type="submit" disabled={progress !== null}>
        {progress ? "正在上传…" : "上传"}
      </Button>
    </form>
  );
}
