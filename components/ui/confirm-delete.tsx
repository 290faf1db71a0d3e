"use client";

import { useState } from "react";
import { Button } from "./button";

/**
 * A delete button that asks first: "删除" opens the question with "确定删除" and "取消". The
 * caller owns the mutation; `error` (if any) is shown beside the question.
 */
export function ConfirmDelete({
  buttonLabel,
  groupLabel,
  question,
  pending,
  error,
  onConfirm,
}: {
  /** The accessible name of the "删除" button, e.g. "删除 截图.png". */
  buttonLabel: string;
  /** The accessible name of the question group, e.g. "确认删除还款记录". */
  groupLabel: string;
  question: string;
  pending: boolean;
  error?: string | null;
  onConfirm: () => void;
}) {
  const [confirming, setConfirming] = useState(false);
  if (!confirming) {
    return (
      <Button variant="ghost" onClick={() => setConfirming(true)} aria-label={buttonLabel}>
        删除
      </Button>
    );
  }
  return (
    <div role="group" aria-label={groupLabel} className="flex flex-wrap items-center gap-2">
      <span className="text-sm text-red-800">{question}</span>
      <Button variant="danger" disabled={pending} onClick={onConfirm}>
        确定删除
      </Button>
      <Button variant="secondary" onClick={() => setConfirming(false)}>
        取消
      </Button>
      {error ? <span className="text-sm text-red-800">{error}</span> : null}
    </div>
  );
}
