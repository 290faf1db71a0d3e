"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTRPC, withTRPC } from "@/components/trpc/react";
import { ConfirmDelete } from "@/components/ui/confirm-delete";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, SelectField } from "@/components/ui/field";
import type { ComplaintChannelId } from "@/server/domain/documents";

/** 记录一次投诉: channel, date filed, reference number, when a reply is expected. */
function ComplaintRecordFormWithoutProvider({
  channels,
  debts,
  today,
}: {
  channels: { id: ComplaintChannelId; label: string; short: string; note: string }[];
  debts: { id: string; platform: string }[];
  today: string;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [channel, setChannel] = useState<ComplaintChannelId>(channels[0]?.id ?? "nfra12378");
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const create = useMutation(
    trpc.complaints.create.mutationOptions({
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
  const note = channels.find((c) => c.id === channel)?.note;
  return (
    <form
      aria-label="记录一次投诉"
      className="flex flex-col gap-4"
      onSubmit={(e) => {
        e.preventDefault();
        const form = e.currentTarget;
        const data = new FormData(form);
        const value = (k: string) => String(data.get(k) ?? "");
        create.mutate(
          {
            channel,
            debtId: value("debtId"),
            filedOn: value("filedOn"),
            referenceNumber: value("referenceNumber"),
            expectedReplyBy: value("expectedReplyBy"),
          },
          { onSuccess: () => form.reset() },
        );
      }}
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          className="min-w-0 [&_select]:max-w-full"
          label="投诉渠道"
          value={channel}
          onChange={(e) => setChannel(e.target.value as ComplaintChannelId)}
          options={channels.map((c) => ({ value: c.id, label: c.short }))}
          hint={note}
        />
        {debts.length > 0 ? (
          <SelectField
            className="min-w-0 [&_select]:max-w-full"
            label="投诉的是哪一笔债务（可不选）"
            name="debtId"
            defaultValue=""
            options={[{ value: "", label: "不选" }, ...debts.map((d) => ({ value: d.id, label: d.platform }))]}
          />
        ) : null}
        <Field label="投诉日期" name="filedOn" type="date" required defaultValue={today} max={today} />
        <Field label="受理编号（可不填）" name="referenceNumber" maxLength={80} hint="电话投诉时对方告诉你的编号" />
        <Field
          label="预计答复日期（可不填）"
          name="expectedReplyBy"
          type="date"
          hint="按受理时对方说的时间填写；过了这天还没答复会提醒你"
        />
      </div>
      {error ? <Alert tone="error">{error}</Alert> : null}
      {saved && !error ? <Alert tone="success">已记录这次投诉。</Alert> : null}
      <Button type="submit" disabled={create.isPending}>
        保存投诉记录
      </Button>
    </form>
  );
}

/** On a complaint: add a follow-up, mark the reply received (or not), delete. */
function ComplaintActionsWithoutProvider({ id, label, replied }: { id: string; label: string; replied: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const options = {
    onSuccess: () => {
      setError(null);
      router.refresh();
    },
    onError: (e: { message: string }) => setError(e.message),
  };
  const followUp = useMutation(trpc.complaints.addFollowUp.mutationOptions(options));
  const setReplied = useMutation(trpc.complaints.setReplied.mutationOptions(options));
  const remove = useMutation(trpc.complaints.delete.mutationOptions(options));
  return (
    <div className="flex flex-col gap-2">
      <form
        aria-label={`给${label}添加跟进`}
        className="flex flex-wrap items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          const form = e.currentTarget;
          const note = String(new FormData(form).get("note") ?? "");
          followUp.mutate({ id, note }, { onSuccess: () => form.reset() });
        }}
      >
        <Field
          label="跟进情况"
          name="note"
          maxLength={500}
          className="min-w-0 flex-1"
          placeholder="例如：打 12378 催问，说已转办"
        />
        <Button type="submit" variant="secondary" disabled={followUp.isPending}>
          添加跟进
        </Button>
      </form>
      <div className="flex flex-wrap items-center gap-2">
        <Button
          variant="secondary"
          disabled={setReplied.isPending}
          onClick={() => setReplied.mutate({ id, replied: !replied })}
        >
          {replied ? "改回未答复" : "标记为已答复"}
        </Button>
        <ConfirmDelete
          buttonLabel={`删除${label}`}
          groupLabel="确认删除投诉记录"
          question="确定删除这条投诉记录吗？"
          pending={remove.isPending}
          onConfirm={() => remove.mutate({ id })}
        />
      </div>
      {error ? (
        <p className="text-sm text-red-800" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export const ComplaintRecordForm = withTRPC(ComplaintRecordFormWithoutProvider);
export const ComplaintActions = withTRPC(ComplaintActionsWithoutProvider);
