import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { evidenceStore, s3SettingsFromEnvironment } from "./index";
import { LocalFolderBlobStore } from "./local-folder";
import { S3BlobStore } from "./s3";

describe("evidence store configuration", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it("is the local folder when no S3 variable is set (blank counts as unset)", () => {
    expect(s3SettingsFromEnvironment({})).toBeNull();
    expect(s3SettingsFromEnvironment({ SHORE_S3_BUCKET: "  ", SHORE_S3_PREFIX: "" })).toBeNull();
  });

  it("reads the S3 settings, with us-east-1 and virtual-host style by default", () => {
    expect(s3SettingsFromEnvironment({ SHORE_S3_BUCKET: "shore-evidence" })).toEqual({
      bucket: "shore-evidence",
      region: "us-east-1",
      endpoint: undefined,
      prefix: undefined,
      forcePathStyle: false,
    });
    expect(
      s3SettingsFromEnvironment({
        SHORE_S3_BUCKET: "evidence",
        SHORE_S3_ENDPOINT: "http://127.0.0.1:9000",
        SHORE_S3_REGION: "cn-north-1",
        SHORE_S3_PREFIX: "shore/prod",
        SHORE_S3_FORCE_PATH_STYLE: "true",
      }),
    ).toEqual({
      bucket: "evidence",
      region: "cn-north-1",
      endpoint: "http://127.0.0.1:9000",
      prefix: "shore/prod",
      forcePathStyle: true,
    });
    expect(s3SettingsFromEnvironment({ SHORE_S3_BUCKET: "b-1", SHORE_S3_FORCE_PATH_STYLE: "1" })?.forcePathStyle).toBe(
      true,
    );
    expect(s3SettingsFromEnvironment({ SHORE_S3_BUCKET: "b-1", SHORE_S3_FORCE_PATH_STYLE: "0" })?.forcePathStyle).toBe(
      false,
    );
  });

  it("fails with a message naming the variable to fix", () => {
    const cases: [Record<string, string>, RegExp][] = [
      [{ SHORE_S3_BUCKET: "Evidence_Bucket" }, /SHORE_S3_BUCKET must be a bucket name/],
      [{ SHORE_S3_BUCKET: "b-1", SHORE_S3_ENDPOINT: "minio:9000" }, /SHORE_S3_ENDPOINT must be an http\(s\) URL/],
      [{ SHORE_S3_BUCKET: "b-1", SHORE_S3_ENDPOINT: "ftp://minio" }, /SHORE_S3_ENDPOINT must be an http\(s\) URL/],
      [{ SHORE_S3_BUCKET: "b-1", SHORE_S3_REGION: "US East" }, /SHORE_S3_REGION must be a region name/],
      [{ SHORE_S3_BUCKET: "b-1", SHORE_S3_PREFIX: "a/../b" }, /SHORE_S3_PREFIX must not contain/],
      [{ SHORE_S3_BUCKET: "b-1", SHORE_S3_PREFIX: "证据" }, /SHORE_S3_PREFIX may hold only/],
      [
        { SHORE_S3_BUCKET: "b-1", SHORE_S3_FORCE_PATH_STYLE: "yes" },
        /SHORE_S3_FORCE_PATH_STYLE must be 1, true, 0 or false/,
      ],
      [{ SHORE_S3_ENDPOINT: "http://127.0.0.1:9000" }, /SHORE_S3_ENDPOINT is set but SHORE_S3_BUCKET is not/],
    ];
    for (const [env, message] of cases) {
      expect(() => s3SettingsFromEnvironment(env), JSON.stringify(env)).toThrow(message);
    }
  });

  it("evidenceStore() follows the environment", () => {
    vi.stubEnv("SHORE_DATA_DIR", path.join("/tmp", "shore-config-test"));
    const local = evidenceStore();
    expect(local).toBeInstanceOf(LocalFolderBlobStore);
    expect((local as LocalFolderBlobStore).root).toBe(path.join("/tmp", "shore-config-test", "evidence"));

    vi.stubEnv("SHORE_S3_BUCKET", "shore-evidence");
    vi.stubEnv("SHORE_S3_PREFIX", "/prod/");
    const s3 = evidenceStore();
    expect(s3).toBeInstanceOf(S3BlobStore);
    expect((s3 as S3BlobStore).bucket).toBe("shore-evidence");
    expect((s3 as S3BlobStore).prefix).toBe("prod/");
    expect(evidenceStore()).toBe(s3); // one client per configuration

    vi.stubEnv("SHORE_S3_REGION", "not a region");
    expect(() => evidenceStore()).toThrow(/SHORE_S3_REGION/);
  });
});
