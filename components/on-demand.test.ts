import { describe, expect, it } from "vitest";
import { onDemand } from "./on-demand";

describe("onDemand", () => {
  it("loads once and hands back the same module", async () => {
    let loads = 0;
    const load = onDemand(async () => ({ n: ++loads }));
    const [a, b] = await Promise.all([load(), load()]);
    expect(a).toBe(b);
    expect(await load()).toBe(a);
    expect(loads).toBe(1);
  });

  it("forgets a failed load, so the next call tries again", async () => {
    let loads = 0;
    const load = onDemand(async () => {
      loads += 1;
      if (loads === 1) throw new Error("offline");
      return "module";
    });
    await expect(load()).rejects.toThrow("offline");
    expect(await load()).toBe("module");
    expect(loads).toBe(2);
  });
});
