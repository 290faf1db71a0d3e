/**
 * 导入导出债务清单: the debt list to and from CSV and Excel (.xlsx).
 *
 * Import is two steps on the same file: a preview (every row validated, errors by row and column,
 * nothing saved) and a commit that parses and validates the file again on the server and saves all
 * rows in one transaction, or none. Each row goes through the form's own schema (`debtFields`), so
 * a spreadsheet gets exactly the messages the form gives; saving goes through `createDebts`.
 *
 * Export writes the same columns (so an exported file can be imported again) plus computed,
 * read-only columns that import ignores.
 *
 * Libraries: papaparse (CSV), read-excel-file / write-excel-file (.xlsx, pure JavaScript).
 */
import { inflateRawSync } from "node:zlib";
import Papa from "papaparse";
import readXlsxFile, { InvalidInputError } from "read-excel-file/node";
import writeXlsxFile, { type Cell, type SheetData } from "write-excel-file/node";
import type { Database } from "@/db/client";
import { listDebtsOfCase } from "@/db/queries/debts";
import { debtFields, type DebtFields } from "@/server/api/schemas/debts";
import { requireOwnCase } from "@/server/access/case-access";
import type { SessionUser } from "@/server/auth/session";
import { RateError } from "@/server/domain/apr";
import { loanCost, REPAYMENT_METHODS, type RepaymentMethod } from "@/server/domain/debt-terms";
import {
  DEBT_KIND_LABEL,
  DEBT_KINDS,
  DEBT_STATUS_LABEL,
  DEBT_STATUSES,
  LENDER_KIND_LABEL,
  LENDER_KINDS,
  type DebtKind,
  type DebtStatus,
  type LenderKind,
} from "@/server/domain/legal";
import { Dec, formatPercent, formatYuan } from "@/server/domain/money";
import { AppError } from "@/server/errors";
import { createDebts, debtOverview, type DebtView } from "./debts";

// ------------------------------------------------------------------------------------------------
// Limits and columns
// ------------------------------------------------------------------------------------------------

/** An upload of at most 1 MB and 500 debts: a person's debt list, never a bulk load. */
export const IMPORT_MAX_BYTES = 1024 * 1024;
export const IMPORT_MAX_ROWS = 500;
/** What an .xlsx may unpack to (guards the server against a "zip bomb"). */
const XLSX_MAX_UNPACKED_BYTES = 20 * 1024 * 1024;

export type TransferFormat = "csv" | "xlsx";

type FieldKey =
  | "platform"
  | "debtKind"
  | "lenderKind"
  | "principal"
  | "received"
  | "outstanding"
  | "repaymentMethod"
  | "installmentCount"
  | "installmentAmount"
  | "monthlyRatePercent"
  | "contractDate"
  | "firstMissedDueDate"
  | "status"
  | "notes";

type ColumnKind = "text" | "money" | "count" | "percent" | "date" | "enum";

interface Column {
  field: FieldKey;
  /** The header as written in templates and exports: the form's label. */
  header: string;
  kind: ColumnKind;
  required: boolean;
  /** Other headers people write for the same thing. */
  aliases?: readonly string[];
  /** For the template's instructions sheet. */
  help: string;
}

/** Labels written on export; import accepts these and every alias in ENUM_VALUES. */
const LENDER_EXPORT_LABEL: Record<LenderKind, string> = { ...LENDER_KIND_LABEL, unknown: "不清楚" };
const REPAYMENT_SHORT_LABEL: Record<RepaymentMethod, string> = {
  fixedInstallments: "每期固定还款",
  feeRate: "每期手续费率",
  equalInstallment: "等额本息",
  equalPrincipal: "等额本金",
  interestFirst: "先息后本",
  none: "无固定计划",
};

