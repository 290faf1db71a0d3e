import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OpenDatabase } from "@/db/client";
import { findCaseOfOwner } from "@/db/queries/cases";
import { insertEvidence } from "@/db/queries/protection";
import { evidence, payments } from "@/db/schema";
import { createAccount } from "@/db/seed/factories";
import type { DebtFieldsInput } from "@/server/api/schemas/debts";
import { callerFor, sessionUserOf } from "@/test/callers";
import { openTestDatabase, STRONG_PASSWORD, uniqueEmail } from "@/test/database";
import { expectTrpcError } from "@/test/trpc-errors";

let open: OpenDatabase;
beforeAll(async () => {
  open = await openTestDatabase();
});
afterAll(async () => {
  await open.close();
});

// "Now" is 2026-11-27 12:00 Shanghai (test/callers.ts).
const headFeeLoan: DebtFieldsInput = {
  platform: "急用钱",
  debtKind: "onlineLoan",
  lenderKind: "localLender",
  principal: "5000",
  received: "4000",
  outstanding: "3,000",
  repaymentMethod: "fixedInstallments",
  installmentCount: 6,
  installmentAmount: "1000",
  contractDate: "2026-03-01",
  firstMissedDueDate: "2026-10-01",
  status: "overdue",
  notes: "",
};

async function account(role: "borrower" | "counselor", name = role === "borrower" ? "小林" : "王顾问") {
  const user = await createAccount(open.db, {
    email: uniqueEmail(role),
    password: STRONG_PASSWORD,
    displayName: name,
    role,
  });
  const caseId = role === "borrower" ? (await findCaseOfOwner(open.db, user.id))?.id : undefined;
  return { user, caseId: caseId ?? "", api: callerFor(open.db, sessionUserOf(user)) };
}

async function fileIn(caseId: string, name: string) {
  return insertEvidence(open.db, {
    caseId,
    storageKey: `${caseId}/${crypto.randomUUID().replace(/-/g, "")}`,
    displayName: name,
    mimeType: "image/png",
    extension: "png",
    sizeBytes: 10,
    sha256: "c".repeat(64),
  });
}

async function sharedCounselor(owner: Awaited<ReturnType<typeof account>>) {
  const counselor = await account("counselor");
  await owner.api.sharing.invite({ email: counselor.user.email });
  const [invite] = await counselor.api.counselor.invitations();
  await counselor.api.counselor.respond({ shareId: invite?.id ?? "", accept: true });
  return counselor;
}

