/**
 * The authorization matrix: every tRPC procedure of the app router has an entry here, and for
 * each one the denials are proven for: signed out (which is also what a progress-link holder is to
 * the API), another borrower, a counselor without a share, a counselor whose share was revoked —
 * and the allowed callers succeed. A procedure added without an entry makes this test fail.
 */
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OpenDatabase } from "@/db/client";
import { findCaseOfOwner } from "@/db/queries/cases";
import { createAccount } from "@/db/seed/factories";
import { appRouter } from "@/server/api/root";
import { callerFor, sessionUserOf } from "@/test/callers";
import { openTestDatabase, STRONG_PASSWORD, uniqueEmail } from "@/test/database";
import { matrixFixtureExtras, matrixEntriesExtra } from "@/test/authorization-entries";

type Caller = ReturnType<typeof callerFor>;
type Actor = "signedOut" | "otherBorrower" | "counselorNoShare" | "counselorRevoked" | "counselorActive" | "owner";

/**
 * Who may call a procedure:
 * - public: anyone; - self: any signed-in user, on their own account;
 * - counselorSelf: any counselor, on their own invitations and clients;
 * - borrowerSelf: any borrower, on their own case only (nothing in the call can aim elsewhere);
 * - caseRead: the owner, and a counselor with an active share (reads only);
 * - counselorOnCase: only a counselor with an active share (writes notes);
 * - owner: only the case's owner.
 */
export type Rule = "public" | "self" | "counselorSelf" | "borrowerSelf" | "caseRead" | "counselorOnCase" | "owner";

export interface Fixture {
  caseId: string;
  debtId: string;
  debtVersion: number;
  noteId: string;
  linkId: string;
  shareId: string;
  extra: Record<string, string>;
}

export interface Entry {
  rule: Rule;
  /** Calls the procedure as the given caller; the input aims at the owner's case and records. */
  call: (api: Caller, f: Fixture, actor: Actor) => Promise<unknown>;
}

const debtFields = {
  platform: "矩阵平台",
  debtKind: "onlineLoan",
  principal: "1000",
  outstanding: "1000",
  repaymentMethod: "none",
} as const;

const forCase = (actor: Actor, f: Fixture) => (actor === "owner" ? {} : { caseId: f.caseId });

const ENTRIES: Record<string, Entry> = {
  "account.signUp": {
    rule: "public",
    call: (api) =>
      api.account.signUp({ email: uniqueEmail("m"), password: STRONG_PASSWORD, displayName: "新", role: "borrower" }),
  },
  "account.me": { rule: "self", call: (api) => api.account.me() },
  "account.securityEvents": { rule: "self", call: (api) => api.account.securityEvents() },
  "account.signOutEverywhere": { rule: "self", call: (api) => api.account.signOutEverywhere() },

  "debts.list": { rule: "caseRead", call: (api, f, a) => api.debts.list(forCase(a, f)) },
  "debts.get": { rule: "caseRead", call: (api, f, a) => api.debts.get({ id: f.debtId, ...forCase(a, f) }) },
  "debts.create": { rule: "borrowerSelf", call: (api) => api.debts.create(debtFields) },
  "debts.update": {
    rule: "owner",
    call: (api, f) => api.debts.update({ id: f.debtId, version: f.debtVersion, fields: debtFields }),
  },
  "debts.setStatus": {
    rule: "owner",
    call: (api, f) => api.debts.setStatus({ id: f.debtId, version: f.debtVersion, status: "negotiating" }),
  },
  "debts.setArchived": {
    rule: "owner",
    call: (api, f) => api.debts.setArchived({ id: f.debtId, version: f.debtVersion, archived: false }),
  },

  "sharing.shares": { rule: "borrowerSelf", call: (api) => api.sharing.shares() },
  "sharing.invite": { rule: "borrowerSelf", call: (api) => api.sharing.invite({ email: uniqueEmail("invitee") }) },
  "sharing.revoke": {
    rule: "owner",
    call: (api, f) => api.sharing.revoke({ shareId: f.extra.revocableShareId ?? "" }),
  },
  "sharing.accessLog": { rule: "borrowerSelf", call: (api) => api.sharing.accessLog() },
  "sharing.links": { rule: "borrowerSelf", call: (api) => api.sharing.links() },
  "sharing.createLink": {
    rule: "borrowerSelf",
    call: (api) => api.sharing.createLink({ label: "矩阵", days: 7, showPlatforms: false }),
  },
  "sharing.revokeLink": { rule: "owner", call: (api, f) => api.sharing.revokeLink({ linkId: f.linkId }) },

  "counselor.invitations": { rule: "counselorSelf", call: (api) => api.counselor.invitations() },
  "counselor.clients": { rule: "counselorSelf", call: (api) => api.counselor.clients() },
  "counselor.respond": {
    // Each counselor answers an invitation addressed to them; borrowers are refused.
    rule: "counselorSelf",
    call: (api, f, a) => api.counselor.respond({ shareId: f.extra[`pending:${a}`] ?? f.shareId, accept: false }),
  },
  "counselor.openCase": { rule: "counselorOnCase", call: (api, f) => api.counselor.openCase({ caseId: f.caseId }) },

  "notes.list": { rule: "caseRead", call: (api, f, a) => api.notes.list(forCase(a, f)) },
  "notes.add": { rule: "counselorOnCase", call: (api, f) => api.notes.add({ caseId: f.caseId, body: "矩阵建议" }) },
  "notes.setDone": { rule: "owner", call: (api, f) => api.notes.setDone({ noteId: f.noteId, done: true }) },

  "progress.summary": { rule: "caseRead", call: (api, f, a) => api.progress.summary(forCase(a, f)) },

  ...matrixEntriesExtra,
};