export const IMPORT_COLUMNS: readonly Column[] = [
  {
    field: "platform",
    header: "平台或出借人",
    kind: "text",
    required: true,
    aliases: ["平台", "出借人", "平台名称", "借款平台"],
    help: "例如：某某借呗、某银行信用卡、表哥。最多 40 个字",
  },
  {
    field: "debtKind",
    header: "借款类型",
    kind: "enum",
    required: true,
    aliases: ["类型"],
    help: `填 ${DEBT_KINDS.map((k) => DEBT_KIND_LABEL[k]).join("、")} 之一`,
  },
  {
    field: "lenderKind",
    header: "出借方是",
    kind: "enum",
    required: false,
    aliases: ["出借方", "出借方类型"],
    help: "银行、消费金融公司、小额贷款公司（地方金融组织）、个人（民间借贷）或不清楚；不填按“不清楚”",
  },
  {
    field: "principal",
    header: "借款金额",
    kind: "money",
    required: true,
    aliases: ["借款本金", "本金", "合同金额"],
    help: "合同上写的金额，例如 12000 或 1.2万",
  },
  {
    field: "received",
    header: "实际到手",
    kind: "money",
    required: false,
    aliases: ["到手金额", "实际到账", "到账金额"],
    help: "到你账户的钱；被提前扣掉的费用（砍头息）不算。不填就按借款金额",
  },
  {
    field: "outstanding",
    header: "剩余待还",
    kind: "money",
    required: true,
    aliases: ["剩余未还", "待还金额", "欠款"],
    help: "包括已经产生的罚息和费用",
  },
  {
    field: "repaymentMethod",
    header: "还款方式",
    kind: "enum",
    required: true,
    help: `填 ${REPAYMENT_METHODS.map((m) => REPAYMENT_SHORT_LABEL[m]).join("、")} 之一（亲友借款可填“无”）`,
  },
  {
    field: "installmentCount",
    header: "期数",
    kind: "count",
    required: false,
    aliases: ["总期数", "分期数"],
    help: "一共分几期（按月），整数；“无固定计划”可不填",
  },
  {
    field: "installmentAmount",
    header: "每期还款",
    kind: "money",
    required: false,
    aliases: ["每期还款金额", "月供", "每月还款"],
    help: "还款方式为“每期固定还款”时必填：App 账单里每月要还的金额",
  },
  {
    field: "monthlyRatePercent",
    header: "月利率或每期手续费率(%)",
    kind: "percent",
    required: false,
    aliases: ["月利率或每期手续费率", "月利率(%)", "月利率", "每期手续费率(%)", "每期手续费率", "手续费率"],
    help: "按百分比填写，例如 0.6 表示每月 0.6%；“每期手续费率”和按月利率的还款方式必填",
  },
  {
    field: "contractDate",
    header: "借款日期",
    kind: "date",
    required: false,
    aliases: ["借款日", "放款日期"],
    help: "按 2026-01-31 的格式填写，用来确定当时的 LPR 红线",
  },
  {
    field: "firstMissedDueDate",
    header: "最早一期未还的还款日",
    kind: "date",
    required: false,
    aliases: ["最早未还的还款日", "逾期开始日期"],
    help: "没有逾期就不填；逾期天数从这天算起",
  },
  {
    field: "status",
    header: "状态",
    kind: "enum",
    required: false,
    help: `填 ${DEBT_STATUSES.map((s) => DEBT_STATUS_LABEL[s]).join("、")} 之一；不填按“正常”`,
  },
  { field: "notes", header: "备注", kind: "text", required: false, help: "最多 1000 字" },
];

/** Written on export, ignored on import. */
export const COMPUTED_COLUMNS = ["处理顺序", "实际年化", "复利年化", "每月应还"] as const;

const COLUMN_BY_FIELD = new Map(IMPORT_COLUMNS.map((c) => [c.field, c]));

/** Header cells compare without spaces, with ASCII parentheses, without a trailing "*" or "（必填）". */
function normalizeHeader(raw: string): string {
  return raw
    .replace(/\s+/g, "")
    .replace(/（/g, "(")
    .replace(/）/g, ")")
    .replace(/％/g, "%")
    .replace(/\((必填|选填|可选)\)$/, "")
    .replace(/\*+$/, "")
    .replace(/^\*+/, "");
}

const HEADER_LOOKUP = new Map<string, Column>();
for (const column of IMPORT_COLUMNS) {
  for (const name of [column.header, ...(column.aliases ?? [])]) HEADER_LOOKUP.set(normalizeHeader(name), column);
}
const COMPUTED_HEADERS = new Set<string>(COMPUTED_COLUMNS.map(normalizeHeader));

// ------------------------------------------------------------------------------------------------
// Values of the enum columns: the form's labels, short forms, and the codes themselves
// ------------------------------------------------------------------------------------------------

function normalizeChoice(raw: string): string {
  return raw.replace(/\s+/g, "").replace(/（/g, "(").replace(/）/g, ")").toLowerCase();
}

function choiceTable<K extends string>(keys: readonly K[], names: Record<K, readonly string[]>): Map<string, K> {
  const table = new Map<string, K>();
  for (const key of keys) {
    for (const name of [key, ...names[key]]) table.set(normalizeChoice(name), key);
  }
  return table;
}

const ENUM_VALUES = {
  debtKind: choiceTable<DebtKind>(DEBT_KINDS, {
    onlineLoan: [DEBT_KIND_LABEL.onlineLoan, "网络贷款", "网络借款", "网贷平台"],
    creditCard: [DEBT_KIND_LABEL.creditCard, "信用卡分期"],
    consumerFinance: [DEBT_KIND_LABEL.consumerFinance, "消费金融公司", "消金"],
    bankLoan: [DEBT_KIND_LABEL.bankLoan, "银行借款", "银行信用贷"],
    privateLoan: [DEBT_KIND_LABEL.privateLoan, "亲友借款", "私人借款", "个人借款"],
  }),
  lenderKind: choiceTable<LenderKind>(LENDER_KINDS, {
    licensedBank: [LENDER_KIND_LABEL.licensedBank, "银行"],
    consumerFinance: [LENDER_KIND_LABEL.consumerFinance, "消费金融", "消金公司"],
    localLender: [LENDER_KIND_LABEL.localLender, "小额贷款公司", "小贷公司", "小贷", "地方金融组织"],
    privateLending: [LENDER_KIND_LABEL.privateLending, "个人", "民间借贷", "亲友"],
    unknown: [LENDER_KIND_LABEL.unknown, "不清楚", "不知道", "未知"],
  }),
  repaymentMethod: choiceTable<RepaymentMethod>(REPAYMENT_METHODS, {
    fixedInstallments: [
      "每期固定还款（共 n 期，每期 X 元）",
      REPAYMENT_SHORT_LABEL.fixedInstallments,
      "固定还款",
      "每期固定",
      "固定每期还款",
    ],
    feeRate: [
      "按每期手续费率（分期手续费）",
      REPAYMENT_SHORT_LABEL.feeRate,
      "手续费率",
      "按每期手续费率",
      "分期手续费",
    ],
    equalInstallment: ["等额本息（按月利率）", REPAYMENT_SHORT_LABEL.equalInstallment],
    equalPrincipal: ["等额本金（按月利率）", REPAYMENT_SHORT_LABEL.equalPrincipal],
    interestFirst: ["先息后本（按月利率）", REPAYMENT_SHORT_LABEL.interestFirst, "先息后本（到期还本）"],
    none: ["没有固定计划（如亲友借款）", REPAYMENT_SHORT_LABEL.none, "无", "没有固定计划", "没有计划"],
  }),
  status: choiceTable<DebtStatus>(DEBT_STATUSES, {
    current: [DEBT_STATUS_LABEL.current, "正常还款", "未逾期"],
    overdue: [DEBT_STATUS_LABEL.overdue, "已逾期"],
    negotiating: [DEBT_STATUS_LABEL.negotiating, "协商", "正在协商"],
    collectionPaused: [DEBT_STATUS_LABEL.collectionPaused, "停催"],
    settled: [DEBT_STATUS_LABEL.settled, "结清", "已还清"],
    paused: [DEBT_STATUS_LABEL.paused, "暂停"],
  }),
} as const;
type EnumField = keyof typeof ENUM_VALUES;

