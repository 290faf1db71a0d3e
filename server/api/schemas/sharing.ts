import { z } from "zod";
import { emailSchema } from "./auth";

const id = (what: string) => z.uuid({ error: `${what}编号不正确` });

export const inviteInput = z.object({ email: emailSchema });
export const shareIdInput = z.object({ shareId: id("授权") });
export const respondInput = z.object({ shareId: id("邀请"), accept: z.boolean({ error: "请选择接受或拒绝" }) });
export const createLinkInput = z.object({
  label: z
    .string({ error: "请写上这个链接给谁看" })
    .trim()
    .min(1, { error: "请写上这个链接给谁看，例如“妈妈”" })
    .max(30, { error: "说明最多 30 个字" }),
  days: z.union([z.literal(7), z.literal(30), z.literal(90)], { error: "有效期只能选 7 天、30 天或 90 天" }),
  showPlatforms: z.boolean().default(false),
});
export const linkIdInput = z.object({ linkId: id("链接") });
export const addNoteInput = z.object({
  caseId: id("案件"),
  body: z
    .string({ error: "请写下建议" })
    .trim()
    .min(1, { error: "请写下建议" })
    .max(2000, { error: "一条建议最多 2000 字" }),
});
export const noteDoneInput = z.object({ noteId: id("建议"), done: z.boolean() });
export const optionalCaseInput = z.object({ caseId: id("案件").optional() }).default({});
