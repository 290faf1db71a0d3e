import { describe, expect, it } from "vitest";
import { crossSiteRefusal, foreignOriginRefusal, ownOrigins } from "./same-origin";

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

describe("foreignOriginRefusal (multipart uploads, which cannot be JSON)", () => {
  it("accepts a multipart POST from our own origin", () => {
    const r = request("POST", {
      "content-type": "multipart/form-data; boundary=x",
      origin: "https://shore.example",
      "sec-fetch-site": "same-origin",
    });
    expect(foreignOriginRefusal(r, allowed)).toBeNull();
  });

  it("refuses another site, a same-site subdomain and a missing Origin", () => {
    const form = { "content-type": "multipart/form-data; boundary=x" };
    expect(foreignOriginRefusal(request("POST", { ...form, origin: "https://evil.example" }), allowed)).toContain(
      "其他网站",
    );
    expect(
      foreignOriginRefusal(
        request("POST", { ...form, origin: "https://shore.example", "sec-fetch-site": "same-site" }),
        allowed,
      ),
    ).not.toBeNull();
    expect(foreignOriginRefusal(request("POST", form), allowed)).not.toBeNull();
  });

  it("knows our origin from the URL and the Host header", () => {
    const origins = ownOrigins({
      url: "http://127.0.0.1:3000/api/evidence/upload",
      headers: new Headers({ host: "shore.example", "x-forwarded-proto": "https" }),
    });
    expect(origins).toEqual(expect.arrayContaining(["http://127.0.0.1:3000", "https://shore.example"]));
  });
});
