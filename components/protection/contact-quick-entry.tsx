"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTRPC, withTRPC } from "@/components/trpc/react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, SelectField, TextAreaField } from "@/components/ui/field";
import {
  CONTACT_CHANNEL_LABEL,
  CONTACT_CHANNELS,
  type ContactChannel,
  type ManualMarker,
} from "@/server/domain/harassment";

/** Now as a Shanghai wall-clock value for a datetime-local field. */
function shanghaiNow(): string {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", {
      timeZone: "Asia/Shanghai",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    })
      .formatToParts(new Date())
      .map((x) => [x.type, x.value]),
  );
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

/** 快速记录: channel buttons, time defaulting to now, marker checkboxes. Built for a phone. */
function ContactQuickEntryWithoutProvider({
  debts,
  markerChoices,
}: {
  debts: { id: string; platform: string }[];
  markerChoices: { id: ManualMarker; label: string; explanation: string }[];
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [channel, setChannel] = useState<ContactChannel>("phone");
  const [occurredAt, setOccurredAt] = useState(shanghaiNow);
  const [answered, setAnswered] = useState<"yes" | "no">("no");
  const [markers, setMarkers] = useState<ManualMarker[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const create = useMutation(
    trpc.contactLog.create.mutationOptions({
      onSuccess: () => {
        setSaved(true);
        setError(null);
        setMarkers([]);
        setOccurredAt(shanghaiNow());
        router.refresh();
      },
      onError: (e) => {
        setSaved(false);
        setError(e.message);
      },
    }),
  );

  function submit(form: HTMLFormElement) {
    const data = new FormData(form);
    create.mutate({
      channel,
      occurredAt,
      answered: channel === "phone" ? answered : "unknown",
      debtId: String(data.get("debtId") ?? ""),
      contactCount: Number(data.get("contactCount") ?? 1),
      counterpart: String(data.get("counterpart") ?? ""),
      summary: String(data.get("summary") ?? ""),
      markers,
    });
  }

  return (
    <form
      aria-label="记录一次催收联系"
      className="flex flex-col gap-4"
      onSubmit={(e) => {
        e.preventDefault();
        submit(e.currentTarget);
        e.currentTarget.reset();
      }}
    >
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 font-medium text-slate-800">联系方式</legend>
        <div className="flex flex-wrap gap-2">
          {CONTACT_CHANNELS.map((c) => (
            <label
              key={c}
              className={`inline-flex min-h-11 cursor-pointer items-center rounded-lg border px-3 py-2 text-base has-focus-visible:outline-2 has-focus-visible:outline-brand-600 ${
                channel === c ? "border-brand-600 bg-brand-600 text-white" : "border-slate-300 bg-white text-slate-900"
              }`}
            >
              <input
                type="radio"
                name="channel"
                value={c}
                checked={channel === c}
                onChange={() => setChannel(c)}
                className="sr-only"
              />
              {CONTACT_CHANNEL_LABEL[c]}
            </label>
          ))}
        </div>
      </fieldset>

      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          label="联系时间（北京时间）"
          type="datetime-local"
          value={occurredAt}
          onChange={(e) => setOccurredAt(e.target.value)}
          required
          hint="默认是现在；22:00–08:00 的联系会自动标记"
        />
        {channel === "phone" ? (
          <fieldset className="flex flex-col gap-1">
            <legend className="font-medium text-slate-800">电话接通了吗</legend>
            <div className="flex gap-2">
              {(["no", "yes"] as const).map((v) => (
                <label
                  key={v}
                  className="inline-flex min-h-11 items-center gap-2 rounded-lg border border-slate-300 px-3"
                >
                  <input type="radio" name="answered" checked={answered === v} onChange={() => setAnswered(v)} />
                  {v === "no" ? "未接" : "接了"}
                </label>
              ))}
            </div>
          </fieldset>
        ) : null}
        {channel === "phone" && answered === "no" ? (
          <Field
            label="未接次数"
            name="contactCount"
            type="number"
            inputMode="numeric"
            min={1}
            max={500}
            defaultValue={1}
            hint="同一天未接超过 6 次会自动标记"
          />
        ) : null}
        {debts.length > 0 ? (
          <SelectField
            label="哪一笔债务"
            name="debtId"
            defaultValue=""
            options={[{ value: "", label: "不确定 / 不选" }, ...debts.map((d) => ({ value: d.id, label: d.platform }))]}
          />
        ) : null}
      </div>

      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 font-medium text-slate-800">对方有没有这些行为（可多选）</legend>
        <div className="grid gap-2 sm:grid-cols-2">
          {markerChoices.map((m) => (
            <label key={m.id} className="flex min-h-11 items-start gap-2 rounded-lg border border-slate-200 px-3 py-2">
              <input
                type="checkbox"
                className="mt-1 size-5 shrink-0"
                checked={markers.includes(m.id)}
                onChange={(e) =>
                  setMarkers((prev) => (e.target.checked ? [...prev, m.id] : prev.filter((x) => x !== m.id)))
                }
              />
              <span>
                <span className="font-medium">{m.label}</span>
                <span className="block text-sm text-slate-600">{m.explanation}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>

      <details className="rounded-lg border border-slate-200 p-3">
        <summary className="min-h-11 cursor-pointer content-center font-medium">补充细节（可不填）</summary>
        <div className="mt-3 flex flex-col gap-4">
          <Field label="对方是谁" name="counterpart" maxLength={80} placeholder="姓名、号码、自称的公司" />
          <TextAreaField label="对方说了什么" name="summary" maxLength={2000} />
        </div>
      </details>

      {error ? <Alert tone="error">{error}</Alert> : null}
      {saved && !error ? <Alert tone="success">已记录。</Alert> : null}
      <Button type="submit" disabled={create.isPending}>
        {create.isPending ? "正在保存…" : "保存这条记录"}
      </Button>
    </form>
  );
}

export const ContactQuickEntry = withTRPC(ContactQuickEntryWithoutProvider);
