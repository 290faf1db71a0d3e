import { deflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import writeXlsxFile from "write-excel-file/node";
import { AppError } from "@/server/errors";
import {
  debtTable,
  decodeCsv,
  downloadHeaders,
  IMPORT_COLUMNS,
  IMPORT_MAX_BYTES,
  IMPORT_MAX_ROWS,
  normalizeDateText,
  numberText,
  parseDebtFile,
  previewOf,
  templateFile,
  toCsv,
  toXlsx,
  type ParsedFile,
} from "./debt-transfer";

const HEADER = IMPORT_COLUMNS.map((c) => c.header).join(",");
const utf8 = (s: string) => new TextEncoder().encode(s);
const csv = (...lines: string[]) => utf8(`\uFEFF${[HEADER, ...lines].join("\r\n")}\r\n`);

/** The AppError message a call fails with. */
async function failure(promise: Promise<unknown>): Promise<string> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return (err as AppError).message;
}

function ok(parsed: ParsedFile) {
  return parsed.rows.map((r) => {
    expect(r.issues, `row ${r.rowNumber}`).toEqual([]);
    if (!r.fields) throw new Error(`row ${r.rowNumber} has no fields`);
    return r.fields;
  });
}

/** GBK bytes for a string, from the platform's own decoder (tests only: Node has no GBK encoder). */
function gbk(s: string): Uint8Array {
  const decoder = new TextDecoder("gbk");
  const table = new Map<string, number[]>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([lead, trail]));
      if (ch.length === 1 && !table.has(ch)) table.set(ch, [lead, trail]);
    }
  }
  return new Uint8Array(
    [...s].flatMap((ch) => (ch.charCodeAt(0) < 0x80 ? [ch.charCodeAt(0)] : (table.get(ch) ?? [0x3f]))),
  );
}

