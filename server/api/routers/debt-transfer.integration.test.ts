import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OpenDatabase } from "@/db/client";
import { createAccount } from "@/db/seed/factories";
import { AppError } from "@/server/errors";
import { exportDebtList, IMPORT_COLUMNS, IMPORT_MAX_BYTES } from "@/server/services/debt-transfer";
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
  const account = await createAccount(open.db, {
    email: uniqueEmail(`transfer-${role}`),
    password: STRONG_PASSWORD,
    displayName: role === "borrower" ? "小林" : "王顾问",
    role,
  });
  const user = sessionUserOf(account);
  return { user, api: callerFor(open.db, user) };
}

// "Today" in these tests is 2026-11-27 (Shanghai); see test/callers.ts.
const TODAY = "2026-11-27";
const HEADER = IMPORT_COLUMNS.map((c) => c.header).join(",");
const FEE_RATE = "某呗分期,网贷,银行,1.2万,,6000,每期手续费率,12,,0.6,2026-03-10,,正常,";
const HEAD_FEE = "急用钱,网贷,小额贷款公司,5000,4000,5000,每期固定还款,6,1000,,2026-07-01,2026-10-31,逾期,";
const FAMILY = "表哥,民间借贷,个人,2万,,20000,无,,,,,,,";
const BAD_AMOUNT = "坏金额,网贷,,十二万,,1000,每期固定还款,1,1000,,,,,";

function csvFile(...lines: string[]) {
  const bytes = Buffer.from(`\uFEFF${[HEADER, ...lines].join("\r\n")}\r\n`, "utf8");
  return { fileName: "我的债务.csv", contentBase64: bytes.toString("base64") };
}

describe("debtTransfer: preview, then all-or-nothing commit", () => {
  it("previews every row with its errors by row and column, and saves nothing", async () => {
    const { api } = await newUser("borrower");
    await api.debts.create({
      platform: "表哥",
      debtKind: "privateLoan",
      principal: "100",
      outstanding: "100",
      repaymentMethod: "none",
    });
    const preview = await api.debtTransfer.preview(csvFile(FEE_RATE, BAD_AMOUNT, FAMILY));
    expect(preview).toMatchObject({ format: "csv", okCount: 2, errorCount: 1 });
    expect(preview.rows.map((r) => [r.rowNumber, r.platform, r.ok])).toEqual([
      [2, "某呗分期", true],
      [3, "坏金额", false],
      [4, "表哥", true],
    ]);
    expect(preview.rows[0]?.realAnnualRate).toBe("13.03%");
    expect(preview.rows[0]?.summary).toContain("借款 ¥12,000.00");
    expect(preview.rows[1]?.issues).toEqual([
      { column: "借款金额", message: expect.stringContaining("借款金额：金额格式不正确") },
    ]);
    expect(preview.rows[2]?.warnings[0]).toContain("清单里已经有“表哥”");
    expect((await api.debts.list()).items).toHaveLength(1);
  });

  it("commits all rows in one go, with the real rates and the priority order", async () => {
    const { api } = await newUser("borrower");
    const result = await api.debtTransfer.commit(csvFile(FEE_RATE, HEAD_FEE, FAMILY));
    expect(result).toEqual({ created: 3 });
    const { items, totals } = await api.debts.list();
    expect(items.map((d) => d.platform)).toEqual(["急用钱", "某呗分期", "表哥"]);
    expect(items[0]?.upfrontFee).toBe("1000.00");
    expect(items[0]?.badges.some((b) => b.label === "36%" && b.position === "above")).toBe(true);
    expect((Number(items[1]?.realAnnualRate) * 100).toFixed(2)).toBe("13.03");
    expect(totals.owed).toBe("31000.00");
  });

  it("saves nothing when one row is bad, even though the others are fine", async () => {
    const { api } = await newUser("borrower");
    await expectTrpcError(
      api.debtTransfer.commit(csvFile(FEE_RATE, HEAD_FEE, BAD_AMOUNT, FAMILY)),
      "BAD_REQUEST",
      "有 1 行需要修改（第 4 行），所以一行也没有导入",
    );
    expect((await api.debts.list()).items).toHaveLength(0);
  });

  it("re-validates on commit: a file that never had a clean preview is refused as a whole", async () => {
    const { api } = await newUser("borrower");
    // A row whose schedule cannot repay what was received fails the save's own check.
    const impossible = "还不够,网贷,,5000,4000,5000,每期固定还款,6,100,,,,,";
    await expectTrpcError(api.debtTransfer.commit(csvFile(FEE_RATE, impossible)), "BAD_REQUEST", "第 3 行");
    await expectTrpcError(api.debtTransfer.commit(csvFile()), "BAD_REQUEST", "没有可导入的债务");
    expect((await api.debts.list()).items).toHaveLength(0);
  });

  it("refuses a file that is too large, not base64, or not a spreadsheet", async () => {
    const { api } = await newUser("borrower");
    const big = Buffer.alloc(IMPORT_MAX_BYTES + 10, 0x41).toString("base64");
    await expectTrpcError(api.debtTransfer.preview({ contentBase64: big }), "BAD_REQUEST", "超过 1 MB");
    await expectTrpcError(api.debtTransfer.preview({ contentBase64: "不是base64" }), "BAD_REQUEST", "没有传完整");
    await expectTrpcError(
      api.debtTransfer.preview({ contentBase64: Buffer.from("%PDF-1.4").toString("base64") }),
      "BAD_REQUEST",
      "PDF",
    );
  });

  it("exports the list and the export imports again as the same debts (CSV and Excel)", async () => {
    const { api, user } = await newUser("borrower");
    await api.debtTransfer.commit(csvFile(FEE_RATE, HEAD_FEE, FAMILY));
    for (const format of ["csv", "xlsx"] as const) {
      const file = await exportDebtList(open.db, user, format, TODAY);
      expect(file.fileName).toBe(`债务清单-${TODAY}.${format}`);
      const preview = await api.debtTransfer.preview({
        fileName: file.fileName,
        contentBase64: Buffer.from(file.body).toString("base64"),
      });
      expect(preview.errorCount).toBe(0);
      expect(preview.rows.map((r) => [r.platform, r.realAnnualRate])).toEqual([
        ["急用钱", "155.74%"],
        ["某呗分期", "13.03%"],
        ["表哥", null],
      ]);
      // Re-importing one's own export is flagged as likely duplicates.
      expect(preview.rows.every((r) => r.warnings.some((w) => w.includes("清单里已经有")))).toBe(true);
    }
    const csv = new TextDecoder().decode((await exportDebtList(open.db, user, "csv", TODAY)).body);
    expect(csv).toContain(
      "某呗分期,网贷,银行,12000.00,12000.00,6000.00,每期手续费率,12,,0.6,2026-03-10,,正常,,2,13.03%",
    );
  });
});

