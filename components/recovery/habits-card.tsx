import { Card } from "@/components/ui/card";
import { SOURCE_MARK_LABEL } from "@/server/domain/reference-facts";
import type { RecoveryOverview } from "@/server/services/recovery";
import { CheckInButton, ChecklistItem } from "./recovery-forms";
import { SourceLine } from "./source-line";

const CHECK_IN: Record<"spendingLogged" | "budgetKept", { todo: string; done: string }> = {
  spendingLogged: { todo: "今天已记账", done: "今天已记账" },
  budgetKept: { todo: "今天守住了预算", done: "今天守住了预算" },
};

/** 66-day streaks with a check-in button each. */
export function HabitStreaks({ habits, readOnly }: { habits: RecoveryOverview["habits"]; readOnly: boolean }) {
  return (
    <Card title="习惯打卡：坚持 66 天">
      <ul className="flex flex-col gap-6">
        {habits.map((h) => {
          const percent = Math.min(100, Math.floor((h.current / h.goal) * 100));
          return (
            <li key={h.habit} className="flex flex-col gap-2" data-testid={`habit-${h.habit}`}>
              <h3 className="font-semibold">{h.label}</h3>
              <p className="text-slate-800">
                已连续 <strong className="text-2xl text-brand-700">{h.current}</strong> 天
                {h.goalReached ? "，已经坚持满 66 天！" : `，再坚持 ${h.daysToGoal} 天满 66 天`}
                {h.longest > h.current ? `（最长 ${h.longest} 天）` : ""}
              </p>
              <div
                className="h-2 w-full overflow-hidden rounded-full bg-slate-200"
                role="progressbar"
                aria-valuemin={0}
                aria-valuemax={h.goal}
                aria-valuenow={Math.min(h.current, h.goal)}
                aria-label={`${h.label}：连续天数`}
              >
                <div className="h-full bg-brand-600" style={{ width: `${percent}%` }} />
              </div>
              {readOnly ? null : (
                <CheckInButton
                  habit={h.habit}
                  todoLabel={CHECK_IN[h.habit].todo}
                  doneLabel={CHECK_IN[h.habit].done}
                  loggedToday={h.loggedToday}
                />
              )}
            </li>
          );
        })}
      </ul>
      <p className="mt-4 text-sm text-slate-700">按北京时间算一天。今天还没打卡时，连续天数保留到明天结束。</p>
      {habits[0] ? <SourceLine source={habits[0].source} /> : null}
    </Card>
  );
}

/** 专用还款账户 checklist. */
export function RepaymentAccountChecklist({
  checklist,
  readOnly,
}: {
  checklist: RecoveryOverview["checklist"];
  readOnly: boolean;
}) {
  const done = checklist.filter((i) => i.doneOn !== null).length;
  return (
    <Card title={`专用还款账户（${done}/${checklist.length}）`}>
      {readOnly ? (
        <ul className="divide-y divide-slate-200">
          {checklist.map((i) => (
            <li key={i.id} className="py-2">
              {i.doneOn ? "✓ " : "○ "}
              {i.title}
              {i.doneOn ? <span className="text-sm text-slate-600">（完成于 {i.doneOn}）</span> : null}
            </li>
          ))}
        </ul>
      ) : (
        <ul className="divide-y divide-slate-200">
          {checklist.map((i) => (
            <ChecklistItem key={i.id} itemId={i.id} title={i.title} detail={i.detail} doneOn={i.doneOn} />
          ))}
        </ul>
      )}
      <div className="mt-2">
        <SourceLine
          source={{ citation: "债务处理的一般经验：设一个专门的还款账户", markLabel: SOURCE_MARK_LABEL.ruleOfThumb }}
        />
      </div>
    </Card>
  );
}

/** 50/30/20: the budget's split against the targets. */
export function BudgetSplit({ split }: { split: RecoveryOverview["split"] }) {
  return (
    <Card title="50/30/20 预算分配">
      {!split.hasIncome ? (
        <p className="text-slate-800">收支预算里还没有收入，暂时算不出比例。</p>
      ) : (
        <ul className="flex flex-col gap-3">
          {split.parts.map((p) => (
            <li key={p.category}>
              <p className="flex justify-between gap-2">
                <span>{p.compared}</span>
                <span className={`font-semibold tabular-nums ${p.ok ? "text-green-800" : "text-red-800"}`}>
                  {p.percent}%（{p.bound === "atMost" ? "不超过" : "至少"} {p.targetPercent}%）{p.ok ? "✓" : "✗"}
                </span>
              </p>
              <div className="mt-1 h-2 w-full overflow-hidden rounded-full bg-slate-200" aria-hidden="true">
                <div
                  className={`h-full ${p.ok ? "bg-brand-600" : "bg-red-700"}`}
                  style={{ width: `${Math.min(100, p.percent ?? 0)}%` }}
                />
              </div>
            </li>
          ))}
        </ul>
      )}
      <p className="mt-3 text-sm text-slate-700">上岸期间：必要支出不超过收入的一半，其余用于还款和应急基金。</p>
      <SourceLine source={split.source} />
    </Card>
  );
}