describe("agreements (协议)", () => {
  it("records agreements per debt, parses the amount exactly and reminds when one ends within 7 days or has ended", async () => {
    const me = await account("borrower");
    const debt = await me.api.debts.create(headFeeLoan);
    const soon = await me.api.agreements.create({
      debtId: debt.id,
      kind: "stopCollection",
      terms: "停催 3 个月",
      amount: "1.2万",
      agreedOn: "2026-09-03",
      startsOn: "2026-09-03",
      endsOn: "2026-12-03",
    });
    expect(soon.amount).toBe("12000.00");
    expect(soon.reminder).toBe("ending");
    expect(soon.daysToEnd).toBe(6);
    await me.api.agreements.create({
      debtId: debt.id,
      kind: "installment",
      agreedOn: "2026-11-01",
      endsOn: "2027-05-01",
    });
    await me.api.agreements.create({
      debtId: debt.id,
      kind: "extension",
      agreedOn: "2026-10-01",
      endsOn: "2026-11-20",
    });
    await me.api.agreements.create({ debtId: debt.id, kind: "discount", agreedOn: "2026-11-02", amount: "" });

    const list = await me.api.agreements.list();
    expect(list.items).toHaveLength(4);
    expect(list.items.map((a) => a.kindLabel).sort()).toEqual(["停催协议", "分期协议", "延期还款", "本金减免"].sort());
    expect(list.items.every((a) => a.platform === "急用钱")).toBe(true);
    expect(list.reminders.map((r) => [r.kind, r.reminder]).sort()).toEqual([
      ["extension", "ended"],
      ["stopCollection", "ending"],
    ]);
    expect(list.items.find((a) => a.kind === "discount")?.amount).toBeNull();
  });

  it("refuses an end before the start, a future agreement date and a bad amount, with what to fix", async () => {
    const me = await account("borrower");
    const debt = await me.api.debts.create(headFeeLoan);
    const base = { debtId: debt.id, kind: "installment" as const, agreedOn: "2026-11-01" };
    await expectTrpcError(
      me.api.agreements.create({ ...base, startsOn: "2026-12-01", endsOn: "2026-11-30" }),
      "BAD_REQUEST",
      "结束日期不能早于开始日期",
    );
    await expectTrpcError(
      me.api.agreements.create({ ...base, agreedOn: "2026-11-28" }),
      "BAD_REQUEST",
      "达成日期不能晚于今天",
    );
    await expectTrpcError(me.api.agreements.create({ ...base, amount: "-5" }), "BAD_REQUEST", "金额");
    expect((await me.api.agreements.list()).items).toHaveLength(0);
  });

  it("refuses another borrower's debt and agreement with the same NOT_FOUND as a missing one; counselors only read", async () => {
    const me = await account("borrower");
    const other = await account("borrower", "别人");
    const debt = await me.api.debts.create(headFeeLoan);
    const mine = await me.api.agreements.create({ debtId: debt.id, kind: "installment", agreedOn: "2026-11-01" });

    await expectTrpcError(
      other.api.agreements.create({ debtId: debt.id, kind: "installment", agreedOn: "2026-11-01" }),
      "NOT_FOUND",
    );
    const foreign = await expectTrpcError(other.api.agreements.delete({ id: mine.id }), "NOT_FOUND");
    const missing = await expectTrpcError(other.api.agreements.delete({ id: crypto.randomUUID() }), "NOT_FOUND");
    expect(foreign.message).toBe(missing.message);
    await expectTrpcError(other.api.agreements.list({ caseId: me.caseId }), "NOT_FOUND");

    const counselor = await sharedCounselor(me);
    expect((await counselor.api.agreements.list({ caseId: me.caseId })).items.map((a) => a.id)).toEqual([mine.id]);
    await expectTrpcError(
      counselor.api.agreements.create({ debtId: debt.id, kind: "discount", agreedOn: "2026-11-01" }),
      "FORBIDDEN",
    );
    await expectTrpcError(counselor.api.agreements.delete({ id: mine.id }), "FORBIDDEN");
    expect((await me.api.agreements.list()).items).toHaveLength(1);
  });

  it("links evidence to an agreement and keeps the file (unlinked) when the agreement is deleted", async () => {
    const me = await account("borrower");
    const debt = await me.api.debts.create(headFeeLoan);
    const agreement = await me.api.agreements.create({
      debtId: debt.id,
      kind: "stopCollection",
      agreedOn: "2026-11-01",
    });
    const file = await fileIn(me.caseId, "停催确认.png");
    const linked = await me.api.evidence.setLinks({ id: file.id, agreementId: agreement.id });
    expect(linked.agreementId).toBe(agreement.id);
    const list = await me.api.agreements.list();
    expect(list.items[0]?.evidence.map((e) => e.name)).toEqual(["停催确认.png"]);

    await me.api.agreements.delete({ id: agreement.id });
    const [row] = await open.db.select().from(evidence).where(eq(evidence.id, file.id));
    expect(row?.agreementId).toBeNull();
    expect((await me.api.agreements.list()).items).toHaveLength(0);
  });
});

describe("linking evidence to a contact-log entry", () => {
  it("links and unlinks; refuses an entry, agreement or file of another case", async () => {
    const me = await account("borrower");
    const other = await account("borrower", "别人");
    const entry = await me.api.contactLog.create({ channel: "phone", summary: "威胁上门", markers: ["threats"] });
    const file = await fileIn(me.caseId, "录音.png");
    const otherEntry = await other.api.contactLog.create({ channel: "sms", markers: [] });
    const otherDebt = await other.api.debts.create(headFeeLoan);
    const otherAgreement = await other.api.agreements.create({
      debtId: otherDebt.id,
      kind: "installment",
      agreedOn: "2026-11-01",
    });
    const otherFile = await fileIn(other.caseId, "别人的.png");

    expect((await me.api.evidence.setLinks({ id: file.id, contactLogId: entry.id })).contactLogId).toBe(entry.id);
    expect((await me.api.evidence.list()).items[0]?.contactLogId).toBe(entry.id);

    await expectTrpcError(
      me.api.evidence.setLinks({ id: file.id, contactLogId: otherEntry.id }),
      "NOT_FOUND",
      "沟通记录",
    );
    await expectTrpcError(
      me.api.evidence.setLinks({ id: file.id, agreementId: otherAgreement.id }),
      "NOT_FOUND",
      "协议",
    );
    await expectTrpcError(me.api.evidence.setLinks({ id: otherFile.id, contactLogId: entry.id }), "NOT_FOUND");
    await expectTrpcError(me.api.evidence.setLinks({ id: file.id }), "BAD_REQUEST", "请选择要关联的沟通记录或协议");
    // The refused calls changed nothing.
    const [row] = await open.db.select().from(evidence).where(eq(evidence.id, file.id));
    expect(row?.contactLogId).toBe(entry.id);
    const [theirs] = await open.db.select().from(evidence).where(eq(evidence.id, otherFile.id));
    expect(theirs?.contactLogId).toBeNull();

    expect((await me.api.evidence.setLinks({ id: file.id, contactLogId: "" })).contactLogId).toBeNull();
  });
});

