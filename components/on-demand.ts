/**
 * Code a page fetches when it is first needed rather than with the page: `onDemand(() =>
 * import("./heavy"))` returns a loader that fetches the module once and then hands back the same
 * one. A failed fetch (a dropped connection) is forgotten, so the next call tries again.
 */
export function onDemand<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () =>
    (pending ??= load().catch((err: unknown) => {
      pending = undefined;
      throw err;
    }));
}
