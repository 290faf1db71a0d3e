// s3rver (a local S3-compatible server for tests) ships no types; this covers what the tests use.
declare module "s3rver" {
  interface S3rverOptions {
    address?: string;
    /** 0 picks a free port; `run()` tells which. */
    port?: number;
    silent?: boolean;
    directory?: string;
    resetOnClose?: boolean;
    allowMismatchedSignatures?: boolean;
    vhostBuckets?: boolean;
    configureBuckets?: { name: string; configs?: (string | Buffer)[] }[];
  }

  class S3rver {
    constructor(options?: S3rverOptions);
    /** Creates the configured buckets and starts listening. */
    run(): Promise<{ address: string; port: number; family: string }>;
    close(): Promise<void>;
    reset(): void;
  }

  export = S3rver;
}