const ENUM_HINT: Record<EnumField, string> = {
  debtKind: DEBT_KINDS.map((k) => DEBT_KIND_LABEL[k]).join("、"),
  lenderKind: "银行、消费金融公司、小额贷款公司、个人、不清楚",
  repaymentMethod: REPAYMENT_METHODS.map((m) => REPAYMENT_SHORT_LABEL[m]).join("、"),
  status: DEBT_STATUSES.map((s) => DEBT_STATUS_LABEL[s]).join("、"),
};

// ------------------------------------------------------------------------------------------------
// Reading a file into a grid of cells
// ------------------------------------------------------------------------------------------------

/** A cell as read: text as typed, a number as the file stores it (exact text), or a calendar date. */
export type RawCell =
  { kind: "text"; text: string } | { kind: "number"; text: string } | { kind: "date"; iso: string } | null;

export interface RawSheet {
  /** Rows in file order; rows[0] is the file's row 1. */
  rows: RawCell[][];
}

export interface ReadFile {
  format: TransferFormat;
  sheets: RawSheet[];
  /** Said in the preview, e.g. that a GBK file was converted. */
  notes: string[];
}

const UNREADABLE = "读不出这个文件。请上传 CSV 或 Excel（.xlsx）文件，最好从我们的模板开始填写。";

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((b, i) => bytes[i] === b);
}

/** Looks at the content, not the name: .xlsx is a zip; old .xls (and password-protected files) are OLE2. */
const OLD_EXCEL =
  "这是旧版 Excel（.xls）文件，或加了密码的 Excel 文件，暂时读不了。请在 Excel 里“另存为” Excel 工作簿（.xlsx）或“CSV UTF-8”后再上传。";

export function detectFormat(bytes: Uint8Array): TransferFormat {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return "xlsx";
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) throw new AppError("BAD_INPUT", OLD_EXCEL);
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) throw new AppError("BAD_INPUT", "这是 PDF 文件。" + UNREADABLE);
  if (startsWith(bytes, [0x50, 0x4b])) throw new AppError("BAD_INPUT", UNREADABLE);
  return "csv";
}

/**
 * CSV text: UTF-8 (with or without BOM), UTF-16 with BOM, or GBK/GB18030 — what Excel on a Chinese
 * Windows saves as "CSV (逗号分隔)". Anything else gets a clear message.
 */
export function decodeCsv(bytes: Uint8Array): { text: string; note: string | null } {
  if (startsWith(bytes, [0xff, 0xfe])) return { text: new TextDecoder("utf-16le").decode(bytes), note: null };
  if (startsWith(bytes, [0xfe, 0xff])) return { text: new TextDecoder("utf-16be").decode(bytes), note: null };
  // Text never holds NUL bytes: this is a picture, a document or another binary file.
  if (bytes.includes(0)) throw new AppError("BAD_INPUT", UNREADABLE);
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), note: null };
  } catch {
    // not UTF-8: try the Chinese Windows encoding below
  }
  try {
    const text = new TextDecoder("gb18030", { fatal: true }).decode(bytes);
    if (!text.includes("\u0000")) {
      return { text, note: "这个 CSV 文件是 GBK 编码（Excel 默认的“CSV（逗号分隔）”），已自动转换。" };
    }
  } catch {
    // neither: fall through to the message
  }
  throw new AppError(
    "BAD_INPUT",
    "这个文件不是 UTF-8 编码的 CSV，读出来会是乱码。请在 Excel 里选“另存为” →“CSV UTF-8（逗号分隔）”，或直接上传 .xlsx 文件。",
  );
}

export function readCsv(bytes: Uint8Array): ReadFile {
  const { text, note } = decodeCsv(bytes);
  if (text.includes("\u0000")) throw new AppError("BAD_INPUT", UNREADABLE);
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false, delimitersToGuess: [",", "\t", ";", "|"] });
  const broken = parsed.errors.find((e) => e.type === "Quotes");
  if (broken) {
    const row = typeof broken.row === "number" ? `第 ${broken.row + 1} 行` : "文件里";
    throw new AppError("BAD_INPUT", `${row}的引号没有配对（"），请检查这一行，或用 Excel 重新保存为 CSV。`);
  }
  const rows = parsed.data.map((record) =>
    record.map((value): RawCell => (value.trim() === "" ? null : { kind: "text", text: value.trim() })),
  );
  return { format: "csv", sheets: [{ rows }], notes: note ? [note] : [] };
}

