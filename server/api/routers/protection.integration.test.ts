import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OpenDatabase } from "@/db/client";
import { findCaseOfOwner } from "@/db/queries/cases";
import { insertEvidence } from "@/db/queries/protection";
import { createAccount } from "@/db/seed/factories";
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

async function newUser(role: "borrower" | "counselor") {
  const user = await createAccount(open.db, {
    email: uniqueEmail(role),
    password: STRONG_PASSWORD,
    displayName: role === "borrower" ? "小林" : "王顾问",
    role,
  });
  const caseRow = role === "borrower" ? await findCaseOfOwner(open.db, user.id) : undefined;
  return { caller: callerFor(open.db, sessionUserOf(user)), caseId: caseRow?.id };
}

// "Now" is 2026-11-27 12:00 Shanghai (test/callers.ts).
describe("contact log with harassment markers", () => {
  it("logs a late-night call with ticked markers and shows counts and the timeline", async () => {
    const { caller: me } = await newUser("borrower");
    const { id: debtId } = await me.debts.create({
      platform: "急用钱",
      debtKind: "onlineLoan",
      principal: "5000",
      outstanding: "5000",
      repaymentMethod: "none",
    });
    await me.contactLog.create({
      debtId,
      occurredAt: "2026-11-26T23:40",
      channel: "phone",
      answered: "yes",
      counterpart: "自称某律所",
      summary: "说明天上门，要通知我单位",
      markers: ["threats", "impersonation"],
    });
    for (let i = 0; i < 7; i++) {
      await me.contactLog.create({
        occurredAt: `2026-11-27T${String(9 + Math.floor(i / 3)).padStart(2, "0")}:1${i}`,
        channel: "phone",
        answered: "no",
      });
    }
    await me.contactLog.create({ channel: "sms", summary: "普通提醒" }); // time defaults to now

    const log = await me.contactLog.list();
    expect(log.entries).toHaveLength(9);
    const late = log.entries.find((e) => e.counterpart === "自称某律所");
    expect(late?.when).toBe("2026-11-26 23:40");
    expect(late?.platform).toBe("急用钱");
    expect(late?.markers.map((m) => m.id)).toEqual(["quietHours", "threats", "impersonation"]);
    const counts = Object.fromEntries(log.counts.map((c) => [c.marker, c.entries]));
    expect(counts).toEqual({ quietHours: 1, tooManyUnansweredCalls: 1, threats: 1, impersonation: 1 });
    expect(log.counts.every((c) => c.sources.length > 0)).toBe(true);
    expect(log.markedEntries).toBe(2);
    expect(log.entries.find((e) => e.summary === "普通提醒")?.when).toBe("2026-11-27 12:00");
  });

  it("refuses bad input with a message that says what to fix", async () => {
    const { caller: me } = await newUser("borrower");
    await expectTrpcError(me.contactLog.create({ channel: "fax" as never }), "BAD_REQUEST", "请选择联系方式");
    await expectTrpcError(
      me.contactLog.create({ channel: "phone", occurredAt: "昨天晚上" }),
      "BAD_REQUEST",
      "2026-11-27 23:40",
    );
    await expectTrpcError(
      me.contactLog.create({ channel: "phone", occurredAt: "2026-12-01T10:00" }),
      "BAD_REQUEST",
      "不能晚于现在",
    );
  });
});

describe("court deadlines", () => {
  it("computes the answer deadline from the receipt of the complaint copy and shows it until done", async () => {
    const { caller: me } = await newUser("borrower");
    const created = await me.deadlines.create({ kind: "answer", receivedOn: "2026-11-20", court: "某区人民法院" });
    expect(created.dueOn).toBe("2026-12-05");
    expect(created.daysLeft).toBe(8);
    expect(created.source.citation).toContain("第 128 条");
    await me.deadlines.create({ kind: "paymentOrderObjection", receivedOn: "2026-11-01" });
    let list = await me.deadlines.list();
    expect(list.open.map((d) => [d.label, d.dueOn, d.overdue])).toEqual([
      ["支付令异议期限", "2026-11-16", true],
      ["答辩期限", "2026-12-05", false],
    ]);
    expect(list.notLegalAdvice).toContain("不是法律意见");
    await me.deadlines.setDone({ id: created.id, done: true });
    list = await me.deadlines.list();
    expect(list.open).toHaveLength(1);
    expect(list.done[0]?.id).toBe(created.id);
    await expectTrpcError(
      me.deadlines.create({ kind: "appeal", receivedOn: "2026-12-30" }),
      "BAD_REQUEST",
      "不能晚于今天",
    );
  });
});

describe("who may see and change a borrower's protection records", () => {
  it("a second borrower, an unshared counselor and a signed-out caller are refused", async () => {
    const { caller: owner, caseId } = await newUser("borrower");
    await owner.contactLog.create({ channel: "visit", summary: "上门" });
    await owner.deadlines.create({ kind: "answer", receivedOn: "2026-11-20" });
    const row = await insertEvidence(open.db, {
      caseId: caseId!,
      storageKey: `${caseId}/${"a".repeat(32)}`,
      displayName: "截图.png",
      mimeType: "image/png",
      extension: "png",
      sizeBytes: 10,
      sha256: "b".repeat(64),
    });
    expect((await owner.evidence.list()).items.map((e) => e.sha256)).toEqual(["b".repeat(64)]);

    const { caller: other } = await newUser("borrower");
    const { caller: counselor } = await newUser("counselor");
    const signedOut = callerFor(open.db, null);
    for (const intruder of [other, counselor]) {
      await expectTrpcError(intruder.contactLog.list({ caseId }), "NOT_FOUND");
      await expectTrpcError(intruder.evidence.list({ caseId }), "NOT_FOUND");
      await expectTrpcError(intruder.deadlines.list({ caseId }), "NOT_FOUND");
    }
    // The other borrower sees only their own (empty) records and cannot delete the owner's evidence.
    expect((await other.evidence.list()).items).toEqual([]);
    await expectTrpcError(other.evidence.delete({ id: row.id }), "NOT_FOUND");
    await expectTrpcError(counselor.contactLog.create({ channel: "phone" }), "FORBIDDEN");
    await expectTrpcError(signedOut.contactLog.list({ caseId }), "UNAUTHORIZED");
    await expectTrpcError(signedOut.evidence.list({ caseId }), "UNAUTHORIZED");
    await expectTrpcError(signedOut.deadlines.create({ kind: "answer", receivedOn: "2026-11-20" }), "UNAUTHORIZED");
    expect((await owner.evidence.list()).items).toHaveLength(1);

    await owner.evidence.delete({ id: row.id });
    expect((await owner.evidence.list()).items).toEqual([]);
  });
});
