import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import type { PlanStepsProgress } from "@/server/services/plan";

/** The dashboard's pointer into the three stages: where the borrower is and the next thing to do. */
export function CurrentStageCard({ progress }: { progress: PlanStepsProgress }) {
  const stage = progress.currentStage;
  return (
    <Card title="上岸三个阶段">
      {stage ? (
        <>
          <p className="text-slate-800">
            当前：
            <strong className="font-semibold text-brand-700">
              第 {stage.number} 阶段 · {stage.title}
            </strong>
            <span className="ml-2 text-sm text-slate-600">
              已完成 {stage.done}/{stage.total} 步
            </span>
          </p>
          {progress.nextStep ? (
            <div className="mt-2 rounded-lg bg-slate-50 p-3">
              <p className="font-medium">下一步：{progress.nextStep.title}</p>
              <p className="text-sm text-slate-700">{progress.nextStep.detail}</p>
            </div>
          ) : null}
        </>
      ) : (
        <p className="text-slate-800">三个阶段的步骤都完成了。继续按协议还款，保留好每一笔凭证。</p>
      )}
      <ButtonLink href="/plan#stages" variant="secondary" className="mt-4">
        查看还款计划和全部步骤（{progress.done}/{progress.total}）
      </ButtonLink>
    </Card>
  );
}