/**
 * An .xlsx is a zip of XML files. Before the reader unpacks it, inflate every entry with a ceiling
 * on the total, so a small upload cannot expand into gigabytes in memory.
 */
export function assertZipUnpacksWithin(bytes: Uint8Array, limit: number): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new AppError("BAD_INPUT", "这个 Excel 文件不完整或已损坏，请重新保存后再上传。");
  const entries = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  let budget = limit;
  const tooBig = new AppError("BAD_INPUT", "这个 Excel 文件解压后太大了。请只保留债务清单这一张表，或改用 CSV 上传。");
  try {
    for (let n = 0; n < entries; n++) {
      if (view.getUint32(at, true) !== 0x02014b50) throw new RangeError("central directory");
      const method = view.getUint16(at + 10, true);
      const compressedSize = view.getUint32(at + 20, true);
      const nameLength = view.getUint16(at + 28, true);
      const extraLength = view.getUint16(at + 30, true);
      const commentLength = view.getUint16(at + 32, true);
      const localHeader = view.getUint32(at + 42, true);
      if (view.getUint32(localHeader, true) !== 0x04034b50) throw new RangeError("local header");
      const dataStart =
        localHeader + 30 + view.getUint16(localHeader + 26, true) + view.getUint16(localHeader + 28, true);
      const data = bytes.subarray(dataStart, dataStart + compressedSize);
      if (data.length !== compressedSize) throw new RangeError("truncated");
      let size: number;
      if (method === 0) size = compressedSize;
      else if (method === 8) size = inflateRawSync(data, { maxOutputLength: budget + 1 }).length;
      else throw new RangeError("compression method");
      budget -= size;
      if (budget < 0) throw tooBig;
      at += 46 + nameLength + extraLength + commentLength;
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    if ((err as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") throw tooBig;
    throw new AppError("BAD_INPUT", "这个 Excel 文件不完整或已损坏，请重新保存后再上传。");
  }
}

/** A number exactly as the file stores it, without binary float noise ("0.30000000000000004" → "0.3"). */
export function numberText(stored: string): string {
  try {
    // Excel itself keeps 15 significant digits; anything past them is noise of the binary format.
    return new Dec(stored.trim()).toSignificantDigits(15).toFixed();
  } catch {
    return stored;
  }
}

type XlsxValue = string | number | boolean | Date | { stored: string } | null;

function xlsxCell(value: XlsxValue): RawCell {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? null : { kind: "date", iso: value.toISOString().slice(0, 10) };
  }
  if (typeof value === "object") return { kind: "number", text: numberText(value.stored) };
  if (typeof value === "number") return { kind: "number", text: numberText(String(value)) };
  const text = String(value).trim();
  return text === "" ? null : { kind: "text", text };
}

export async function readXlsx(bytes: Uint8Array): Promise<ReadFile> {
  assertZipUnpacksWithin(bytes, XLSX_MAX_UNPACKED_BYTES);
  let sheets;
  try {
    sheets = await readXlsxFile(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
      // Numbers as the file stores them: converted with decimal.js, never through a float.
      parseNumber: (stored: string) => ({ stored }),
    });
  } catch (err) {
    if (err instanceof InvalidInputError && err.code === "XLS_FILE_NOT_SUPPORTED") {
      throw new AppError("BAD_INPUT", OLD_EXCEL);
    }
    throw new AppError(
      "BAD_INPUT",
      "读不出这个 Excel 文件，它可能已损坏。请在 Excel 里重新保存为 .xlsx，或另存为“CSV UTF-8”后再上传。",
    );
  }
  return {
    format: "xlsx",
    sheets: sheets.map((s) => ({ rows: s.data.map((row) => row.map((v) => xlsxCell(v as XlsxValue))) })),
    notes: [],
  };
}

export async function readDebtFile(bytes: Uint8Array): Promise<ReadFile> {
  if (bytes.length === 0) throw new AppError("BAD_INPUT", "这个文件是空的。");
  if (bytes.length > IMPORT_MAX_BYTES) throw new AppError("BAD_INPUT", tooLargeMessage());
  return detectFormat(bytes) === "xlsx" ? readXlsx(bytes) : readCsv(bytes);
}

export function tooLargeMessage(): string {
  return `文件超过 1 MB。一份债务清单通常只有几十 KB：请只保留清单这一张表（最多 ${IMPORT_MAX_ROWS} 行）后再上传。`;
}

// ------------------------------------------------------------------------------------------------
// From cells to the form's input, validated by the form's schema
// ------------------------------------------------------------------------------------------------

export interface RowIssue {
  /** The column header, or null when the problem is the row as a whole. */
  column: string | null;
  message: string;
}

export interface ParsedRow {
  /** The row number as the spreadsheet shows it (the header is usually row 1). */
  rowNumber: number;
  /** The platform cell as written (for the preview, even when invalid). */
  platform: string;
  fields: DebtFields | null;
  issues: RowIssue[];
  warnings: string[];
}

export interface ParsedFile {
  format: TransferFormat;
  rows: ParsedRow[];
  /** Headers that are not ours (ignored). */
  ignoredColumns: string[];
  /** Template examples ("（示例）…") left out. */
  skippedExampleRows: number[];
  notes: string[];
}

function cellText(cell: RawCell): string {
  if (!cell) return "";
  return cell.kind === "date" ? cell.iso : cell.text;
}

