import { createHash } from "node:crypto";
import { createMiddleware } from "hono/factory";
import { secureHeaders } from "hono/secure-headers";
import { docsPage } from "../routes/docs-page";
import { PAY_NEW_CARD_SCRIPT } from "../routes/outreach/pay-page-new-card-script";
import { SHARED_PAGE_STYLE } from "../routes/shared-documents/shared-document-page";
import type { AppDeps, HonoEnv } from "./deps";
import { requestIsHttps } from "./request-origin";
import { STRIPE_JS_URL, stripeJsSources } from "./stripe-js";

const sha256 = (text: string) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;

/** 'sha256-…' of the one inline <script> or <style> of the /docs page, so its policy allows exactly that. */
const inlineHash = (tag: "script" | "style"): string => {
  const body = docsPage.match(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`))?.[1];
  if (body === undefined) throw new Error(`the docs page has no inline <${tag}>`);
  return sha256(body);
};

// Every response: no MIME sniffing, not framed (X-Frame-Options for browsers without frame-ancestors),
// no Referer sent, no HSTS (added below only for HTTPS requests: over plain HTTP it would be ignored, and a
// development server on localhost must not pin every other local port to HTTPS).
const common = {
  xFrameOptions: "DENY",
  referrerPolicy: "no-referrer",
  strictTransportSecurity: false,
} as const;

const none = ["'none'"];
const self = ["'self'"];

/** JSON and the OpenAPI document: nothing in them is ever to be run or shown as a page. */
const forApi = secureHeaders({
  ...common,
  contentSecurityPolicy: { defaultSrc: none, frameAncestors: none, baseUri: none, formAction: none },
});

/**
 * The one <style> element the web app adds at run time: React Aria's usePress puts it in <head> so a tap is
 * not delayed by double-tap zoom. Allowed by its hash, not by 'unsafe-inline'; a test compares it with the
 * installed react-aria, so an upgrade that changes it fails there instead of silently in browsers.
 */
export const REACT_ARIA_PRESSABLE_STYLE = `@layer {
  [data-react-aria-pressable] {
    touch-action: pan-x pan-y pinch-zoom;
  }
}`;

/**
 * The built web app (Vite output): scripts, styles and fetches from its own origin, no inline script; and
 * Stripe.js (script, its card frame, its API) from where the deployment loads it.
 */
const forWebApp = (stripeJsUrl: string) => {
  const stripe = stripeJsSources(stripeJsUrl);
  return secureHeaders({
    ...common,
    contentSecurityPolicy: {
      defaultSrc: self,
      scriptSrc: [...self, ...stripe.script],
      styleSrc: [...self, sha256(REACT_ARIA_PRESSABLE_STYLE)],
      imgSrc: self,
      fontSrc: self,
      connectSrc: [...self, ...stripe.connect],
      frameSrc: stripe.frame,
      objectSrc: none,
      baseUri: none,
      formAction: self,
      frameAncestors: none,
    },
  });
};

/** The self-contained /docs page: its own inline script and style (by hash), and a fetch of /openapi.json. */
const forDocs = secureHeaders({
  ...common,
  contentSecurityPolicy: {
    defaultSrc: none,
    scriptSrc: [inlineHash("script")],
    styleSrc: [inlineHash("style")],
    connectSrc: self,
    baseUri: none,
    formAction: none,
    frameAncestors: none,
  },
});

/** A client's shared-document page (/d/<token>): its own inline style (by hash) and a frame of its PDF. */
const forSharedPage = secureHeaders({
  ...common,
  contentSecurityPolicy: {
    defaultSrc: none,
    styleSrc: [sha256(SHARED_PAGE_STYLE)],
    frameSrc: self,
    baseUri: none,
    formAction: none,
    frameAncestors: none,
  },
});

/** The patient's pay page (/pay/<token>): its inline style (by hash) and a form posting to itself. */
const forPayPage = secureHeaders({
  ...common,
  contentSecurityPolicy: {
    defaultSrc: none,
    styleSrc: [sha256(SHARED_PAGE_STYLE)],
    baseUri: none,
    formAction: self,
    frameAncestors: none,
  },
});

/**
 * The pay page's new card (/pay/<token>/new-card): the page's style and one inline script (by hash), and exactly
 * what Stripe.js needs (its script, its card frame, its API) from where the deployment loads it; the form posts
 * to itself.
 */
const forPayNewCardPage = (stripeJsUrl: string) => {
  const stripe = stripeJsSources(stripeJsUrl);
  return secureHeaders({
    ...common,
    contentSecurityPolicy: {
      defaultSrc: none,
      scriptSrc: [sha256(PAY_NEW_CARD_SCRIPT), ...stripe.script],
      styleSrc: [sha256(SHARED_PAGE_STYLE)],
      frameSrc: stripe.frame,
      connectSrc: stripe.connect,
      baseUri: none,
      formAction: self,
      frameAncestors: none,
    },
  });
};

/** The PDF that page frames: shown only inside a page of this origin. */
const forSharedPdf = secureHeaders({
  ...common,
  xFrameOptions: "SAMEORIGIN",
  contentSecurityPolicy: { defaultSrc: none, frameAncestors: self, baseUri: none, formAction: none },
});

/** Only Strict-Transport-Security (a year, subdomains included), for requests that arrived over HTTPS. */
const hsts = secureHeaders({
  strictTransportSecurity: "max-age=31536000; includeSubDomains",
  crossOriginResourcePolicy: false,
  crossOriginOpenerPolicy: false,
  originAgentCluster: false,
  referrerPolicy: false,
  xContentTypeOptions: false,
  xDnsPrefetchControl: false,
  xDownloadOptions: false,
  xFrameOptions: false,
  xPermittedCrossDomainPolicies: false,
  xXssProtection: false,
});

const isApi = (path: string) => path.startsWith("/api/") || path === "/openapi.json" || path === "/healthz";

/** hono/secure-headers on every response, with the content policy of what is served; HSTS over HTTPS. */
export const securityHeaders = (deps: Pick<AppDeps, "trustProxy" | "stripeJsUrl">) => {
  const webApp = forWebApp(deps.stripeJsUrl ?? STRIPE_JS_URL);
  const payNewCard = forPayNewCardPage(deps.stripeJsUrl ?? STRIPE_JS_URL);
  return createMiddleware<HonoEnv>(async (c, next) => {
    const path = c.req.path;
    const policy =
      path === "/docs"
        ? forDocs
        : isApi(path)
          ? forApi
          : path.startsWith("/d/")
            ? path.endsWith("/document.pdf")
              ? forSharedPdf
              : forSharedPage
            : path.startsWith("/pay/")
              ? path.endsWith("/new-card")
                ? payNewCard
                : forPayPage
              : webApp;
    if (requestIsHttps(c, deps))
      await hsts(c, async () => {
        await policy(c, next);
      });
    else await policy(c, next);
  });
};

/** API answers carry patient data: no browser or proxy may keep a copy. */
export const noStore = () =>
  createMiddleware<HonoEnv>(async (c, next) => {
    await next();
    c.header("Cache-Control", "no-store");
  });