describe("complaints filed (投诉记录)", () => {
  it("records a complaint, appends dated follow-ups and flags an overdue reply until it is marked replied", async () => {
    const me = await account("borrower");
    const late = await me.api.complaints.create({
      channel: "nfra12378",
      filedOn: "2026-10-20",
      referenceNumber: "NFRA-2026-001",
      expectedReplyBy: "2026-11-20",
    });
    await me.api.complaints.create({ channel: "heimao", filedOn: "2026-11-25", expectedReplyBy: "2026-12-05" });
    expect(late.replyOverdue).toBe(true);
    expect(late.channelLabel).toContain("12378");

    await me.api.complaints.addFollowUp({ id: late.id, note: "打电话催问" });
    const after = await me.api.complaints.addFollowUp({ id: late.id, note: "说已转办\n等待" });
    expect(after.followUps).toEqual(["2026-11-27：打电话催问", "2026-11-27：说已转办 等待"]);

    let list = await me.api.complaints.list();
    expect(list.items).toHaveLength(2);
    expect(list.overdue.map((c) => c.id)).toEqual([late.id]);

    const replied = await me.api.complaints.setReplied({ id: late.id, replied: true });
    expect(replied.replied).toBe(true);
    expect(replied.repliedOn).toBe("2026-11-27");
    list = await me.api.complaints.list();
    expect(list.overdue).toHaveLength(0);

    await me.api.complaints.delete({ id: late.id });
    expect((await me.api.complaints.list()).items).toHaveLength(1);
  });

  it("refuses a reply date before the filing date, a future filing date, an empty follow-up and an unknown channel", async () => {
    const me = await account("borrower");
    await expectTrpcError(
      me.api.complaints.create({ channel: "nifa", filedOn: "2026-11-20", expectedReplyBy: "2026-11-19" }),
      "BAD_REQUEST",
      "预计答复日期不能早于投诉日期",
    );
    await expectTrpcError(
      me.api.complaints.create({ channel: "nifa", filedOn: "2026-11-28" }),
      "BAD_REQUEST",
      "投诉日期不能晚于今天",
    );
    await expectTrpcError(
      // @ts-expect-error an unknown channel, as a tampered request would send it
      me.api.complaints.create({ channel: "twitter", filedOn: "2026-11-20" }),
      "BAD_REQUEST",
      "请选择投诉渠道",
    );
    const c = await me.api.complaints.create({ channel: "nifa", filedOn: "2026-11-20" });
    await expectTrpcError(
      me.api.complaints.addFollowUp({ id: c.id, note: "  " }),
      "BAD_REQUEST",
      "请写下这次跟进的内容",
    );
  });

  it("keeps each borrower's complaints to themselves; a shared counselor reads but cannot change them", async () => {
    const me = await account("borrower");
    const other = await account("borrower", "别人");
    const c = await me.api.complaints.create({ channel: "report12321", filedOn: "2026-11-20" });
    await expectTrpcError(other.api.complaints.setReplied({ id: c.id, replied: true }), "NOT_FOUND");
    await expectTrpcError(other.api.complaints.addFollowUp({ id: c.id, note: "x" }), "NOT_FOUND");
    await expectTrpcError(other.api.complaints.delete({ id: c.id }), "NOT_FOUND");
    await expectTrpcError(other.api.complaints.list({ caseId: me.caseId }), "NOT_FOUND");
    expect((await other.api.complaints.list()).items).toHaveLength(0);

    const counselor = await sharedCounselor(me);
    expect((await counselor.api.complaints.list({ caseId: me.caseId })).items).toHaveLength(1);
    await expectTrpcError(counselor.api.complaints.setReplied({ id: c.id, replied: true }), "FORBIDDEN");
    const [mine] = (await me.api.complaints.list()).items;
    expect(mine?.replied).toBe(false);
    expect(mine?.followUps).toEqual([]);
  });
});