const EXAMPLE_PREFIX = /^[(（]示例[)）]/;

/** A value typed as "=…" is escaped on CSV export as "'=…" (formula injection); undo it on import. */
function unescapeFormula(text: string): string {
  return /^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}

/** 2026/1/5, 2026.1.5, 2026年1月5日, "2026-01-05 00:00:00" → 2026-01-05; anything else as typed. */
export function normalizeDateText(text: string): string {
  const m =
    /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/.exec(
      text.trim(),
    );
  if (!m) return text.trim();
  return `${m[1]}-${m[2]!.padStart(2, "0")}-${m[3]!.padStart(2, "0")}`;
}

/** Excel's day number (1900 date system, days since 1899-12-30) for the years the schema accepts. */
function excelSerialToDate(text: string): string | null {
  if (!/^\d{5}$/.test(text)) return null;
  const serial = Number(text);
  if (serial < 32874 || serial > 73050) return null; // 1990-01-01 … 2099-12-31
  return new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000).toISOString().slice(0, 10);
}

interface CellReading {
  value: string | undefined;
  warning?: string;
}

function readCell(column: Column, cell: RawCell): CellReading {
  if (!cell) return { value: undefined };
  switch (column.kind) {
    case "text":
      return { value: unescapeFormula(cellText(cell)) };
    case "money":
      return { value: cellText(cell) };
    case "count":
      return { value: cell.kind === "text" ? cell.text.replace(/\s*期$/, "") : cellText(cell) };
    case "percent": {
      const value = cellText(cell);
      if (cell.kind === "number" && /^0\.0\d*$/.test(value) && new Dec(value).greaterThan(0)) {
        return {
          value,
          warning:
            `「${column.header}」读到的是 ${value}，按每月 ${value}% 计算。` +
            `如果您在 Excel 里填的是带 % 的“${new Dec(value).times(100).toFixed()}%”，请把这一格改成数字 ${new Dec(value).times(100).toFixed()}。`,
        };
      }
      return { value };
    }
    case "date":
      if (cell.kind === "date") return { value: cell.iso };
      if (cell.kind === "number") return { value: excelSerialToDate(cell.text) ?? cell.text };
      return { value: normalizeDateText(cell.text) };
    case "enum": {
      const text = cellText(cell);
      const table: Map<string, string> = ENUM_VALUES[column.field as EnumField];
      return { value: table.get(normalizeChoice(text)) ?? text };
    }
  }
}

interface HeaderMap {
  rowIndex: number;
  columns: Map<number, Column>;
  ignored: string[];
}

function findHeader(sheet: RawSheet): HeaderMap | null {
  for (let rowIndex = 0; rowIndex < Math.min(sheet.rows.length, 10); rowIndex++) {
    const row = sheet.rows[rowIndex] ?? [];
    const columns = new Map<number, Column>();
    const ignored: string[] = [];
    const seen = new Map<FieldKey, string>();
    row.forEach((cell, index) => {
      const text = cellText(cell);
      if (!text) return;
      const column = HEADER_LOOKUP.get(normalizeHeader(text));
      if (column) {
        const earlier = seen.get(column.field);
        if (earlier) {
          throw new AppError(
            "BAD_INPUT",
            `表头里有两列都是“${column.header}”（“${earlier}”和“${text}”），请删掉一列。`,
          );
        }
        seen.set(column.field, text);
        columns.set(index, column);
      } else if (!COMPUTED_HEADERS.has(normalizeHeader(text))) {
        ignored.push(text);
      }
    });
    if (columns.size >= 2) return { rowIndex, columns, ignored };
  }
  return null;
}

const isBlankRow = (row: readonly RawCell[]) => row.every((c) => cellText(c).trim() === "");

function issuesOf(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): RowIssue[] {
  const issues: RowIssue[] = [];
  const seen = new Set<string>();
  for (const issue of error.issues) {
    const field = issue.path[0];
    const column = typeof field === "string" ? (COLUMN_BY_FIELD.get(field as FieldKey)?.header ?? null) : null;
    const key = column ?? "";
    if (seen.has(key)) continue;
    seen.add(key);
    issues.push({ column, message: issue.message });
  }
  return issues;
}

/** One data row → the form's input → `debtFields` → the same schedule check the save will run. */
function parseRow(rowNumber: number, cells: readonly RawCell[], header: HeaderMap): ParsedRow {
  const input: Partial<Record<FieldKey, string>> = {};
  const warnings: string[] = [];
  const raw = new Map<FieldKey, string>();
  for (const [index, column] of header.columns) {
    const reading = readCell(column, cells[index] ?? null);
    if (reading.value !== undefined) input[column.field] = reading.value;
    if (reading.warning) warnings.push(reading.warning);
    raw.set(column.field, cellText(cells[index] ?? null));
  }
  const platform = input.platform ?? "";
  const result = debtFields.safeParse(input);
  if (!result.success) {
    const issues = issuesOf(result.error).map((issue) => {
      const field = IMPORT_COLUMNS.find((c) => c.header === issue.column)?.field;
      const typed = field ? raw.get(field) : "";
      if (field && field in ENUM_VALUES && typed) {
        return { ...issue, message: `${issue.message}：不认识“${typed}”，可填 ${ENUM_HINT[field as EnumField]}` };
      }
      return issue;
    });
    return { rowNumber, platform, fields: null, issues, warnings };
  }
  const fields = result.data;
  try {
    loanCost({
      method: fields.repaymentMethod,
      principal: fields.principal,
      received: fields.received,
      installmentCount: fields.installmentCount,
      installmentAmount: fields.installmentAmount,
      monthlyRate: fields.monthlyRate,
    });
  } catch (err) {
    if (err instanceof RateError) {
      return { rowNumber, platform, fields: null, issues: [{ column: null, message: err.message }], warnings };
    }
    throw err;
  }
  return { rowNumber, platform, fields, issues: [], warnings };
}

