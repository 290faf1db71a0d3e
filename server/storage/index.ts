/**
 * The app's evidence store, chosen by the environment: an S3-compatible bucket when
 * `SHORE_S3_BUCKET` is set (see `s3SettingsFromEnvironment`), otherwise the local folder
 * `<data folder>/evidence`. A wrong setting fails with a message naming the variable to fix.
 */
import { z } from "zod";
import type { BlobStore } from "./blob-store";
import { localEvidenceStore } from "./local-folder";
import { createS3Client, S3BlobStore } from "./s3";

export type { BlobListing, BlobStore, BlobWriter } from "./blob-store";

/** Blank counts as unset (an empty line in an env file). */
function setting<T extends z.ZodType>(schema: T) {
  return z.preprocess((value) => {
    if (typeof value !== "string") return value;
    const trimmed = value.trim();
    return trimmed === "" ? undefined : trimmed;
  }, schema);
}

const s3Environment = z.object({
  SHORE_S3_BUCKET: setting(
    z
      .string({ error: "is required" })
      .regex(
        /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/,
        "must be a bucket name: 3–63 lowercase letters, digits, dots, hyphens",
      ),
  ),
  SHORE_S3_ENDPOINT: setting(
    z.url({ protocol: /^https?$/, error: "must be an http(s) URL such as https://s3.example.com:9000" }).optional(),
  ),
  SHORE_S3_REGION: setting(
    z
      .string()
      .regex(/^[a-z0-9-]+$/, "must be a region name such as us-east-1")
      .default("us-east-1"),
  ),
  SHORE_S3_PREFIX: setting(
    z
      .string()
      .regex(/^[A-Za-z0-9._/-]+$/, "may hold only letters, digits, '.', '_', '-' and '/'")
      .refine((prefix) => !prefix.split("/").some((part) => part === "." || part === ".."), {
        error: "must not contain '.' or '..' segments",
      })
      .optional(),
  ),
  SHORE_S3_FORCE_PATH_STYLE: setting(
    z
      .enum(["1", "true", "0", "false"], { error: "must be 1, true, 0 or false" })
      .optional()
      .transform((value) => value === "1" || value === "true"),
  ),
});

export interface S3Settings {
  bucket: string;
  region: string;
  endpoint?: string;
  prefix?: string;
  forcePathStyle: boolean;
}

/**
 * The S3 settings from the environment, or null for the local folder. Variables:
 * `SHORE_S3_BUCKET` (turns S3 on), `SHORE_S3_ENDPOINT` (an S3-compatible server; unset for AWS),
 * `SHORE_S3_REGION` (default us-east-1), `SHORE_S3_PREFIX` (folder in the bucket),
 * `SHORE_S3_FORCE_PATH_STYLE` (1/true for servers without bucket subdomains, e.g. MinIO).
 * Credentials come from the AWS SDK's standard chain (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, …).
 */
export function s3SettingsFromEnvironment(env: Record<string, string | undefined> = process.env): S3Settings | null {
  const names = Object.keys(s3Environment.shape) as (keyof typeof s3Environment.shape)[];
  if (!env.SHORE_S3_BUCKET?.trim()) {
    const stray = names.filter((name) => env[name]?.trim());
    if (stray.length === 0) return null;
    throw new Error(
      `Evidence storage is misconfigured: ${stray.join(", ")} ${stray.length === 1 ? "is" : "are"} set but ` +
        "SHORE_S3_BUCKET is not. Set SHORE_S3_BUCKET to keep evidence in S3, or unset the others to keep it in the data folder.",
    );
  }
  const parsed = s3Environment.safeParse(Object.fromEntries(names.map((name) => [name, env[name]])));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${String(issue.path[0] ?? "SHORE_S3_*")} ${issue.message}`);
    throw new Error(`Evidence storage is misconfigured: ${problems.join("; ")}.`);
  }
  const config = parsed.data;
  return {
    bucket: config.SHORE_S3_BUCKET,
    region: config.SHORE_S3_REGION,
    endpoint: config.SHORE_S3_ENDPOINT,
    prefix: config.SHORE_S3_PREFIX,
    forcePathStyle: config.SHORE_S3_FORCE_PATH_STYLE,
  };
}

let s3Store: { signature: string; store: S3BlobStore } | undefined;

/** The app's evidence store, as configured (see the file header). */
export function evidenceStore(): BlobStore {
  const settings = s3SettingsFromEnvironment();
  if (!settings) return localEvidenceStore();
  const signature = JSON.stringify(settings);
  if (s3Store?.signature !== signature) {
    const client = createS3Client(settings);
    s3Store = { signature, store: new S3BlobStore({ client, bucket: settings.bucket, prefix: settings.prefix }) };
  }
  return s3Store.store;
}
