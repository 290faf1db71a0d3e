"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTRPC, withTRPC } from "@/components/trpc/react";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";

function useSetLinks() {
  const trpc = useTRPC();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const mutation = useMutation(
    trpc.evidence.setLinks.mutationOptions({
      onSuccess: () => {
        setError(null);
        setSaved(true);
        router.refresh();
      },
      onError: (e) => {
        setSaved(false);
        setError(e.message);
      },
    }),
  );
  return { mutation, error, saved };
}

/** On an evidence item: which contact-log entry and which agreement the file proves. */
function EvidenceLinkFormWithoutProvider({
  evidenceId,
  name,
  contactLogId,
  agreementId,
  entries,
  agreements,
}: {
  evidenceId: string;
  name: string;
  contactLogId: string | null;
  agreementId: string | null;
  entries: { id: string; label: string }[];
  agreements: { id: string; label: string }[];
}) {
  const { mutation, error, saved } = useSetLinks();
  return (
    <form
      aria-label={`关联 ${name}`}
      className="flex flex-col gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        mutation.mutate({
          id: evidenceId,
          contactLogId: String(data.get("contactLogId") ?? ""),
          ...(agreements.length > 0 ? { agreementId: String(data.get("agreementId") ?? "") } : {}),
        });
      }}
    >
      <div className="grid gap-2 sm:grid-cols-2">
        <SelectField
          className="min-w-0 [&_select]:max-w-full"
          label="证明哪条沟通记录"
          name="contactLogId"
          defaultValue={contactLogId ?? ""}
          options={[{ value: "", label: "不关联" }, ...entries.map((e) => ({ value: e.id, label: e.label }))]}
        />
        {agreements.length > 0 ? (
          <SelectField
            className="min-w-0 [&_select]:max-w-full"
            label="证明哪份协议"
            name="agreementId"
            defaultValue={agreementId ?? ""}
            options={[{ value: "", label: "不关联" }, ...agreements.map((a) => ({ value: a.id, label: a.label }))]}
          />
        ) : null}
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <Button type="submit" variant="secondary" disabled={mutation.isPending}>
          保存关联
        </Button>
        <span role="status" className="text-sm text-slate-700">
          {saved && !error ? "已保存关联" : null}
        </span>
        {error ? <span className="text-sm text-red-800">{error}</span> : null}
      </div>
    </form>
  );
}

/** On an agreement: link one more file to it, or unlink one. */
function AgreementEvidenceLinkerWithoutProvider({
  agreementId,
  label,
  linked,
  choices,
}: {
  agreementId: string;
  label: string;
  linked: { id: string; name: string }[];
  choices: { id: string; name: string }[];
}) {
  const { mutation, error } = useSetLinks();
  return (
    <div className="flex flex-col gap-2">
      {linked.length > 0 ? (
        <ul aria-label={`${label}的证据`} className="flex flex-col gap-1">
          {linked.map((e) => (
            <li key={e.id} className="flex flex-wrap items-center gap-2 text-sm">
              <a href={`/api/evidence/${e.id}`} className="break-all text-brand-700 underline">
                {e.name}
              </a>
              <Button
                variant="ghost"
                aria-label={`取消关联 ${e.name}`}
                disabled={mutation.isPending}
                onClick={() => mutation.mutate({ id: e.id, agreementId: null })}
              >
                取消关联
              </Button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-600">还没有关联证据。对方确认协议的截图、录音或协议文件要关联上来。</p>
      )}
      {choices.length > 0 ? (
        <form
          aria-label={`给${label}关联证据`}
          className="flex flex-wrap items-end gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            const id = String(new FormData(e.currentTarget).get("evidenceId") ?? "");
            if (id) mutation.mutate({ id, agreementId });
          }}
        >
          <SelectField
            className="min-w-0 [&_select]:max-w-full"
            label="关联已上传的证据"
            name="evidenceId"
            options={choices.map((c) => ({ value: c.id, label: c.name }))}
          />
          <Button type="submit" variant="secondary" disabled={mutation.isPending}>
            关联
          </Button>
        </form>
      ) : null}
      {error ? <p className="text-sm text-red-800">{error}</p> : null}
    </div>
  );
}

export const EvidenceLinkForm = withTRPC(EvidenceLinkFormWithoutProvider);
export const AgreementEvidenceLinker = withTRPC(AgreementEvidenceLinkerWithoutProvider);