/** Header, data rows, limits; each row validated on its own so every error shows at once. */
export function parseDebtSheet(file: ReadFile): ParsedFile {
  let sheet: RawSheet | undefined;
  let header: HeaderMap | null = null;
  for (const candidate of file.sheets) {
    header = findHeader(candidate);
    if (header) {
      sheet = candidate;
      break;
    }
  }
  if (!sheet || !header) {
    throw new AppError(
      "BAD_INPUT",
      "没有找到表头。第一行应是列名，例如“平台或出借人”“借款金额”“剩余待还”。请下载模板，把内容填进模板后再上传。",
    );
  }
  const present = new Set([...header.columns.values()].map((c) => c.field));
  const missing = IMPORT_COLUMNS.filter((c) => c.required && !present.has(c.field)).map((c) => `“${c.header}”`);
  if (missing.length > 0) {
    throw new AppError("BAD_INPUT", `表头缺少 ${missing.join("、")} 列。请对照模板补上这些列（列名要一致）。`);
  }
  const platformIndex = [...header.columns].find(([, c]) => c.field === "platform")?.[0];
  const rows: ParsedRow[] = [];
  const skippedExampleRows: number[] = [];
  const dataRows = sheet.rows.slice(header.rowIndex + 1);
  let count = 0;
  for (const [offset, cells] of dataRows.entries()) {
    if (isBlankRow(cells)) continue;
    const rowNumber = header.rowIndex + offset + 2;
    if (platformIndex !== undefined && EXAMPLE_PREFIX.test(cellText(cells[platformIndex] ?? null))) {
      skippedExampleRows.push(rowNumber);
      continue;
    }
    count += 1;
    if (count > IMPORT_MAX_ROWS) {
      throw new AppError("BAD_INPUT", `一次最多导入 ${IMPORT_MAX_ROWS} 行，这个文件超过了。请分成几个文件导入。`);
    }
    rows.push(parseRow(rowNumber, cells, header));
  }
  return { format: file.format, rows, ignoredColumns: header.ignored, skippedExampleRows, notes: file.notes };
}

export async function parseDebtFile(bytes: Uint8Array): Promise<ParsedFile> {
  return parseDebtSheet(await readDebtFile(bytes));
}

// ------------------------------------------------------------------------------------------------
// Preview and commit
// ------------------------------------------------------------------------------------------------

export interface PreviewRow {
  rowNumber: number;
  platform: string;
  ok: boolean;
  /** For a valid row: what will be saved, in words ("网贷 · 借款 ¥12,000.00 · …"). */
  summary: string | null;
  /** 实际年化 as it will be computed, e.g. "13.03%"; null without a schedule or when invalid. */
  realAnnualRate: string | null;
  issues: RowIssue[];
  warnings: string[];
}

export interface ImportPreview {
  format: TransferFormat;
  rows: PreviewRow[];
  okCount: number;
  errorCount: number;
  ignoredColumns: string[];
  skippedExampleRows: number[];
  notes: string[];
}

function summaryOf(fields: DebtFields): string {
  const parts = [
    DEBT_KIND_LABEL[fields.debtKind],
    `借款 ${formatYuan(fields.principal)}`,
    fields.received.equals(fields.principal) ? null : `到手 ${formatYuan(fields.received)}`,
    `剩余 ${formatYuan(fields.outstanding)}`,
    REPAYMENT_SHORT_LABEL[fields.repaymentMethod] + (fields.installmentCount ? ` ${fields.installmentCount} 期` : ""),
    DEBT_STATUS_LABEL[fields.status],
  ];
  return parts.filter(Boolean).join(" · ");
}

function rateOf(fields: DebtFields): string | null {
  const cost = loanCost({
    method: fields.repaymentMethod,
    principal: fields.principal,
    received: fields.received,
    installmentCount: fields.installmentCount,
    installmentAmount: fields.installmentAmount,
    monthlyRate: fields.monthlyRate,
  });
  return cost.realAnnualRate ? formatPercent(cost.realAnnualRate) : null;
}

/** Shapes a parsed file for the preview; `existingPlatforms` adds a warning for likely duplicates. */
export function previewOf(parsed: ParsedFile, existingPlatforms: readonly string[] = []): ImportPreview {
  const existing = new Set(existingPlatforms.map((p) => p.trim()));
  const firstRowOf = new Map<string, number>();
  const rows = parsed.rows.map((row): PreviewRow => {
    const warnings = [...row.warnings];
    const name = row.platform.trim();
    if (name && existing.has(name))
      warnings.push(`清单里已经有“${name}”，导入后会再多一笔。如果是同一笔，请从文件里删掉这一行。`);
    const earlier = firstRowOf.get(name);
    if (name && earlier !== undefined) warnings.push(`第 ${earlier} 行也是“${name}”，请确认不是重复的。`);
    else if (name) firstRowOf.set(name, row.rowNumber);
    return {
      rowNumber: row.rowNumber,
      platform: row.platform,
      ok: row.fields !== null,
      summary: row.fields ? summaryOf(row.fields) : null,
      realAnnualRate: row.fields ? rateOf(row.fields) : null,
      issues: row.issues,
      warnings,
    };
  });
  const okCount = rows.filter((r) => r.ok).length;
  return {
    format: parsed.format,
    rows,
    okCount,
    errorCount: rows.length - okCount,
    ignoredColumns: parsed.ignoredColumns,
    skippedExampleRows: parsed.skippedExampleRows,
    notes: parsed.notes,
  };
}

