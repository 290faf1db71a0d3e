/** Authorization-matrix entries for this area's procedures; see server/access/authorization-matrix.integration.test.ts. */
import crypto from "node:crypto";
import type { Database } from "@/db/client";
import { evidence } from "@/db/schema";
import type { Entry, Fixture } from "@/server/access/authorization-matrix.integration.test";
import type { callerFor } from "../callers";

type Caller = ReturnType<typeof callerFor>;
const forCase = (actor: string, f: Fixture) => (actor === "owner" ? {} : { caseId: f.caseId });

const debtFields = {
  platform: "协议平台",
  debtKind: "onlineLoan",
  principal: "1000",
  outstanding: "1000",
  repaymentMethod: "none",
} as const;

export const entries: Record<string, Entry> = {
  "agreements.list": { rule: "caseRead", call: (api, f, a) => api.agreements.list(forCase(a, f)) },
  "agreements.create": {
    rule: "borrowerSelf",
    // Another borrower records an agreement on a debt of their own; everyone else aims at the owner's debt.
    call: async (api, f, a) => {
      const debtId = a === "otherBorrower" ? (await api.debts.create(debtFields)).id : f.debtId;
      return api.agreements.create({ debtId, kind: "stopCollection", agreedOn: "2026-11-20", endsOn: "2026-12-20" });
    },
  },
  "agreements.delete": { rule: "owner", call: (api, f) => api.agreements.delete({ id: f.extra.agreementId ?? "" }) },
  "agreements.negotiationDraft": {
    rule: "caseRead",
    call: (api, f, a) => api.agreements.negotiationDraft({ debtId: f.debtId, ...forCase(a, f) }),
  },
  "complaints.list": { rule: "caseRead", call: (api, f, a) => api.complaints.list(forCase(a, f)) },
  "complaints.draft": { rule: "caseRead", call: (api, f, a) => api.complaints.draft(forCase(a, f)) },
  "complaints.create": {
    rule: "borrowerSelf",
    call: (api) => api.complaints.create({ channel: "nfra12378", filedOn: "2026-11-20", referenceNumber: "M-1" }),
  },
  "complaints.addFollowUp": {
    rule: "owner",
    call: (api, f) => api.complaints.addFollowUp({ id: f.extra.complaintId ?? "", note: "打电话催问" }),
  },
  "complaints.setReplied": {
    rule: "owner",
    call: (api, f) => api.complaints.setReplied({ id: f.extra.complaintId ?? "", replied: true }),
  },
  "complaints.delete": {
    rule: "owner",
    call: (api, f) => api.complaints.delete({ id: f.extra.deletableComplaintId ?? "" }),
  },
  "evidence.setLinks": {
    rule: "owner",
    call: (api, f) =>
      api.evidence.setLinks({
        id: f.extra.linkableEvidenceId ?? "",
        contactLogId: f.extra.contactLogForLinkId ?? "",
        agreementId: f.extra.linkAgreementId ?? "",
      }),
  },
};

/** Records the entries aim at, created in the owner's case before the matrix runs. */
export async function fixtureExtras(db: Database, owner: Caller, fixture: Fixture): Promise<Record<string, string>> {
  const agreement = await owner.agreements.create({
    debtId: fixture.debtId,
    kind: "installment",
    agreedOn: "2026-11-01",
  });
  const linkAgreement = await owner.agreements.create({
    debtId: fixture.debtId,
    kind: "discount",
    agreedOn: "2026-11-02",
  });
  const complaint = await owner.complaints.create({ channel: "nifa", filedOn: "2026-11-10" });
  const deletable = await owner.complaints.create({ channel: "heimao", filedOn: "2026-11-11" });
  // Its own entry: contactLog.delete consumes the shared one.
  const contact = await owner.contactLog.create({ channel: "phone", summary: "关联用", markers: ["threats"] });
  // Its own file: evidence.delete consumes the shared one.
  const [file] = await db
    .insert(evidence)
    .values({
      caseId: fixture.caseId,
      storageKey: `${fixture.caseId}/${crypto.randomBytes(16).toString("hex")}`,
      displayName: "协议截图.png",
      mimeType: "image/png",
      extension: "png",
      sizeBytes: 1,
      sha256: "1".repeat(64),
    })
    .returning({ id: evidence.id });
  return {
    agreementId: agreement.id,
    linkAgreementId: linkAgreement.id,
    complaintId: complaint.id,
    deletableComplaintId: deletable.id,
    contactLogForLinkId: contact.id,
    linkableEvidenceId: file?.id ?? "",
  };
}
