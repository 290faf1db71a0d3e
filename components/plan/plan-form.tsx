"use client";

import { useMutation } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, SelectField } from "@/components/ui/field";
import { Link } from "@/components/ui/link";
import { useTRPC, withTRPC } from "@/components/trpc/react";
import { formatFenAmount } from "@/server/domain/money-format";
import type { NegotiatedTermKind } from "@/server/domain/payoff";
import { STRATEGIES, STRATEGY_LABEL, TERM_LABEL, type Strategy } from "@/server/domain/payoff-labels";
import type { PlanOverview, TermFormValues } from "@/server/services/plan";

const STRATEGY_HINT: Record<Strategy, string> = {
  avalanche: "利息最高的先还，总利息最少。",
  snowball: "余额最小的先还，更快看到一笔笔还清。",
  custom: "按你排好的顺序还，例如先还催得最凶的。",
};

const TERM_KINDS: NegotiatedTermKind[] = ["stopCollection", "installment", "principalDiscount", "deferral"];
const TERM_HINT: Record<NegotiatedTermKind, string> = {
  stopCollection: "停催期间不计利息，每月照常还最低还款。",
  installment: "从开始月份起，剩余欠款分成若干期等额还清。",
  principalDiscount: "出借方同意少收一部分，剩下的一次或分期还清。",
  deferral: "延期期间不用还款，利息按约定计算。",
};

type TermRow = TermFormValues & { key: string };
interface InflowRow {
  key: string;
  month: string;
  amount: string;
  label: string;
}

let nextKey = 0;
const newKey = () => `k${++nextKey}`;

interface PlanDebt {
  id: string;
  platform: string;
  outstanding: string;
}

/** The order for "custom": the saved one first, then debts it does not list yet. */
function initialOrder(saved: readonly string[], debts: readonly PlanDebt[]): string[] {
  const ids = new Set(debts.map((d) => d.id));
  const order = saved.filter((id) => ids.has(id));
  for (const d of debts) if (!order.includes(d.id)) order.push(d.id);
  return order;
}

const emptyTerm = (debtId: string): TermRow => ({
  key: newKey(),
  debtId,
  kind: "stopCollection",
  from: "",
  months: "3",
  count: "12",
  installments: "1",
  annualRatePercent: "",
  discountPercent: "",
});

/** What the server gets for a term: only the fields of its kind. */
function termInput(t: TermRow) {
  switch (t.kind) {
    case "stopCollection":
      return { debtId: t.debtId, kind: t.kind, from: t.from, months: t.months };
    case "installment":
      return { debtId: t.debtId, kind: t.kind, from: t.from, count: t.count, annualRatePercent: t.annualRatePercent };
    case "principalDiscount":
      return {
        debtId: t.debtId,
        kind: t.kind,
        from: t.from,
        discountPercent: t.discountPercent,
        installments: t.installments,
      };
    case "deferral":
      return { debtId: t.debtId, kind: t.kind, from: t.from, months: t.months, annualRatePercent: t.annualRatePercent };
  }
}

/**
 * 调整计划: strategy, monthly amount, start month, negotiated terms per debt and one-off inflows.
 * Saving carries the version the page read; the page then recomputes the plan from current data.
 */
