import { describe, expect, it } from "vitest";
import { crossSiteRefusal } from "./same-origin";

const allowed = ["https://shore.example"];
function request(method: string, headers: Record<string, string>) {
  return { method, headers: new Headers(headers) };
}

describe("crossSiteRefusal", () => {
  it("accepts a JSON POST from our own origin", () => {
    const r = request("POST", {
      "content-type": "application/json",
      origin: "https://shore.example",
      "sec-fetch-site": "same-origin",
    });
    expect(crossSiteRefusal(r, allowed)).toBeNull();
  });

  it("refuses what a cross-site HTML form sends", () => {
    const r = request("POST", {
      "content-type": "application/x-www-form-urlencoded",
      origin: "https://evil.example",
      "sec-fetch-site": "cross-site",
    });
    expect(crossSiteRefusal(r, allowed)).toContain("JSON");
  });

  it("refuses JSON from another origin, or a same-site subdomain", () => {
    expect(
      crossSiteRefusal(
        request("POST", { "content-type": "application/json", origin: "https://evil.example" }),
        allowed,
      ),
    ).toContain("其他网站");
    expect(
      crossSiteRefusal(
        request("POST", {
          "content-type": "application/json",
          origin: "https://shore.example",
          "sec-fetch-site": "same-site",
        }),
        allowed,
      ),
    ).toContain("其他网站");
  });

  it("refuses a POST with no Origin at all", () => {
    expect(crossSiteRefusal(request("POST", { "content-type": "application/json" }), allowed)).not.toBeNull();
  });

  it("lets reads through: queries change nothing", () => {
    expect(crossSiteRefusal(request("GET", {}), allowed)).toBeNull();
  });
});