describe("debtTransfer: only a borrower, only into and out of their own case", () => {
  it("a second borrower imports into their own case and exports only their own list", async () => {
    const owner = await newUser("borrower");
    const other = await newUser("borrower");
    await owner.api.debtTransfer.commit(csvFile(FEE_RATE));
    await other.api.debtTransfer.commit(csvFile(FAMILY));
    expect((await owner.api.debts.list()).items.map((d) => d.platform)).toEqual(["某呗分期"]);
    expect((await other.api.debts.list()).items.map((d) => d.platform)).toEqual(["表哥"]);
    const theirs = new TextDecoder().decode((await exportDebtList(open.db, other.user, "csv", TODAY)).body);
    expect(theirs).toContain("表哥");
    expect(theirs).not.toContain("某呗分期");
    // A case id smuggled into the input is not part of the procedure: it is dropped.
    const { findCaseOfOwner } = await import("@/db/queries/cases");
    const ownerCase = await findCaseOfOwner(open.db, owner.user.id);
    await other.api.debtTransfer.commit({ ...csvFile(HEAD_FEE), caseId: ownerCase?.id } as ReturnType<typeof csvFile>);
    expect((await owner.api.debts.list()).items.map((d) => d.platform)).toEqual(["某呗分期"]);
  });

  it("a counselor is refused: no preview, no commit, no export", async () => {
    const counselor = await newUser("counselor");
    await expectTrpcError(counselor.api.debtTransfer.preview(csvFile(FAMILY)), "FORBIDDEN", "只有借款人");
    await expectTrpcError(counselor.api.debtTransfer.commit(csvFile(FAMILY)), "FORBIDDEN", "只有借款人");
    const err = await exportDebtList(open.db, counselor.user, "csv", TODAY).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe("FORBIDDEN");
  });

  it("a signed-out caller is refused", async () => {
    const anonymous = callerFor(open.db, null);
    await expectTrpcError(anonymous.debtTransfer.preview(csvFile(FAMILY)), "UNAUTHORIZED");
    await expectTrpcError(anonymous.debtTransfer.commit(csvFile(FAMILY)), "UNAUTHORIZED");
  });
});