function PlanFormWithoutProvider({
  version,
  settings,
  debts,
  capacity,
  hasBudget,
  startMonth,
  suggestedBudget,
}: {
  version: number;
  settings: PlanOverview["settings"];
  debts: readonly PlanDebt[];
  capacity: string;
  hasBudget: boolean;
  /** The month the plan effectively starts (never before this month). */
  startMonth: string;
  /** The monthly amount that would finish, when the current one never does. */
  suggestedBudget: string | null;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [strategy, setStrategy] = useState<Strategy>(settings.strategy);
  const [monthlyBudget, setMonthlyBudget] = useState(settings.monthlyBudget?.replace(/\.00$/, "") ?? "");
  const [start, setStart] = useState(startMonth);
  const [order, setOrder] = useState(() => initialOrder(settings.customOrder, debts));
  const [terms, setTerms] = useState<TermRow[]>(() => settings.terms.map((t) => ({ ...t, key: newKey() })));
  const [inflows, setInflows] = useState<InflowRow[]>(() =>
    settings.inflows.map((f) => ({
      key: newKey(),
      month: f.month,
      amount: f.amount.replace(/\.00$/, ""),
      label: f.label,
    })),
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const byId = new Map(debts.map((d) => [d.id, d]));

  const save = useMutation(trpc.plan.save.mutationOptions());

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setMessage(null);
    setErrors({});
    const sentTerms = terms;
    const sentInflows = inflows;
    save.mutate(
      {
        version,
        strategy,
        monthlyBudget,
        startMonth: start,
        customOrder: strategy === "custom" ? order : settings.customOrder.length > 0 ? order : [],
        terms: sentTerms.map(termInput),
        inflows: sentInflows.map((f) => ({ month: f.month, amount: f.amount, label: f.label })),
      },
      {
        onSuccess: () => {
          setMessage({ tone: "success", text: "计划已保存，上面的结果已按新的设置重新计算。" });
          router.refresh();
        },
        onError: (err) => {
          if (!(err instanceof TRPCClientError)) {
            setMessage({ tone: "error", text: "网络连接出了问题，您填写的内容还在，请稍后再保存" });
            return;
          }
          const raw = (err.data as { fieldErrors?: Record<string, string> | null } | undefined)?.fieldErrors ?? {};
          // terms.2.months → the key of that row, so the message stays with it while rows move.
          const mapped: Record<string, string> = {};
          for (const [path, text] of Object.entries(raw)) {
            const m = /^(terms|inflows)\.(\d+)\.?(\w*)$/.exec(path);
            if (m) {
              const row = (m[1] === "terms" ? sentTerms : sentInflows)[Number(m[2])];
              if (row) mapped[`${row.key}.${m[3] || "kind"}`] ??= text;
            } else mapped[path] ??= text;
          }
          setErrors(mapped);
          setMessage({
            tone: "error",
            text: Object.keys(mapped).length > 0 ? `有几处需要修改：${err.message}` : err.message,
          });
        },
      },
    );
  }

  const err = (key: string) => errors[key] ?? null;
  const updateTerm = (key: string, patch: Partial<TermRow>) =>
    setTerms((ts) => ts.map((t) => (t.key === key ? { ...t, ...patch } : t)));
  const updateInflow = (key: string, patch: Partial<InflowRow>) =>
    setInflows((fs) => fs.map((f) => (f.key === key ? { ...f, ...patch } : f)));
  const move = (index: number, delta: number) =>
    setOrder((o) => {
      const next = o.slice();
      const [item] = next.splice(index, 1);
      if (item !== undefined) next.splice(index + delta, 0, item);
      return next;
    });

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-6">
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-2 text-lg font-semibold">还款策略</legend>
        {STRATEGIES.map((s) => (
          <label
            key={s}
            className="flex min-h-11 cursor-pointer items-start gap-3 rounded-lg border border-slate-200 p-3 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50"
          >
            <input
              type="radio"
              name="strategy"
              value={s}
              checked={strategy === s}
              onChange={() => setStrategy(s)}
              className="mt-1 size-5 accent-brand-600"
            />
            <span>
              <span className="font-medium">{STRATEGY_LABEL[s]}</span>
              <span className="block text-sm text-slate-600">{STRATEGY_HINT[s]}</span>
            </span>
          </label>
        ))}
        {err("customOrder") ? <p className="text-sm text-red-800">{err("customOrder")}</p> : null}
        {strategy === "custom" ? (
          <ol className="mt-2 flex flex-col gap-2" aria-label="自定义还款顺序">
            {order.map((id, index) => (
              <li key={id} className="flex items-center gap-2 rounded-lg bg-slate-50 px-3 py-1">
                <span className="w-6 text-slate-500">{index + 1}.</span>
                <span className="min-w-0 flex-1 break-words">{byId.get(id)?.platform}</span>
                <Button
                  variant="ghost"
                  className="px-2"
                  disabled={index === 0}
                  aria-label={`把「${byId.get(id)?.platform}」往前移`}
                  onClick={() => move(index, -1)}
                >
                  ↑
                </Button>
                <Button
                  variant="ghost"
                  className="px-2"
                  disabled={index === order.length - 1}
                  aria-label={`把「${byId.get(id)?.platform}」往后移`}
                  onClick={() => move(index, 1)}
                >
                  ↓
                </Button>
              </li>
            ))}
          </ol>
        ) : null}
      </fieldset>

      <fieldset className="flex flex-col gap-4">
        <legend className="mb-2 text-lg font-semibold">每月金额和开始月份</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field
            label="每月用于还款的金额"
            inputMode="decimal"
            value={monthlyBudget}
            onChange={(e) => setMonthlyBudget(e.target.value)}
            placeholder={capacity.replace(/\.00$/, "")}
            hint={
              hasBudget ? (
                <>
                  包括各笔的最低还款。不填就用收支预算算出的可用于还款{" "}
                  <span className="tabular-nums">{formatFenAmount(capacity)}</span>。
                </>
              ) : (
                <>
                  还没有填写
                  <Link href="/budget" className="text-brand-700 underline">
                    收支预算
                  </Link>
                  ，请先填写，或直接在这里写每月能拿出的金额。
                </>
              )
            }
            error={err("monthlyBudget")}
          />
          <Field
            label="开始月份"
            type="month"
            value={start}
            onChange={(e) => setStart(e.target.value)}
            hint="按各笔债务现在的剩余待还，从这个月开始算"
            error={err("startMonth")}
          />
        </div>
        {suggestedBudget ? (
          <Button variant="secondary" className="sm:self-start" onClick={() => setMonthlyBudget(suggestedBudget)}>
            改为每月 {formatFenAmount(suggestedBudget)}（能在 50 年内还清的最低金额）
          </Button>
        ) : null}
      </fieldset>

      <fieldset className="flex flex-col gap-4">
        <legend className="mb-1 text-lg font-semibold">协商条款</legend>
        <p className="-mt-2 text-sm text-slate-600">
          和出借方谈成的停催、分期、减免或延期，写在对应的债务下面，计划会按条款重新计算。还没谈成的也可以先填进去，看看能省多少。
        </p>
        {debts.map((d) => {
          const own = terms.filter((t) => t.debtId === d.id);
          return (
            <fieldset key={d.id} className="rounded-lg border border-slate-200 p-3">
              <legend className="px-1 font-medium">
                {d.platform}
                <span className="ml-2 text-sm font-normal text-slate-600">
                  剩余 <span className="tabular-nums">{formatFenAmount(d.outstanding)}</span>
                </span>
              </legend>
              {own.length === 0 ? <p className="text-sm text-slate-600">暂无协商条款。</p> : null}
              <ul className="flex flex-col gap-4">
                {own.map((t) => (
                  <li key={t.key} className="flex flex-col gap-3 rounded-lg bg-slate-50 p-3">
                    <div className="grid gap-3 sm:grid-cols-2">
                      <SelectField
                        label="条款类型"
                        value={t.kind}
                        onChange={(e) => updateTerm(t.key, { kind: e.target.value as NegotiatedTermKind })}
                        options={TERM_KINDS.map((k) => ({ value: k, label: TERM_LABEL[k] }))}
                        hint={TERM_HINT[t.kind]}
                        error={err(`${t.key}.kind`)}
                      />
                      <Field
                        label="从哪个月开始"
                        type="month"
                        value={t.from}
                        onChange={(e) => updateTerm(t.key, { from: e.target.value })}
                        hint="不填就从计划开始月份算"
                        error={err(`${t.key}.from`)}
                      />
                      {t.kind === "stopCollection" || t.kind === "deferral" ? (
                        <Field
                          label={t.kind === "stopCollection" ? "停息几个月" : "延期几个月"}
                          inputMode="numeric"
                          value={t.months}
                          onChange={(e) => updateTerm(t.key, { months: e.target.value })}
                          error={err(`${t.key}.months`)}
                        />
                      ) : null}
                      {t.kind === "installment" ? (
                        <Field
                          label="分几期还清"
                          inputMode="numeric"
                          value={t.count}
                          onChange={(e) => updateTerm(t.key, { count: e.target.value })}
                          error={err(`${t.key}.count`)}
                        />
                      ) : null}
                      {t.kind === "principalDiscount" ? (
                        <>
                          <Field
                            label="减免比例（%）"
                            inputMode="decimal"
                            value={t.discountPercent}
                            onChange={(e) => updateTerm(t.key, { discountPercent: e.target.value })}
                            hint="例如 30 表示少还 30%"
                            error={err(`${t.key}.discountPercent`)}
                          />
                          <Field
                            label="减免后分几期还清"
                            inputMode="numeric"
                            value={t.installments}
                            onChange={(e) => updateTerm(t.key, { installments: e.target.value })}
                            hint="1 表示一次还清"
                            error={err(`${t.key}.installments`)}
                          />
                        </>
                      ) : null}
                      {t.kind === "installment" || t.kind === "deferral" ? (
                        <Field
                          label={t.kind === "installment" ? "协议年利率（%）" : "延期期间年利率（%）"}
                          inputMode="decimal"
                          value={t.annualRatePercent}
                          onChange={(e) => updateTerm(t.key, { annualRatePercent: e.target.value })}
                          hint={t.kind === "installment" ? "不填表示不再计息" : "不填表示按原利率计息"}
                          error={err(`${t.key}.annualRatePercent`)}
                        />
                      ) : null}
                    </div>
                    <Button
                      variant="ghost"
                      className="self-start px-0"
                      onClick={() => setTerms((ts) => ts.filter((x) => x.key !== t.key))}
                    >
                      删除这条{TERM_LABEL[t.kind]}
                    </Button>
                  </li>
                ))}
              </ul>
              <Button
                variant="secondary"
                className="mt-3"
                onClick={() => setTerms((ts) => [...ts, emptyTerm(d.id)])}
                aria-label={`给「${d.platform}」添加协商条款`}
              >
                添加协商条款
              </Button>
            </fieldset>
          );
        })}
      </fieldset>

      <fieldset className="flex flex-col gap-3">
        <legend className="mb-1 text-lg font-semibold">一次性收入</legend>
        <p className="-mt-1 text-sm text-slate-600">
          例如卖掉闲置物品、家人帮忙、年终奖：写明哪个月到账，计划会在那个月多还。
        </p>
        <ul className="flex flex-col gap-3">
          {inflows.map((f, index) => (
            <li key={f.key} className="grid gap-3 rounded-lg bg-slate-50 p-3 sm:grid-cols-3">
              <Field
                label={`第 ${index + 1} 笔：到账月份`}
                type="month"
                value={f.month}
                onChange={(e) => updateInflow(f.key, { month: e.target.value })}
                error={err(`${f.key}.month`)}
              />
              <Field
                label="金额"
                inputMode="decimal"
                value={f.amount}
                onChange={(e) => updateInflow(f.key, { amount: e.target.value })}
                error={err(`${f.key}.amount`)}
              />
              <Field
                label="说明"
                value={f.label}
                maxLength={30}
                placeholder="例如 卖电动车"
                onChange={(e) => updateInflow(f.key, { label: e.target.value })}
                error={err(`${f.key}.label`)}
              />
              <Button
                variant="ghost"
                className="self-start px-0 sm:col-span-3"
                onClick={() => setInflows((fs) => fs.filter((x) => x.key !== f.key))}
              >
                删除这笔收入
              </Button>
            </li>
          ))}
        </ul>
        <Button
          variant="secondary"
          className="sm:self-start"
          onClick={() => setInflows((fs) => [...fs, { key: newKey(), month: start, amount: "", label: "" }])}
        >
          添加一次性收入
        </Button>
      </fieldset>

      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <Button type="submit" disabled={save.isPending} className="sm:self-start">
        {save.isPending ? "正在计算…" : "保存并重新计算"}
      </Button>
    </form>
  );
}

export const PlanForm = withTRPC(PlanFormWithoutProvider);
