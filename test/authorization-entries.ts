/**
 * Matrix entries for the procedures of the protection (contact log, evidence, deadlines), budget,
 * plan and import/export routers, kept apart so each area lists its own. See
 * server/access/authorization-matrix.integration.test.ts.
 */
import crypto from "node:crypto";
import type { Database } from "@/db/client";
import { evidence } from "@/db/schema";
import type { Entry, Fixture } from "@/server/access/authorization-matrix.integration.test";
import * as accountRights from "./authorization/account-rights";
import * as payments from "./authorization/payments";
import * as protectionDocuments from "./authorization/protection-documents";
import * as recovery from "./authorization/recovery";
import type { callerFor } from "./callers";

const areas = [payments, protectionDocuments, recovery, accountRights];

type Caller = ReturnType<typeof callerFor>;
const forCase = (actor: string, f: Fixture) => (actor === "owner" ? {} : { caseId: f.caseId });

const csv = (platform: string) =>
  Buffer.from(`平台或出借人,借款类型,借款金额,剩余待还,还款方式\n${platform},网贷,1000,1000,无\n`).toString("base64");

export const matrixEntriesExtra: Record<string, Entry> = {
  "budget.get": { rule: "caseRead", call: (api, f, a) => api.budget.get(forCase(a, f)) },
  "budget.save": {
    rule: "borrowerSelf",
    call: (api) => api.budget.save({ items: [{ label: "工资", kind: "income", monthlyAmount: "8000" }] }),
  },
  "plan.get": { rule: "caseRead", call: (api, f, a) => api.plan.get(forCase(a, f)) },
  "plan.progress": { rule: "caseRead", call: (api, f, a) => api.plan.progress(forCase(a, f)) },
  "plan.save": {
    rule: "borrowerSelf",
    call: (api) => api.plan.save({ version: 0, strategy: "avalanche", startMonth: "2026-12" }),
  },
  "plan.setStep": {
    rule: "borrowerSelf",
    call: (api) => api.plan.setStep({ stepId: "buffer.listDebts", done: true }),
  },
  "debtTransfer.preview": {
    rule: "borrowerSelf",
    call: (api) => api.debtTransfer.preview({ fileName: "debts.csv", contentBase64: csv("导入预览") }),
  },
  "debtTransfer.commit": {
    rule: "borrowerSelf",
    call: (api) => api.debtTransfer.commit({ fileName: "debts.csv", contentBase64: csv("导入平台") }),
  },
  "contactLog.list": { rule: "caseRead", call: (api, f, a) => api.contactLog.list(forCase(a, f)) },
  "contactLog.create": {
    rule: "borrowerSelf",
    call: (api) => api.contactLog.create({ channel: "phone", summary: "矩阵", markers: [] }),
  },
  "contactLog.delete": { rule: "owner", call: (api, f) => api.contactLog.delete({ id: f.extra.contactLogId ?? "" }) },
  "evidence.list": { rule: "caseRead", call: (api, f, a) => api.evidence.list(forCase(a, f)) },
  "evidence.delete": { rule: "owner", call: (api, f) => api.evidence.delete({ id: f.extra.evidenceId ?? "" }) },
  "deadlines.list": { rule: "caseRead", call: (api, f, a) => api.deadlines.list(forCase(a, f)) },
  "deadlines.create": {
    rule: "borrowerSelf",
    call: (api) => api.deadlines.create({ kind: "answer", receivedOn: "2026-11-20" }),
  },
  "deadlines.setDone": {
    rule: "owner",
    call: (api, f) => api.deadlines.setDone({ id: f.extra.deadlineId ?? "", done: true }),
  },
  ...Object.assign({}, ...areas.map((a) => a.entries)),
};

/** Records the extra entries aim at, created in the owner's case before the matrix runs. */
export async function matrixFixtureExtras(
  db: Database,
  owner: Caller,
  fixture: Fixture,
): Promise<Record<string, string>> {
  const contact = await owner.contactLog.create({ channel: "sms", summary: "催收短信", markers: [] });
  const deadline = await owner.deadlines.create({ kind: "answer", receivedOn: "2026-11-20" });
  const [file] = await db
    .insert(evidence)
    .values({
      caseId: fixture.caseId,
      storageKey: `${fixture.caseId}/${crypto.randomBytes(16).toString("hex")}`,
      displayName: "截图.png",
      mimeType: "image/png",
      extension: "png",
      sizeBytes: 1,
      sha256: "0".repeat(64),
    })
    .returning({ id: evidence.id });
  const extras: Record<string, string> = {
    contactLogId: contact.id,
    deadlineId: deadline.id,
    evidenceId: file?.id ?? "",
  };
  for (const area of areas) Object.assign(extras, await area.fixtureExtras(db, owner, { ...fixture, extra: extras }));
  return extras;
}
