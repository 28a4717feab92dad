import { describe, expect, it } from "vitest";
import { type CrossSiteFacts, crossSiteAllowed } from "./cross-site";

const own = "https://billing.example.org";
const facts = (f: Partial<CrossSiteFacts>): CrossSiteFacts => ({
  method: "POST",
  bearer: false,
  sessionCookie: true,
  origin: undefined,
  secFetchSite: undefined,
  ownOrigins: [own],
  ...f,
});

describe("crossSiteAllowed", () => {
  it("reads are never judged", () => {
    for (const method of ["GET", "HEAD", "OPTIONS"])
      expect(crossSiteAllowed(facts({ method, origin: "http://evil.example" }))).toBe(true);
  });

  it("with the session cookie, a change needs proof of the app's own origin", () => {
    for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
      expect(crossSiteAllowed(facts({ method, origin: own }))).toBe(true);
      expect(crossSiteAllowed(facts({ method, secFetchSite: "same-origin" }))).toBe(true);
      expect(crossSiteAllowed(facts({ method, origin: "http://evil.example" }))).toBe(false);
      expect(crossSiteAllowed(facts({ method, secFetchSite: "same-site" }))).toBe(false);
      expect(crossSiteAllowed(facts({ method, origin: "null" }))).toBe(false);
      expect(crossSiteAllowed(facts({ method }))).toBe(false);
    }
    // Either proof is enough: an older browser's Origin, or a proxy's host that Origin cannot match.
    expect(crossSiteAllowed(facts({ origin: own, secFetchSite: "cross-site" }))).toBe(true);
    expect(crossSiteAllowed(facts({ origin: "http://127.0.0.1:3000", secFetchSite: "same-origin" }))).toBe(
      true,
    );
  });

  it("without the cookie, only a browser on another site is refused (login CSRF)", () => {
    const anonymous = { sessionCookie: false };
    expect(crossSiteAllowed(facts({ ...anonymous }))).toBe(true);
    expect(crossSiteAllowed(facts({ ...anonymous, origin: own }))).toBe(true);
    expect(crossSiteAllowed(facts({ ...anonymous, origin: "http://evil.example" }))).toBe(false);
    expect(crossSiteAllowed(facts({ ...anonymous, secFetchSite: "cross-site" }))).toBe(false);
  });

  it("a Bearer token is not judged by origin", () => {
    expect(crossSiteAllowed(facts({ bearer: true, origin: "http://evil.example" }))).toBe(true);
    expect(crossSiteAllowed(facts({ bearer: true, sessionCookie: false, secFetchSite: "cross-site" }))).toBe(
      true,
    );
  });
});