/** Preview: every row checked, nothing saved. */
export async function previewDebtImport(db: Database, caseId: string, bytes: Uint8Array): Promise<ImportPreview> {
  const parsed = await parseDebtFile(bytes);
  const existing = (await listDebtsOfCase(db, caseId)).filter((d) => d.archivedAt === null).map((d) => d.platform);
  return previewOf(parsed, existing);
}

/**
 * Commit: the file is parsed and validated again here (the preview is never trusted), and the debts
 * are saved in one transaction — all of them, or none when any row has a problem.
 */
export async function commitDebtImport(db: Database, caseId: string, bytes: Uint8Array): Promise<{ created: number }> {
  const parsed = await parseDebtFile(bytes);
  const bad = parsed.rows.filter((r) => r.fields === null);
  if (bad.length > 0) {
    const numbers = bad.slice(0, 10).map((r) => r.rowNumber);
    throw new AppError(
      "BAD_INPUT",
      `有 ${bad.length} 行需要修改（第 ${numbers.join("、")}${bad.length > 10 ? " 等" : ""} 行），所以一行也没有导入。请改好后重新上传。`,
    );
  }
  const list = parsed.rows.flatMap((r) => (r.fields ? [r.fields] : []));
  if (list.length === 0) throw new AppError("BAD_INPUT", "文件里没有可导入的债务（示例行不会导入）。");
  const ids = await createDebts(db, caseId, list);
  return { created: ids.length };
}

// ------------------------------------------------------------------------------------------------
// Writing: export and template
// ------------------------------------------------------------------------------------------------

/** A cell to write: text, a decimal amount or count (as exact text), or a calendar date. */
export type OutCell = { text: string } | { amount: string } | { count: number } | { date: string } | null;

export interface OutTable {
  headers: string[];
  rows: OutCell[][];
}

type ExportableDebt = Pick<
  DebtView,
  | "platform"
  | "debtKind"
  | "lenderKind"
  | "principal"
  | "received"
  | "outstanding"
  | "repaymentMethod"
  | "installmentCount"
  | "installmentAmount"
  | "monthlyRatePercent"
  | "contractDate"
  | "firstMissedDueDate"
  | "storedStatus"
  | "notes"
  | "realAnnualRate"
  | "effectiveAnnualRate"
  | "monthlyPayment"
> & { rank?: number };

const text = (value: string | null | undefined): OutCell => (value ? { text: value } : null);
const amount = (value: string | null | undefined): OutCell =>
  value === null || value === undefined ? null : { amount: value };

/** The debt list as a table: the import columns in order, then the computed ones. */
export function debtTable(debts: readonly ExportableDebt[]): OutTable {
  return {
    headers: [...IMPORT_COLUMNS.map((c) => c.header), ...COMPUTED_COLUMNS],
    rows: debts.map((d) => [
      text(d.platform),
      text(DEBT_KIND_LABEL[d.debtKind]),
      text(LENDER_EXPORT_LABEL[d.lenderKind]),
      amount(d.principal),
      amount(d.received),
      amount(d.outstanding),
      text(REPAYMENT_SHORT_LABEL[d.repaymentMethod]),
      d.installmentCount === null ? null : { count: d.installmentCount },
      amount(d.installmentAmount),
      // Kept as text so a spreadsheet never turns "0.6" into a percentage format.
      text(d.monthlyRatePercent),
      d.contractDate ? { date: d.contractDate } : null,
      d.firstMissedDueDate ? { date: d.firstMissedDueDate } : null,
      text(DEBT_STATUS_LABEL[d.storedStatus]),
      text(d.notes),
      d.rank === undefined ? null : { count: d.rank },
      text(d.realAnnualRate === null ? null : formatPercent(d.realAnnualRate)),
      text(d.effectiveAnnualRate === null ? null : formatPercent(d.effectiveAnnualRate)),
      amount(d.monthlyPayment),
    ]),
  };
}

function csvValue(cell: OutCell): string {
  if (!cell) return "";
  if ("text" in cell) return cell.text;
  if ("amount" in cell) return cell.amount;
  if ("count" in cell) return String(cell.count);
  return cell.date;
}

/** UTF-8 with a BOM (Excel on Windows then opens Chinese correctly), CRLF, formulas escaped. */
export function toCsv(table: OutTable): Uint8Array {
  const body = Papa.unparse(
    { fields: table.headers, data: table.rows.map((row) => row.map(csvValue)) },
    { newline: "\r\n", escapeFormulae: true },
  );
  return new TextEncoder().encode(`\uFEFF${body}\r\n`);
}

const HEADER_STYLE = { fontWeight: "bold", backgroundColor: "#E2E8F0" } as const;

function xlsxValue(cell: OutCell): Cell {
  if (!cell) return null;
  if ("text" in cell) return { value: cell.text, type: String, format: "@" };
  if ("amount" in cell) return { value: Number(cell.amount), type: Number, format: "#,##0.00" };
  if ("count" in cell) return { value: cell.count, type: Number, format: "0" };
  return { value: new Date(`${cell.date}T00:00:00Z`), type: Date, format: "yyyy-mm-dd" };
}

