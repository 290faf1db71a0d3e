"use client";

import { useState } from "react";
import { Field } from "@/components/ui/field";
import { complaintText, type ComplaintChannelId, type ComplaintInput } from "@/server/domain/documents";
import { DocumentEditor } from "./document-editor";

export interface ChannelChoice {
  id: ComplaintChannelId;
  label: string;
  handles: string;
  note: string;
  sources: { citation: string; markLabel: string }[];
}

/** 投诉材料: the borrower picks the channel; the text is built from the marked contacts and the evidence. */
export function ComplaintLetterForm({
  input,
  channels,
  defaultChannel,
}: {
  input: ComplaintInput;
  channels: ChannelChoice[];
  defaultChannel: ComplaintChannelId;
}) {
  const [channel, setChannel] = useState<ComplaintChannelId>(defaultChannel);
  const [platforms, setPlatforms] = useState((input.platforms ?? []).join("、"));
  const [edited, setEdited] = useState<string | null>(null);
  const chosen = channels.find((c) => c.id === channel);
  const generated = complaintText({ ...input, channel, platforms: platforms.split(/[、,，]/).map((p) => p.trim()) });

  return (
    <div className="flex flex-col gap-6">
      <form
        aria-label="投诉材料的内容"
        className="flex flex-col gap-4 print:hidden"
        onSubmit={(e) => e.preventDefault()}
      >
        <fieldset className="flex flex-col gap-2">
          <legend className="mb-1 font-medium text-slate-800">投诉渠道</legend>
          <div className="grid gap-2 sm:grid-cols-2">
            {channels.map((c) => (
              <label
                key={c.id}
                className={`flex min-h-11 cursor-pointer items-start gap-2 rounded-lg border px-3 py-2 ${
                  channel === c.id ? "border-brand-600 bg-brand-50" : "border-slate-200 bg-white"
                }`}
              >
                <input
                  type="radio"
                  name="channel"
                  value={c.id}
                  checked={channel === c.id}
                  onChange={() => setChannel(c.id)}
                  className="mt-1 size-5 shrink-0"
                />
                <span>
                  <span className="font-medium">{c.label}</span>
                  <span className="block text-sm text-slate-600">受理：{c.handles}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        {chosen ? (
          <p className="rounded-lg border border-slate-200 bg-slate-50 p-3 text-sm text-slate-800" role="note">
            <strong>{chosen.label}</strong>：{chosen.note}
            <span className="block text-xs text-slate-600">
              依据：{chosen.sources.map((s) => `${s.citation}（${s.markLabel}）`).join("；")}
            </span>
          </p>
        ) : null}
        <Field
          label="被投诉方（平台或催收公司）"
          value={platforms}
          onChange={(e) => setPlatforms(e.target.value)}
          maxLength={200}
          hint="多个用顿号“、”隔开；默认是被标记的联系记录里的平台"
        />
      </form>

      <DocumentEditor
        id="complaint-letter"
        title="投诉材料"
        text={edited ?? generated}
        edited={edited !== null}
        onEdit={setEdited}
        onRegenerate={() => setEdited(null)}
      />
    </div>
  );
}
