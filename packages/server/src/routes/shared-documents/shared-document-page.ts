import { openSharedDocument } from "@billcycle/app";
import { DomainError, documentKindLabel, isDomainError } from "@billcycle/core";
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AppDeps, HonoEnv } from "../../http/deps";
import { statusFor } from "../../http/outcomes";
import { shareLinkKeyOf } from "./share-link-key";

export const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** The page's one inline style, allowed by its hash in the page's content policy (security-headers.ts). */
export const SHARED_PAGE_STYLE =
  "body{font-family:system-ui,sans-serif;margin:0;padding:1rem;color:#1b1f24}" +
  "main{max-width:60rem;margin:0 auto}iframe{width:100%;height:80vh;border:1px solid #c9ced6}" +
  "a.download{display:inline-block;margin:.75rem 0;padding:.5rem 1rem;background:#1f5fae;color:#fff;" +
  "text-decoration:none;border-radius:4px}.error{padding:2rem 0}";

/** A whole page for a patient or client who has no session: one title, one body, the style allowed by hash. */
export const page = (title: string, body: string): string =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8">` +
  `<meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex">` +
  `<title>${escapeHtml(title)}</title><style>${SHARED_PAGE_STYLE}</style></head>` +
  `<body><main>${body}</main></body></html>`;

/**
 * A refused link (no session: a share or pay link): a page its reader understands, the heading chosen by the code,
 * with the status and code the API gives the same refusal.
 */
export const linkRefusal = (c: Context<HonoEnv>, e: unknown, headings: Readonly<Record<string, string>>) => {
  if (!isDomainError(e)) throw e;
  const heading = headings[e.code] ?? headings.default ?? "This link is not valid";
  c.header("X-Error-Code", e.code);
  return c.html(
    page(heading, `<div class="error"><h1>${escapeHtml(heading)}</h1><p>${escapeHtml(e.message)}</p></div>`),
    statusFor(e.code) as 404,
  );
};

const refusalHeadings = {
  SHARE_LINK_EXPIRED: "This link has expired",
  DOCUMENT_VOID: "This document was withdrawn",
};
const refusal = (c: Context<HonoEnv>, e: unknown) => linkRefusal(c, e, refusalHeadings);

/** The token of a link route, refused with `code` when longer than any token billcycle signs. */
export const linkToken = (c: Context<HonoEnv>, code: "SHARE_LINK_INVALID" | "PAY_LINK_INVALID"): string => {
  const token = c.req.param("token") ?? "";
  if (token.length > 300) throw new DomainError(code, "This link is not valid");
  return token;
};
const tokenOf = (c: Context<HonoEnv>): string => linkToken(c, "SHARE_LINK_INVALID");

/**
 * The client's document page (no session; the signed token is the credential): the PDF embedded, and a download
 * link. `/d/<token>` is what the share email links to; `/d/<token>/document.pdf` is the PDF the page frames.
 */
export const registerSharedDocumentPage = (app: OpenAPIHono<HonoEnv>, deps: AppDeps) => {
  app.get("/d/:token", async (c) => {
    try {
      const token = tokenOf(c);
      const shared = await openSharedDocument(deps.database, {
        token,
        linkKey: shareLinkKeyOf(deps),
        now: deps.clock.now(),
        view: "page",
        withPdf: false,
      });
      const title = `${documentKindLabel[shared.kind]} ${shared.number} from ${shared.practiceName}`;
      const pdf = `/d/${encodeURIComponent(token)}/document.pdf`;
      const download = `/api/v1/shared-documents/${encodeURIComponent(token)}/pdf`;
      return c.html(
        page(
          title,
          `<h1>${escapeHtml(title)}</h1>` +
            `<a class="download" href="${download}" download>Download the PDF</a>` +
            `<iframe src="${pdf}" title="${escapeHtml(title)}"></iframe>` +
            `<p>This link works until ${shared.linkExpiresAt.toISOString().slice(0, 10)}.</p>`,
        ),
        200,
      );
    } catch (e) {
      return refusal(c, e);
    }
  });

  app.get("/d/:token/document.pdf", async (c) => {
    try {
      const shared = await openSharedDocument(deps.database, {
        token: tokenOf(c),
        linkKey: shareLinkKeyOf(deps),
        now: deps.clock.now(),
        view: "pdf",
        withPdf: true,
      });
      return c.body(new Uint8Array(shared.pdf), 200, {
        "content-type": "application/pdf",
        "content-disposition": "inline",
      });
    } catch (e) {
      return refusal(c, e);
    }
  });
};