describe("CSV import: the form's labels, short forms and the form's messages", () => {
  it("reads rows written the way people write them, with Chinese labels for the choices", async () => {
    const parsed = await parseDebtFile(
      csv(
        '某呗分期,网贷,银行,1.2万,,"6,000",手续费率,12,,0.6%,2026/3/10,,正常,',
        "急用钱,网贷,小贷公司,5000,4000,5000,每期固定还款,6期,1000,,2026-07-01,2026年10月31日,逾期,到手只有 4000",
        "表哥,民间借贷,个人,２００００,,20000,无,,,,,,,",
      ),
    );
    expect(parsed.format).toBe("csv");
    const [fee, head, family] = ok(parsed);
    expect(parsed.rows.map((r) => r.rowNumber)).toEqual([2, 3, 4]);
    expect(fee).toMatchObject({
      platform: "某呗分期",
      debtKind: "onlineLoan",
      lenderKind: "licensedBank",
      repaymentMethod: "feeRate",
      installmentCount: 12,
      contractDate: "2026-03-10",
      status: "current",
    });
    expect(fee?.principal.toFixed(2)).toBe("12000.00");
    expect(fee?.outstanding.toFixed(2)).toBe("6000.00");
    expect(fee?.monthlyRate?.toString()).toBe("0.006");
    expect(head).toMatchObject({ lenderKind: "localLender", repaymentMethod: "fixedInstallments", status: "overdue" });
    expect(head?.received.toFixed(2)).toBe("4000.00");
    expect(head?.firstMissedDueDate).toBe("2026-10-31");
    expect(head?.notes).toBe("到手只有 4000");
    expect(family).toMatchObject({ debtKind: "privateLoan", lenderKind: "privateLending", repaymentMethod: "none" });
    expect(family?.principal.toFixed(2)).toBe("20000.00");
  });

  it("accepts the full form labels and the codes for every choice", async () => {
    const parsed = await parseDebtFile(
      csv(
        "甲,信用卡,个人或无放贷资质的机构（民间借贷）,1000,,1000,等额本息（按月利率）,3,,1,,,已停催,",
        "乙,consumerFinance,consumerFinance,1000,,1000,interestFirst,3,,1,,,settled,",
        "丙,银行贷款,出借方类型未确定,1000,,1000,等额本金,3,,1,,,协商中,",
      ),
    );
    expect(ok(parsed).map((f) => [f.debtKind, f.lenderKind, f.repaymentMethod, f.status])).toEqual([
      ["creditCard", "privateLending", "equalInstallment", "collectionPaused"],
      ["consumerFinance", "consumerFinance", "interestFirst", "settled"],
      ["bankLoan", "unknown", "equalPrincipal", "negotiating"],
    ]);
  });

  it("says which row, which column and what to fix, in the form's words", async () => {
    const parsed = await parseDebtFile(
      csv(
        "好的一行,网贷,,1000,,1000,每期固定还款,1,1000,,,,,",
        "坏金额,网贷,,十二万,,1000,每期固定还款,1,1000,,,,,",
        ",网货,,1000,,1000,每期固定还款,,,,2026-02-30,,,",
        "到手太多,网贷,,1000,2000,1000,无,,,,,,,",
        "还不够,网贷,,5000,4000,5000,每期固定还款,6,100,,,,,",
      ),
    );
    const byRow = new Map(parsed.rows.map((r) => [r.rowNumber, r]));
    expect(byRow.get(2)?.issues).toEqual([]);
    expect(byRow.get(3)?.issues).toEqual([
      { column: "借款金额", message: expect.stringContaining("借款金额：金额格式不正确") },
    ]);
    const row4 = byRow.get(4)?.issues ?? [];
    expect(row4).toEqual(
      expect.arrayContaining([
        { column: "平台或出借人", message: expect.stringContaining("请填写平台或出借人") },
        {
          column: "借款类型",
          message: "请选择借款类型：不认识“网货”，可填 网贷、信用卡、消费金融、银行贷款、民间借贷",
        },
        { column: "借款日期", message: "借款日期不是有效的日期" },
      ]),
    );
    expect(byRow.get(5)?.issues).toEqual([{ column: "实际到手", message: "实际到手金额不能多于借款金额" }]);
    // The schedule check the save runs (a RateError) is reported in the preview too.
    expect(byRow.get(6)?.issues).toEqual([
      { column: null, message: expect.stringContaining("还款总额低于实际到手金额") },
    ]);

    const preview = previewOf(parsed);
    expect(preview.okCount).toBe(1);
    expect(preview.errorCount).toBe(4);
  });

  it("finds the header below a title, ignores unknown and computed columns, skips blank and example rows", async () => {
    const text = [
      "我的债务,,,",
      "平台 ,借款类型,借款金额（必填）,剩余待还,还款方式,实际年化,我的记号",
      "（示例）某呗,网贷,100,100,无,,",
      ",,,,,,",
      "阿姨,民间借贷,3000,3000,无,12.00%,x",
    ].join("\n");
    const parsed = await parseDebtFile(utf8(text));
    expect(parsed.skippedExampleRows).toEqual([3]);
    expect(parsed.ignoredColumns).toEqual(["我的记号"]);
    expect(parsed.rows.map((r) => [r.rowNumber, r.platform])).toEqual([[5, "阿姨"]]);
    expect(ok(parsed)[0]?.lenderKind).toBe("unknown");
  });

  it("reads tab-separated text and semicolons too", async () => {
    const tsv = `平台或出借人\t借款类型\t借款金额\t剩余待还\t还款方式\n某贷\t网贷\t100\t100\t无\n`;
    expect(ok(await parseDebtFile(utf8(tsv)))[0]?.platform).toBe("某贷");
  });

  it("refuses a file without our header, or missing a required column, with what to do", async () => {
    expect(await failure(parseDebtFile(utf8("a,b,c\n1,2,3\n")))).toContain("没有找到表头");
    expect(await failure(parseDebtFile(utf8("平台或出借人,借款金额\n某贷,100\n")))).toBe(
      "表头缺少 “借款类型”、“剩余待还”、“还款方式” 列。请对照模板补上这些列（列名要一致）。",
    );
    expect(await failure(parseDebtFile(utf8("平台,出借人,借款类型\n")))).toContain("有两列都是“平台或出借人”");
  });

  it("limits the file to 1 MB and the rows to 500", async () => {
    expect(await failure(parseDebtFile(new Uint8Array(IMPORT_MAX_BYTES + 1)))).toContain("超过 1 MB");
    const rows = Array.from({ length: IMPORT_MAX_ROWS + 1 }, (_, i) => `平台${i},网贷,,100,,100,无,,,,,,,`);
    expect(await failure(parseDebtFile(csv(...rows)))).toContain(`一次最多导入 ${IMPORT_MAX_ROWS} 行`);
    expect((await parseDebtFile(csv(...rows.slice(1)))).rows).toHaveLength(IMPORT_MAX_ROWS);
    expect(await failure(parseDebtFile(new Uint8Array()))).toContain("空的");
  });

  it("reads GBK (Excel's default CSV on Chinese Windows) and says so; refuses other encodings clearly", async () => {
    const parsed = await parseDebtFile(
      gbk(`${HEADER}\r\n某呗分期,网贷,银行,12000,,6000,等额本息,12,,0.5,,,正常,备注\r\n`),
    );
    expect(ok(parsed)[0]?.platform).toBe("某呗分期");
    expect(parsed.notes[0]).toContain("GBK");
    expect(() => decodeCsv(new Uint8Array([0x61, 0x80, 0x62, 0xff]))).toThrow("不是 UTF-8 编码");
    const utf16 = new Uint8Array([
      0xff,
      0xfe,
      ...new Uint8Array(new Uint16Array([...`${HEADER}\n`].map((c) => c.charCodeAt(0))).buffer),
    ]);
    expect(decodeCsv(utf16).text.startsWith("平台或出借人")).toBe(true);
  });

  it("refuses old .xls, PDF and unbalanced quotes with what to do", async () => {
    expect(await failure(parseDebtFile(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0])))).toContain(
      "另存为",
    );
    expect(await failure(parseDebtFile(utf8("%PDF-1.7 ...")))).toContain("PDF");
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    expect(await failure(parseDebtFile(png))).toContain("请上传 CSV 或 Excel");
    expect(await failure(parseDebtFile(utf8(`${HEADER}\n"某贷,网贷,,100,,100,无\n`)))).toContain("引号没有配对");
  });

  it("normalizes dates and numbers without float noise", () => {
    expect(normalizeDateText("2026/1/5")).toBe("2026-01-05");
    expect(normalizeDateText("2026.12.31")).toBe("2026-12-31");
    expect(normalizeDateText("2026年1月5日")).toBe("2026-01-05");
    expect(normalizeDateText("2026-01-05 00:00:00")).toBe("2026-01-05");
    expect(normalizeDateText("1/5/2026")).toBe("1/5/2026");
    expect(numberText("0.30000000000000004")).toBe("0.3");
    expect(numberText("1234.5600000000002")).toBe("1234.56");
    expect(numberText("0.59999999999999998")).toBe("0.6");
    expect(numberText("999999999999.99")).toBe("999999999999.99");
    expect(numberText("1E-3")).toBe("0.001");
  });
});