function sheetOf(table: OutTable): SheetData {
  return [
    table.headers.map((h) => ({ value: h, type: String, ...HEADER_STYLE })),
    ...table.rows.map((r) => r.map(xlsxValue)),
  ];
}

function columnWidths(headers: readonly string[]) {
  return headers.map((h) => ({ width: Math.max(10, Math.min(28, h.length * 2 + 2)) }));
}

export async function toXlsx(table: OutTable, instructions?: OutTable, sheet = "债务清单"): Promise<Uint8Array> {
  const sheets = [
    { data: sheetOf(table), sheet, columns: columnWidths(table.headers), stickyRowsCount: 1 },
    ...(instructions
      ? [{ data: sheetOf(instructions), sheet: "填写说明", columns: [{ width: 26 }, { width: 8 }, { width: 70 }] }]
      : []),
  ];
  return new Uint8Array(await writeXlsxFile(sheets).toBuffer());
}

/** Template rows: examples that import skips (they start with "（示例）"). */
const TEMPLATE_EXAMPLES: ExportableDebt[] = [
  {
    platform: "（示例）某呗分期",
    debtKind: "onlineLoan",
    lenderKind: "licensedBank",
    principal: "12000",
    received: "12000",
    outstanding: "6000",
    repaymentMethod: "feeRate",
    installmentCount: 12,
    installmentAmount: null,
    monthlyRatePercent: "0.6",
    contractDate: "2026-03-10",
    firstMissedDueDate: null,
    storedStatus: "current",
    notes: "示例行不会导入，请换成你自己的债务",
    realAnnualRate: null,
    effectiveAnnualRate: null,
    monthlyPayment: null,
  },
  {
    platform: "（示例）急用钱",
    debtKind: "onlineLoan",
    lenderKind: "localLender",
    principal: "5000",
    received: "4000",
    outstanding: "5000",
    repaymentMethod: "fixedInstallments",
    installmentCount: 6,
    installmentAmount: "1000",
    monthlyRatePercent: null,
    contractDate: "2026-07-01",
    firstMissedDueDate: "2026-10-31",
    storedStatus: "overdue",
    notes: "到手 4000，被提前扣了 1000",
    realAnnualRate: null,
    effectiveAnnualRate: null,
    monthlyPayment: null,
  },
  {
    platform: "（示例）表哥",
    debtKind: "privateLoan",
    lenderKind: "privateLending",
    principal: "20000",
    received: "20000",
    outstanding: "20000",
    repaymentMethod: "none",
    installmentCount: null,
    installmentAmount: null,
    monthlyRatePercent: null,
    contractDate: null,
    firstMissedDueDate: null,
    storedStatus: "current",
    notes: "",
    realAnnualRate: null,
    effectiveAnnualRate: null,
    monthlyPayment: null,
  },
];

export interface DownloadFile {
  body: Uint8Array;
  /** The name shown to the person (Chinese), and a plain ASCII one for old clients. */
  fileName: string;
  asciiFileName: string;
  contentType: string;
}

export const CONTENT_TYPE: Record<TransferFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

function withoutComputed(table: OutTable): OutTable {
  const keep = IMPORT_COLUMNS.length;
  return { headers: table.headers.slice(0, keep), rows: table.rows.map((r) => r.slice(0, keep)) };
}

export async function templateFile(format: TransferFormat): Promise<DownloadFile> {
  const table = withoutComputed(debtTable(TEMPLATE_EXAMPLES));
  const instructions: OutTable = {
    headers: ["列名", "必填", "怎么填"],
    rows: [
      ...IMPORT_COLUMNS.map((c): OutCell[] => [
        { text: c.header },
        { text: c.required ? "必填" : "" },
        { text: c.help },
      ]),
      [{ text: "示例行" }, null, { text: "平台名称以“（示例）”开头的行不会导入，可以直接删掉或覆盖" }],
      [{ text: "限制" }, null, { text: `文件不超过 1 MB，最多 ${IMPORT_MAX_ROWS} 行` }],
    ],
  };
  const body = format === "csv" ? toCsv(table) : await toXlsx(table, instructions);
  return {
    body,
    fileName: `债务清单模板.${format}`,
    asciiFileName: `debt-list-template.${format}`,
    contentType: CONTENT_TYPE[format],
  };
}

/** The borrower's own live (not archived) debts in priority order. Only a borrower has a case to export. */
export async function exportDebtList(
  db: Database,
  user: SessionUser,
  format: TransferFormat,
  today: string,
): Promise<DownloadFile> {
  const own = await requireOwnCase(db, user);
  const { items } = await debtOverview(db, own.caseId, today);
  const table = debtTable(items);
  const body = format === "csv" ? toCsv(table) : await toXlsx(table);
  return {
    body,
    fileName: `债务清单-${today}.${format}`,
    asciiFileName: `debt-list-${today}.${format}`,
    contentType: CONTENT_TYPE[format],
  };
}

/** Response headers for a download: attachment with a safe name (RFC 6266 / 5987), never cached. */
export function downloadHeaders(file: DownloadFile): Record<string, string> {
  const ascii = file.asciiFileName.replace(/[^A-Za-z0-9._-]/g, "_");
  return {
    "content-type": file.contentType,
    "content-disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    "content-length": String(file.body.byteLength),
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
  };
}