const ALLOWED: Record<Rule, Actor[]> = {
  public: ["signedOut", "otherBorrower", "counselorNoShare", "counselorRevoked", "counselorActive", "owner"],
  self: ["otherBorrower", "counselorNoShare", "counselorRevoked", "counselorActive", "owner"],
  counselorSelf: ["counselorNoShare", "counselorRevoked", "counselorActive"],
  borrowerSelf: ["owner", "otherBorrower"],
  caseRead: ["owner", "counselorActive"],
  counselorOnCase: ["counselorActive"],
  owner: ["owner"],
};

let open: OpenDatabase;
const callers = {} as Record<Actor, () => Promise<Caller>>;
let fixture: Fixture;

async function account(role: "borrower" | "counselor", name: string) {
  const user = await createAccount(open.db, {
    email: uniqueEmail(role),
    password: STRONG_PASSWORD,
    displayName: name,
    role,
  });
  return { user, api: callerFor(open.db, sessionUserOf(user)) };
}

beforeAll(async () => {
  open = await openTestDatabase();
  const owner = await account("borrower", "案主");
  const other = await account("borrower", "别人");
  const active = await account("counselor", "在职顾问");
  const revoked = await account("counselor", "已收回顾问");
  const none = await account("counselor", "无关顾问");

  const debt = await owner.api.debts.create(debtFields);
  const found = await findCaseOfOwner(open.db, owner.user.id);
  if (!found) throw new Error("no case");

  await owner.api.sharing.invite({ email: active.user.email });
  await owner.api.sharing.invite({ email: revoked.user.email });
  const [activeInvite] = await active.api.counselor.invitations();
  const [revokedInvite] = await revoked.api.counselor.invitations();
  await active.api.counselor.respond({ shareId: activeInvite?.id ?? "", accept: true });
  await revoked.api.counselor.respond({ shareId: revokedInvite?.id ?? "", accept: true });
  await owner.api.sharing.revoke({ shareId: revokedInvite?.id ?? "" });
  const note = await active.api.notes.add({ caseId: found.id, body: "初始建议" });
  const link = await owner.api.sharing.createLink({ label: "矩阵", days: 30, showPlatforms: false });
  // Targets that the allowed call may consume: a pending invitation and a revocable share.
  await owner.api.sharing.invite({ email: uniqueEmail("pending") });
  const shares = await owner.api.sharing.shares();
  const pending = shares.find((s) => s.status === "pending");

  fixture = {
    caseId: found.id,
    debtId: debt.id,
    debtVersion: debt.version,
    noteId: note.id,
    linkId: link.id,
    shareId: activeInvite?.id ?? "",
    extra: { revocableShareId: pending?.id ?? "", pendingShareId: pending?.id ?? "" },
  };
  // Each counselor has an invitation of their own to answer, from another borrower.
  for (const [actor, counselor] of [
    ["counselorNoShare", none],
    ["counselorRevoked", revoked],
    ["counselorActive", active],
  ] as const) {
    const inviter = await account("borrower", "邀请人");
    await inviter.api.sharing.invite({ email: counselor.user.email });
    const [share] = await inviter.api.sharing.shares();
    fixture.extra[`pending:${actor}`] = share?.id ?? "";
  }
  Object.assign(fixture.extra, await matrixFixtureExtras(open.db, owner.api, fixture));

  const apis: Record<Actor, Caller> = {
    signedOut: callerFor(open.db, null),
    otherBorrower: other.api,
    counselorNoShare: none.api,
    counselorRevoked: revoked.api,
    counselorActive: active.api,
    owner: owner.api,
  };
  for (const actor of Object.keys(apis) as Actor[]) callers[actor] = async () => apis[actor];
});

afterAll(async () => {
  await open?.close();
});

describe("authorization matrix", () => {
  it("has an entry for every procedure of the app router, and none for procedures that do not exist", () => {
    const procedures = Object.keys(appRouter._def.procedures).sort();
    expect(Object.keys(ENTRIES).sort()).toEqual(procedures);
  });

  const denialActors: Actor[] = [
    "signedOut",
    "otherBorrower",
    "counselorNoShare",
    "counselorRevoked",
    "counselorActive",
    "owner",
  ];
  for (const [path, entry] of Object.entries(ENTRIES)) {
    for (const actor of denialActors) {
      const allowed = ALLOWED[entry.rule].includes(actor);
      it(`${path}: ${actor} is ${allowed ? "allowed" : "refused"}`, async () => {
        const api = await callers[actor]();
        const result = await entry.call(api, fixture, actor).then(
          () => null,
          (e: unknown) => e,
        );
        if (allowed) {
          // Allowed callers may still meet a business refusal (e.g. a conflict), never an access refusal.
          if (result instanceof TRPCError) {
            expect(["UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND"], `${path} as ${actor}: ${result.message}`).not.toContain(
              result.code,
            );
          } else {
            expect(result).toBeNull();
          }
        } else {
          expect(result, `${path} as ${actor} should be refused`).toBeInstanceOf(TRPCError);
          const code = (result as TRPCError).code;
          if (actor === "signedOut") expect(code).toBe("UNAUTHORIZED");
          else expect(["FORBIDDEN", "NOT_FOUND"]).toContain(code);
        }
      });
    }
  }
});