describe("Excel (.xlsx) import", () => {
  it("reads number cells exactly, date cells and day numbers as dates, and warns about a percent-formatted rate", async () => {
    const headers = IMPORT_COLUMNS.map((c) => ({ value: c.header, type: String }));
    const xlsx = await writeXlsxFile(
      [
        headers,
        [
          "某呗分期",
          "网贷",
          "银行",
          0.1 + 0.2 + 11999.7, // 12000.000000000002 in binary
          null,
          { value: 6000.5, type: Number, format: "#,##0.00" },
          "每期手续费率",
          12,
          null,
          0.006, // "0.6%" typed in Excel is stored as 0.006
          { value: new Date("2026-03-10T00:00:00Z"), type: Date, format: "yyyy-mm-dd" },
          46000, // a day number in a cell without a date format: 2025-12-09
          "正常",
          "=1+1",
        ],
      ],
      { sheet: "我的债务" },
    ).toBuffer();
    const parsed = await parseDebtFile(new Uint8Array(xlsx));
    expect(parsed.format).toBe("xlsx");
    const [fee] = ok(parsed);
    expect(fee?.principal.toFixed(2)).toBe("12000.00");
    expect(fee?.outstanding.toFixed(2)).toBe("6000.50");
    expect(fee?.installmentCount).toBe(12);
    expect(fee?.contractDate).toBe("2026-03-10");
    expect(fee?.firstMissedDueDate).toBe("2025-12-09");
    expect(fee?.notes).toBe("=1+1");
    expect(fee?.monthlyRate?.toString()).toBe("0.00006");
    expect(parsed.rows[0]?.warnings[0]).toContain("请把这一格改成数字 0.6");
  });

  it("reads the sheet that has the header, not just the first one", async () => {
    const xlsx = await writeXlsxFile([
      { sheet: "封面", data: [["我的债务清单"]] },
      {
        sheet: "清单",
        data: [
          ["平台或出借人", "借款类型", "借款金额", "剩余待还", "还款方式"],
          ["表姐", "民间借贷", 800, 800, "无"],
        ],
      },
    ]).toBuffer();
    expect(ok(await parseDebtFile(new Uint8Array(xlsx)))[0]?.platform).toBe("表姐");
  });

  it("refuses a corrupt file and a zip that would unpack to too much", async () => {
    const good = new Uint8Array(await writeXlsxFile([["a"]]).toBuffer());
    expect(await failure(parseDebtFile(good.subarray(0, 200)))).toContain("损坏");

    // A hand-made zip: one 30 MB entry of zeros, a few KB compressed.
    const name = utf8("xl/worksheets/sheet1.xml");
    const data = deflateRawSync(new Uint8Array(30 * 1024 * 1024));
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(8, 8, true);
    lv.setUint32(18, data.length, true);
    lv.setUint32(22, 30 * 1024 * 1024, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    const central = new Uint8Array(46 + name.length);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(10, 8, true);
    cv.setUint32(20, data.length, true);
    cv.setUint32(24, 30 * 1024 * 1024, true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(42, 0, true);
    central.set(name, 46);
    const end = new Uint8Array(22);
    const ev = new DataView(end.buffer);
    ev.setUint32(0, 0x06054b50, true);
    ev.setUint16(8, 1, true);
    ev.setUint16(10, 1, true);
    ev.setUint32(12, central.length, true);
    ev.setUint32(16, local.length + data.length, true);
    const bomb = new Uint8Array([...local, ...data, ...central, ...end]);
    expect(bomb.length).toBeLessThan(IMPORT_MAX_BYTES);
    expect(await failure(parseDebtFile(bomb))).toContain("解压后太大");
  });
});

const exported = [
  {
    rank: 1,
    platform: '=HYPERLINK("http://example.com")',
    debtKind: "onlineLoan" as const,
    lenderKind: "localLender" as const,
    principal: "5000.00",
    received: "4000.00",
    outstanding: "5000.00",
    repaymentMethod: "fixedInstallments" as const,
    installmentCount: 6,
    installmentAmount: "1000.00",
    monthlyRatePercent: null,
    contractDate: "2026-07-01",
    firstMissedDueDate: "2026-10-31",
    storedStatus: "overdue" as const,
    notes: "第一行\n第二行，带逗号",
    realAnnualRate: "1.557400",
    effectiveAnnualRate: "3.290000",
    monthlyPayment: "1000.00",
  },
  {
    rank: 2,
    platform: "某呗分期",
    debtKind: "onlineLoan" as const,
    lenderKind: "unknown" as const,
    principal: "12000.00",
    received: "12000.00",
    outstanding: "6000.00",
    repaymentMethod: "feeRate" as const,
    installmentCount: 12,
    installmentAmount: null,
    monthlyRatePercent: "0.6",
    contractDate: null,
    firstMissedDueDate: null,
    storedStatus: "negotiating" as const,
    notes: "",
    realAnnualRate: "0.130300",
    effectiveAnnualRate: "0.138000",
    monthlyPayment: "1072.00",
  },
];

describe("export, and importing an exported file again", () => {
  it("writes CSV with a BOM, the import columns, computed columns, and formulas escaped", () => {
    const bytes = toCsv(debtTable(exported));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    const [header] = text.split("\r\n"); // the decoder drops the BOM
    expect(header).toBe(`${HEADER},处理顺序,实际年化,复利年化,每月应还`);
    expect(text).toContain(`"'=HYPERLINK(""http://example.com"")"`);
    expect(text).toContain("155.74%");
    expect(text).toContain("小额贷款公司等地方金融组织");
  });

  it.each(["csv", "xlsx"] as const)("round-trips through %s: the same fields come back", async (format) => {
    const table = debtTable(exported);
    const bytes = format === "csv" ? toCsv(table) : await toXlsx(table);
    const parsed = await parseDebtFile(bytes);
    expect(parsed.format).toBe(format);
    expect(parsed.ignoredColumns).toEqual([]);
    const [first, second] = ok(parsed);
    expect(first).toMatchObject({
      platform: exported[0]?.platform,
      debtKind: "onlineLoan",
      lenderKind: "localLender",
      repaymentMethod: "fixedInstallments",
      installmentCount: 6,
      contractDate: "2026-07-01",
      firstMissedDueDate: "2026-10-31",
      status: "overdue",
      notes: "第一行\n第二行，带逗号",
    });
    expect(first?.received.toFixed(2)).toBe("4000.00");
    expect(first?.installmentAmount?.toFixed(2)).toBe("1000.00");
    expect(second).toMatchObject({
      platform: "某呗分期",
      lenderKind: "unknown",
      status: "negotiating",
      contractDate: null,
    });
    expect(second?.monthlyRate?.toString()).toBe("0.006");
    expect(parsed.rows.flatMap((r) => r.warnings)).toEqual([]);
  });

  it.each(["csv", "xlsx"] as const)("the %s template imports as nothing but its skipped examples", async (format) => {
    const file = await templateFile(format);
    expect(file.fileName).toBe(`债务清单模板.${format}`);
    const parsed = await parseDebtFile(file.body);
    expect(parsed.rows).toEqual([]);
    expect(parsed.skippedExampleRows).toEqual([2, 3, 4]);
  });

  it("the examples of the template are valid rows once the prefix is removed", async () => {
    const file = await templateFile("csv");
    const text = new TextDecoder().decode(file.body).replaceAll("（示例）", "");
    const preview = previewOf(await parseDebtFile(utf8(text)), ["表哥"]);
    expect(preview.errorCount).toBe(0);
    expect(preview.rows.map((r) => r.realAnnualRate)).toEqual(["13.03%", "155.74%", null]);
    expect(preview.rows[2]?.warnings[0]).toContain("清单里已经有“表哥”");
  });

  it("download headers: attachment with a safe ASCII name and the Chinese name, never cached", () => {
    const headers = downloadHeaders({
      body: new Uint8Array(3),
      fileName: "债务清单-2026-11-27.csv",
      asciiFileName: 'debt"list\r\n.csv',
      contentType: "text/csv; charset=utf-8",
    });
    expect(headers["content-disposition"]).toBe(
      `attachment; filename="debt_list__.csv"; filename*=UTF-8''${encodeURIComponent("债务清单-2026-11-27.csv")}`,
    );
    expect(headers["cache-control"]).toBe("no-store");
  });
});
