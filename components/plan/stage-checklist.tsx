"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, TextAreaField } from "@/components/ui/field";
import { useTRPC, withTRPC } from "@/components/trpc/react";
import type { PlanStepsProgress } from "@/server/services/plan";

type Stage = PlanStepsProgress["stages"][number];
type Step = Stage["steps"][number];

const statusTone: Record<Stage["status"], string> = {
  notStarted: "bg-slate-100 text-slate-800",
  inProgress: "bg-amber-100 text-amber-900",
  done: "bg-green-100 text-green-900",
};

/** "2026-11-27" → "2026年11月27日". */
function longDate(iso: string): string {
  const [y, m, d] = iso.split("-");
  return `${y}年${Number(m)}月${Number(d)}日`;
}

function StepItem({ step, readOnly }: { step: Step; readOnly: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const id = useId();
  // Shown at once on a click; follows the server again whenever the page data changes.
  const [checked, setChecked] = useState(step.checked);
  const signature = `${step.checked}|${step.doneOn ?? ""}|${step.note}`;
  const [seen, setSeen] = useState(signature);
  const [doneOn, setDoneOn] = useState(step.doneOn ?? "");
  const [note, setNote] = useState(step.note);
  const [error, setError] = useState<string | null>(null);
  const [savedNote, setSavedNote] = useState(false);
  if (seen !== signature) {
    setSeen(signature);
    setChecked(step.checked);
    setDoneOn(step.doneOn ?? "");
    setNote(step.note);
  }
  const setStep = useMutation(
    trpc.plan.setStep.mutationOptions({
      onSuccess: () => {
        setError(null);
        router.refresh();
      },
      onError: (e) => {
        setChecked(step.checked);
        setError(e.message);
      },
    }),
  );

  return (
    <li className="rounded-lg border border-slate-200 bg-white p-3">
      <div className="flex items-start gap-3">
        <input
          id={`${id}-check`}
          type="checkbox"
          className="mt-1 size-6 shrink-0 accent-brand-600"
          checked={checked}
          disabled={readOnly || setStep.isPending}
          aria-describedby={`${id}-detail`}
          onChange={(e) => {
            setChecked(e.target.checked);
            setSavedNote(false);
            setStep.mutate({ stepId: step.id, done: e.target.checked, note });
          }}
        />
        <div className="min-w-0 flex-1">
          <label htmlFor={`${id}-check`} className={`font-medium ${checked ? "text-slate-600 line-through" : ""}`}>
            {step.title}
          </label>
          <p id={`${id}-detail`} className="text-sm text-slate-600">
            {step.detail}
          </p>
          {step.checked && step.doneOn ? (
            <p className="mt-1 text-sm text-green-800">完成于 {longDate(step.doneOn)}</p>
          ) : null}
          {step.note && readOnly ? <p className="mt-1 text-sm text-slate-800">备注：{step.note}</p> : null}
        </div>
      </div>
      {error ? (
        <div className="mt-2">
          <Alert tone="error">{error}</Alert>
        </div>
      ) : null}
      {readOnly ? null : (
        <details className="mt-2 print:hidden">
          <summary className="min-h-11 cursor-pointer content-center text-sm text-brand-700">
            {step.note ? `备注：${step.note}` : "添加日期和备注"}
          </summary>
          <form
            className="mt-2 flex flex-col gap-3"
            onSubmit={(e) => {
              e.preventDefault();
              setSavedNote(false);
              setStep.mutate(
                { stepId: step.id, done: checked, doneOn: checked ? doneOn : undefined, note },
                { onSuccess: () => setSavedNote(true) },
              );
            }}
          >
            {checked ? (
              <Field
                label="完成日期"
                type="date"
                value={doneOn}
                onChange={(e) => setDoneOn(e.target.value)}
                hint="不填就记为今天"
              />
            ) : null}
            <TextAreaField label="备注" value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} />
            <div className="flex items-center gap-3">
              <Button type="submit" variant="secondary" disabled={setStep.isPending}>
                保存备注
              </Button>
              {savedNote ? (
                <span role="status" className="text-sm text-green-800">
                  已保存
                </span>
              ) : null}
            </div>
          </form>
        </details>
      )}
    </li>
  );
}

/**
 * 三个阶段: each stage's goal, progress and checklist. The current stage is open and marked; the
 * others fold away. Counselors see it read-only.
 */
function StageChecklistWithoutProvider({
  progress,
  readOnly = false,
}: {
  progress: PlanStepsProgress;
  readOnly?: boolean;
}) {
  return (
    <ol className="flex flex-col gap-4">
      {progress.stages.map((stage) => (
        <li key={stage.id}>
          <details
            open={stage.current || undefined}
            className={`group rounded-xl border bg-white ${stage.current ? "border-brand-600 ring-2 ring-brand-600" : "border-slate-200"}`}
            aria-current={stage.current ? "step" : undefined}
          >
            <summary className="flex min-h-11 cursor-pointer flex-col gap-2 p-4">
              <span className="flex flex-wrap items-center gap-2">
                <span className="text-lg font-semibold">
                  第 {stage.number} 阶段 · {stage.title}
                </span>
                <span className={`rounded-full px-2 py-0.5 text-sm ${statusTone[stage.status]}`}>
                  {stage.statusLabel}
                </span>
                {stage.current ? (
                  <span className="rounded-full bg-brand-600 px-2 py-0.5 text-sm text-white">当前阶段</span>
                ) : null}
              </span>
              <span className="text-sm text-slate-700">{stage.goal}</span>
              <span className="flex items-center gap-3">
                <span className="h-2 flex-1 overflow-hidden rounded-full bg-slate-100" aria-hidden="true">
                  <span className="block h-full bg-brand-600" style={{ width: `${stage.percent}%` }} />
                </span>
                <span className="text-sm tabular-nums text-slate-700">
                  已完成 {stage.done}/{stage.total} 步
                </span>
              </span>
              <span className="text-sm text-brand-700 group-open:hidden print:hidden">
                ▸ 点开查看 {stage.total} 个步骤
              </span>
            </summary>
            <ul className="flex flex-col gap-2 px-4 pb-4">
              {stage.steps.map((step) => (
                <StepItem key={step.id} step={step} readOnly={readOnly} />
              ))}
            </ul>
          </details>
        </li>
      ))}
    </ol>
  );
}

export const StageChecklist = withTRPC(StageChecklistWithoutProvider);
