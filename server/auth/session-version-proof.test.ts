import { describe, expect, it } from "vitest";
import { issueSessionVersionProof, verifySessionVersionProof } from "./session-version-proof";

const SECRET = "x".repeat(32);
const USER = "11111111-1111-4111-8111-111111111111";
const NOW = 1_800_000_000_000;

describe("session version proof", () => {
  it("vouches for the version it was issued for, for its account, while fresh", () => {
    const proof = issueSessionVersionProof(USER, 7, NOW, SECRET);
    expect(verifySessionVersionProof(USER, proof, NOW + 1000, SECRET)).toBe(7);
  });

  it("is refused for another account, after two minutes, with another secret, or altered", () => {
    const proof = issueSessionVersionProof(USER, 7, NOW, SECRET);
    expect(verifySessionVersionProof("22222222-2222-4222-8222-222222222222", proof, NOW, SECRET)).toBeNull();
    expect(verifySessionVersionProof(USER, proof, NOW + 2 * 60 * 1000 + 1, SECRET)).toBeNull();
    expect(verifySessionVersionProof(USER, proof, NOW, "y".repeat(32))).toBeNull();
    expect(verifySessionVersionProof(USER, proof.replace(/^7\./, "8."), NOW, SECRET)).toBeNull();
  });

  it("ignores anything that is not a proof", () => {
    for (const junk of [undefined, null, 7, {}, "", "7.1.abc", "x".repeat(500)]) {
      expect(verifySessionVersionProof(USER, junk, NOW, SECRET)).toBeNull();
    }
  });
});
