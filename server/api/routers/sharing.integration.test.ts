import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OpenDatabase } from "@/db/client";
import { findCaseOfOwner } from "@/db/queries/cases";
import { createAccount } from "@/db/seed/factories";
import type { DebtFieldsInput } from "@/server/api/schemas/debts";
import { progressSummary } from "@/server/services/progress";
import { resolveProgressLink } from "@/server/services/sharing";
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

async function newUser(role: "borrower" | "counselor", name = role === "borrower" ? "小林" : "王顾问") {
  const user = await createAccount(open.db, {
    email: uniqueEmail(role),
    password: STRONG_PASSWORD,
    displayName: name,
    role,
  });
  return { user, api: callerFor(open.db, sessionUserOf(user)) };
}

const loan: DebtFieldsInput = {
  platform: "急用钱",
  debtKind: "onlineLoan",
  principal: "5000",
  received: "4000",
  outstanding: "5000",
  repaymentMethod: "fixedInstallments",
  installmentCount: 6,
  installmentAmount: "1000",
};

async function caseIdOf(userId: string) {
  const found = await findCaseOfOwner(open.db, userId);
  if (!found) throw new Error("no case");
  return found.id;
}

describe("sharing a case with a counselor", () => {
  it("invite → accept → read-only review → note → borrower sees it → revoke → refused at once", async () => {
    const borrower = await newUser("borrower");
    const counselor = await newUser("counselor");
    const { id: debtId, version } = await borrower.api.debts.create(loan);
    const caseId = await caseIdOf(borrower.user.id);

    // Before accepting: nothing visible.
    await borrower.api.sharing.invite({ email: counselor.user.email.toUpperCase() });
    await expectTrpcError(counselor.api.debts.list({ caseId }), "NOT_FOUND");
    const [invitation] = await counselor.api.counselor.invitations();
    expect(invitation?.borrowerName).toBe("小林");
    await counselor.api.counselor.respond({ shareId: invitation?.id ?? "", accept: true });

    // Reads allowed, recorded; writes refused.
    await counselor.api.counselor.openCase({ caseId });
    const list = await counselor.api.debts.list({ caseId });
    expect(list.items.map((d) => d.platform)).toEqual(["急用钱"]);
    expect((await counselor.api.debts.get({ caseId, id: debtId })).debt.platform).toBe("急用钱");
    await expectTrpcError(counselor.api.debts.update({ id: debtId, version, fields: loan }), "FORBIDDEN");
    await expectTrpcError(counselor.api.debts.setArchived({ id: debtId, version, archived: true }), "FORBIDDEN");
    // Papers received on 2026-11-20: the answer is due 15 days later, and the client shows it.
    await borrower.api.deadlines.create({ kind: "answer", receivedOn: "2026-11-20" });
    const [client] = await counselor.api.counselor.clients();
    expect(client).toMatchObject({
      caseId,
      borrowerName: "小林",
      owed: "5000.00",
      aboveLineCount: 1,
      nextDeadline: "2026-12-05",
    });
    expect(client?.lastActivity).toBeInstanceOf(Date);

    await counselor.api.notes.add({ caseId, body: "先和急用钱协商停催，别再借新还旧。" });
    const [note] = await borrower.api.notes.list();
    expect(note?.body).toContain("协商停催");
    expect(note?.authorName).toBe("王顾问");
    await borrower.api.notes.setDone({ noteId: note?.id ?? "", done: true });
    await expectTrpcError(counselor.api.notes.setDone({ noteId: note?.id ?? "", done: false }), "FORBIDDEN");

    const log = await borrower.api.sharing.accessLog();
    expect(log.some((e) => e.viewer === "counselor" && e.counselorName === "王顾问")).toBe(true);

    const [share] = await borrower.api.sharing.shares();
    expect(share?.status).toBe("active");
    await borrower.api.sharing.revoke({ shareId: share?.id ?? "" });
    await expectTrpcError(counselor.api.debts.list({ caseId }), "NOT_FOUND");
    await expectTrpcError(counselor.api.notes.add({ caseId, body: "还在吗" }), "NOT_FOUND");
    await expectTrpcError(counselor.api.counselor.openCase({ caseId }), "NOT_FOUND");
    expect(await counselor.api.counselor.clients()).toEqual([]);
  });

  it("an invitation waits for a counselor account with that email, and can be declined", async () => {
    const borrower = await newUser("borrower");
    const email = uniqueEmail("future-counselor");
    await borrower.api.sharing.invite({ email });
    const later = await createAccount(open.db, {
      email,
      password: STRONG_PASSWORD,
      displayName: "新顾问",
      role: "counselor",
    });
    const api = callerFor(open.db, sessionUserOf(later));
    const [invitation] = await api.counselor.invitations();
    expect(invitation).toBeDefined();
    await api.counselor.respond({ shareId: invitation?.id ?? "", accept: false });
    expect(await api.counselor.invitations()).toEqual([]);
    await expectTrpcError(api.debts.list({ caseId: await caseIdOf(borrower.user.id) }), "NOT_FOUND");
  });

  it("refuses inviting oneself, a borrower account, or the same counselor twice", async () => {
    const borrower = await newUser("borrower");
    const other = await newUser("borrower");
    const counselor = await newUser("counselor");
    await expectTrpcError(borrower.api.sharing.invite({ email: borrower.user.email }), "BAD_REQUEST", "不能邀请自己");
    await expectTrpcError(borrower.api.sharing.invite({ email: other.user.email }), "BAD_REQUEST", "不是债务顾问账户");
    await borrower.api.sharing.invite({ email: counselor.user.email });
    await expectTrpcError(borrower.api.sharing.invite({ email: counselor.user.email }), "CONFLICT", "已经邀请过");
    await expectTrpcError(borrower.api.sharing.invite({ email: "不是邮箱" }), "BAD_REQUEST", "邮箱格式不正确");
  });

  it("another counselor cannot accept an invitation addressed to someone else", async () => {
    const borrower = await newUser("borrower");
    const invited = await newUser("counselor");
    const intruder = await newUser("counselor");
    await borrower.api.sharing.invite({ email: invited.user.email });
    const [share] = await borrower.api.sharing.shares();
    await expectTrpcError(intruder.api.counselor.respond({ shareId: share?.id ?? "", accept: true }), "NOT_FOUND");
    await expectTrpcError(borrower.api.counselor.invitations(), "FORBIDDEN");
  });
});