describe("document drafts", () => {
  it("negotiation letter: what was borrowed, received and paid, and the rate lines it exceeds with sources", async () => {
    const me = await account("borrower");
    const debt = await me.api.debts.create(headFeeLoan);
    await open.db.insert(payments).values([
      { caseId: me.caseId, debtId: debt.id, amount: "1000.00", paidOn: "2026-04-01" },
      { caseId: me.caseId, debtId: debt.id, amount: "1000.10", paidOn: "2026-05-01" },
    ]);
    const draft = await me.api.agreements.negotiationDraft({ debtId: debt.id });
    expect(draft.borrowerName).toBe("小林");
    expect(draft.today).toBe("2026年11月27日");
    expect(draft.debt).toMatchObject({
      platform: "急用钱",
      principal: "5000.00",
      received: "4000.00",
      upfrontFee: "1000.00",
      outstanding: "3000.00",
      paid: "2000.10",
      paymentCount: 2,
    });
    expect(Number(draft.debt?.realAnnualRate)).toBeGreaterThan(0.36);
    const labels = draft.debt?.linesAbove.map((l) => l.label) ?? [];
    expect(labels).toContain("36%");
    expect(draft.debt?.linesAbove.every((l) => l.citation !== "" && l.source.markLabel !== "")).toBe(true);
    expect(draft.notLegalAdvice).toContain("不是法律意见");

    // Without a debt chosen: the first open one.
    expect((await me.api.agreements.negotiationDraft()).debt?.id).toBe(debt.id);
  });

  it("negotiation letter: another borrower's debt is NOT_FOUND; a shared counselor reads it with the borrower's name", async () => {
    const me = await account("borrower");
    const other = await account("borrower", "别人");
    const debt = await me.api.debts.create(headFeeLoan);
    await expectTrpcError(other.api.agreements.negotiationDraft({ debtId: debt.id }), "NOT_FOUND");
    await expectTrpcError(other.api.agreements.negotiationDraft({ caseId: me.caseId, debtId: debt.id }), "NOT_FOUND");
    expect((await other.api.agreements.negotiationDraft()).debt).toBeNull();
    const counselor = await sharedCounselor(me);
    const draft = await counselor.api.agreements.negotiationDraft({ caseId: me.caseId, debtId: debt.id });
    expect(draft.borrowerName).toBe("小林");
    expect(draft.debt?.platform).toBe("急用钱");
  });

  it("complaint: the marked contacts' timeline, platforms and evidence fingerprints; unmarked contacts stay out", async () => {
    const me = await account("borrower");
    const debt = await me.api.debts.create(headFeeLoan);
    await me.api.contactLog.create({
      debtId: debt.id,
      channel: "phone",
      occurredAt: "2026-11-20T23:30",
      counterpart: "自称律师",
      summary: "说要起诉我全家",
      markers: ["impersonation"],
    });
    await me.api.contactLog.create({
      channel: "sms",
      occurredAt: "2026-11-21T10:00",
      summary: "普通提醒",
      markers: [],
    });
    await fileIn(me.caseId, "律师函截图.png");

    const draft = await me.api.complaints.draft();
    expect(draft.markedEntries).toBe(1);
    expect(draft.input.timeline).toHaveLength(1);
    expect(draft.input.timeline[0]).toMatchObject({ when: "2026-11-20 23:30", counterpart: "自称律师" });
    expect(draft.input.timeline[0]?.markers).toEqual(
      expect.arrayContaining(["冒充公检法或律师", "夜间催收（22:00–08:00）"]),
    );
    expect(draft.input.platforms).toEqual(["急用钱"]);
    expect(draft.input.evidence).toEqual([expect.objectContaining({ name: "律师函截图.png", sha256: "c".repeat(64) })]);
    expect(draft.channels.map((c) => c.id)).toContain("police110");
    expect(draft.channels.map((c) => c.id)).not.toContain("court");
    expect(draft.channels.every((c) => c.sources.length > 0)).toBe(true);
    expect(JSON.stringify(draft.input)).not.toContain("普通提醒");

    const other = await account("borrower", "别人");
    await expectTrpcError(other.api.complaints.draft({ caseId: me.caseId }), "NOT_FOUND");
    expect((await other.api.complaints.draft()).input.timeline).toHaveLength(0);
  });
});
