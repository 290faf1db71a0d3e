import { longMonth } from "@/components/charts/scale";
import type { ProgressHistory } from "@/server/services/progress";

/** How the projected debt-free month moved since the projection kept in an earlier month. */
export function projectionMove(plan: ProgressHistory["plan"]): string | null {
  const { previous, movedMonths } = plan;
  if (!previous) return null;
  const since = `比${longMonth(previous.recordedIn)}的预计`;
  if (movedMonths === null) {
    if (previous.debtFreeMonth === null && plan.debtFreeMonth) return `${since}：之前还不完，现在能还完了`;
    if (previous.debtFreeMonth && plan.debtFreeMonth === null)
      return `${since}（${longMonth(previous.debtFreeMonth)}）：现在还不完了`;
    return null;
  }
  if (movedMonths === 0) return `${since}：没有变化`;
  return movedMonths < 0 ? `${since}提前了 ${-movedMonths} 个月` : `${since}推迟了 ${movedMonths} 个月`;
}
