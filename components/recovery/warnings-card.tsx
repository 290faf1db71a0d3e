import { Card } from "@/components/ui/card";
import { CREDIT_SOURCES } from "@/server/domain/credit";
import { SOURCE_MARK_LABEL } from "@/server/domain/reference-facts";
import type { RecoveryOverview } from "@/server/services/recovery";
import { BorrowingCheckForm } from "./recovery-forms";
import { SourceLine } from "./source-line";

/** Against a second default: the new-borrowing check and the "credit repair" scams. */
export function SecondDefaultWarnings({
  scam,
  canCheck,
}: {
  scam: RecoveryOverview["scamWarning"];
  canCheck: boolean;
}) {
  return (
    <>
      <Card title="借新钱之前，先查一查">
        <p className="mb-4 text-slate-800">
          实际年化利率超过 10% 的新借款，很容易让你再次逾期。只向持牌机构借，并确认每月还款在预算之内。
        </p>
        {canCheck ? <BorrowingCheckForm /> : null}
        <div className="mt-3">
          <SourceLine
            source={{
              citation: CREDIT_SOURCES.newBorrowing.citation,
              markLabel: SOURCE_MARK_LABEL[CREDIT_SOURCES.newBorrowing.mark],
            }}
          />
        </div>
      </Card>
      <section aria-labelledby="scam-warning" className="rounded-xl border-2 border-amber-600 bg-amber-50 p-4 sm:p-6">
        <h2 id="scam-warning" className="text-lg font-semibold text-amber-950">
          {scam.title}
        </h2>
        <p className="mt-2 text-amber-950">{scam.text}</p>
        <p className="mt-2 text-sm text-amber-950">
          依据：{scam.source.citation}（{scam.source.markLabel}）
        </p>
      </section>
    </>
  );
}