describe("progress links", () => {
  const now = new Date("2026-11-27T04:00:00Z");

  it("opens with its token only, shows progress, counts views, and stops working when revoked", async () => {
    const borrower = await newUser("borrower");
    await borrower.api.debts.create(loan);
    const link = await borrower.api.sharing.createLink({ label: "妈妈", days: 7, showPlatforms: false });
    expect(link.token).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const resolved = await resolveProgressLink(open.db, link.token, "192.0.2.1", now);
    expect(resolved).toMatchObject({ showPlatforms: false, label: "妈妈" });
    const summary = await progressSummary(open.db, resolved?.caseId ?? "", { now, showPlatforms: false });
    expect(summary).toMatchObject({ owedAtStart: "5000.00", owedNow: "5000.00", percentRepaid: 0, debts: null });

    const [listed] = await borrower.api.sharing.links();
    expect(listed).toMatchObject({ label: "妈妈", viewCount: 1, state: "active" });
    expect(JSON.stringify(listed)).not.toContain(link.token);

    await borrower.api.sharing.revokeLink({ linkId: listed?.id ?? "" });
    expect(await resolveProgressLink(open.db, link.token, "192.0.2.1", now)).toBeNull();
  });

  it("reveals nothing to a wrong or expired token", async () => {
    const borrower = await newUser("borrower");
    const link = await borrower.api.sharing.createLink({ label: "表姐", days: 7, showPlatforms: true });
    const last = link.token.at(-1) === "A" ? "B" : "A";
    expect(await resolveProgressLink(open.db, `${link.token.slice(0, -1)}${last}`, "192.0.2.2", now)).toBeNull();
    expect(await resolveProgressLink(open.db, "../../etc/passwd", "192.0.2.2", now)).toBeNull();
    const eightDaysLater = new Date(now.getTime() + 8 * 86_400_000);
    expect(await resolveProgressLink(open.db, link.token, "192.0.2.2", eightDaysLater)).toBeNull();
  });

  it("limits guessing per address", async () => {
    const borrower = await newUser("borrower");
    const link = await borrower.api.sharing.createLink({ label: "朋友", days: 30, showPlatforms: false });
    for (let i = 0; i < 30; i++) await resolveProgressLink(open.db, `guess-${i}`, "192.0.2.99", now);
    expect(await resolveProgressLink(open.db, link.token, "192.0.2.99", now)).toBeNull();
    expect(await resolveProgressLink(open.db, link.token, "192.0.2.100", now)).not.toBeNull();
  });

  it("refuses bad link settings with a clear message, and other people's links", async () => {
    const borrower = await newUser("borrower");
    const other = await newUser("borrower");
    await expectTrpcError(
      borrower.api.sharing.createLink({ label: "妈妈", days: 14 as never, showPlatforms: false }),
      "BAD_REQUEST",
      "7 天、30 天或 90 天",
    );
    const link = await borrower.api.sharing.createLink({ label: "妈妈", days: 30, showPlatforms: false });
    await expectTrpcError(other.api.sharing.revokeLink({ linkId: link.id }), "NOT_FOUND");
    expect(await other.api.sharing.links()).toEqual([]);
  });
});
