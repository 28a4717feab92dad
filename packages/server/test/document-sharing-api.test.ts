import { signShareLink } from "@billcycle/app";
import { newId } from "@billcycle/db";
import { testBackends } from "@billcycle/testing";
import { errorCode, type Harness, openHarness, type PracticeFixture } from "@billcycle/testing/api-harness";
import { sqlRows } from "@billcycle/testing/db-state";
import { tinyPdf } from "@billcycle/testing/test-bill-issuer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const DAY_MS = 86_400_000;

describe.each(testBackends())("shared documents and why-not answers on %s", (backend) => {
  let h: Harness;
  let p: PracticeFixture;
  let clientId: string;
  let invoiceId: string;

  beforeAll(async () => {
    h = await openHarness(backend);
    p = await h.newPractice("Share Page Therapy");
    await h.seedRecords(p, { engine: true });
    invoiceId = p.records.invoices!.id;
    // The engine seed's share of its pended invoice: this file makes its own.
    await h.database.db.execute(`DELETE FROM document_shares WHERE practice_id = '${p.id}'`);
    clientId = String(
      (await sqlRows(h.database, `SELECT client_id::text AS c FROM invoices WHERE id = '${invoiceId}'`))[0]
        ?.c,
    );
  });
  afterAll(async () => {
    await h?.dispose();
  });

  const insertDocument = async (kind = "superbill"): Promise<{ id: string; pdf: Uint8Array }> => {
    const id = newId();
    const pdf = tinyPdf(`doc ${id}`);
    await h.database.db.execute(
      `INSERT INTO documents (id, practice_id, client_id, kind, number, status, amount_cents, source, issued_at,
         pdf, pdf_sha256, pdf_bytes, invoice_id)
       VALUES ('${id}', '${p.id}', '${clientId}', '${kind}', 'SB-${id.slice(-6)}', 'issued', 0, 'user', now(),
         '\\x${Buffer.from(pdf).toString("hex")}', 'x', ${pdf.byteLength},
         ${kind === "invoice" ? `'${invoiceId}'` : "NULL"})`,
    );
    return { id, pdf };
  };
  const tokenFor = (documentId: string, expiresInMs = 30 * DAY_MS, key = h.shareLinkKey) =>
    signShareLink(key, {
      practiceId: p.id,
      documentId,
      expiresAt: new Date(h.clock.now().getTime() + expiresInMs),
    });
  const viewsOf = async (documentId: string) =>
    sqlRows(
      h.database,
      `SELECT actor, user_id, details FROM audit_log WHERE entity = 'document' AND entity_id = '${documentId}'
       ORDER BY id`,
    );

  it("the client's page shows the document and a download link, without a session, and every view is audited", async () => {
    const doc = await insertDocument();
    const token = tokenFor(doc.id);
    const page = await h.call("GET", `/d/${token}`);
    expect(page.status, page.text).toBe(200);
    expect(page.headers.get("content-type")).toContain("text/html");
    expect(page.text).toContain(`<iframe src="/d/${token}/document.pdf"`);
    expect(page.text).toContain(`href="/api/v1/shared-documents/${token}/pdf" download`);
    expect(page.text).toContain("Share Page Therapy");
    // The headers the rest of the app sends, with a policy for this page.
    const csp = page.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("frame-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(page.headers.get("x-frame-options")).toBe("DENY");
    expect(page.headers.get("x-content-type-options")).toBe("nosniff");
    expect(page.headers.get("referrer-policy")).toBe("no-referrer");
    expect(page.headers.get("cache-control")).toBe("no-store");

    const framed = await h.app.request(`/d/${token}/document.pdf`);
    expect(framed.status).toBe(200);
    expect(framed.headers.get("content-type")).toBe("application/pdf");
    expect(framed.headers.get("x-frame-options")).toBe("SAMEORIGIN");
    expect(framed.headers.get("content-security-policy")).toContain("frame-ancestors 'self'");
    expect(new Uint8Array(await framed.arrayBuffer())).toEqual(doc.pdf);

    const info = await h.call("GET", `/api/v1/shared-documents/${token}`);
    expect(info.status, info.text).toBe(200);
    expect(info.json).toMatchObject({
      documentId: doc.id,
      kind: "superbill",
      practiceName: expect.stringContaining("Share Page Therapy"),
    });
    const download = await h.app.request(`/api/v1/shared-documents/${token}/pdf`);
    expect(download.status).toBe(200);
    expect(download.headers.get("content-disposition")).toMatch(/^attachment; filename="SB-/);
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(doc.pdf);

    const views = await viewsOf(doc.id);
    expect(views.map((v) => (v.details as { view: string }).view)).toEqual(["page", "pdf", "info", "pdf"]);
    expect(views.every((v) => v.actor === "share_link" && v.user_id === null)).toBe(true);
    // No patient data and no token in the logs: the request log has route patterns.
    expect(h.logLines.join("\n")).not.toContain(token);
  });

  it("an expired, tampered or foreign-key token and a voided document are refused: a clear page, a coded error", async () => {
    const doc = await insertDocument();
    const expired = tokenFor(doc.id, -1000);
    const good = tokenFor(doc.id);
    const parts = good.split(".");
    const tampered = [
      // The signature's last two characters changed (to something else when they already are AA).
      [...parts.slice(0, 4), `${parts[4]!.slice(0, -2)}${parts[4]!.endsWith("AA") ? "BB" : "AA"}`].join("."),
      [parts[0], parts[1], newId(), parts[3], parts[4]].join("."),
      [parts[0], parts[1], parts[2], String(Number(parts[3]) + 86_400), parts[4]].join("."),
      tokenFor(doc.id, 30 * DAY_MS, Buffer.alloc(32, 1)),
      "garbage",
    ];
    const refused = async (token: string, status: number, code: string, heading: string) => {
      const api = await h.call("GET", `/api/v1/shared-documents/${encodeURIComponent(token)}`);
      expect(api.status, token).toBe(status);
      expect(errorCode(api), token).toBe(code);
      const pdf = await h.call("GET", `/api/v1/shared-documents/${encodeURIComponent(token)}/pdf`);
      expect(errorCode(pdf)).toBe(code);
      const page = await h.call("GET", `/d/${encodeURIComponent(token)}`);
      expect(page.status).toBe(status);
      expect(page.text).toContain(heading);
      expect(page.headers.get("x-error-code")).toBe(code);
      expect(page.headers.get("content-security-policy")).toContain("default-src 'none'");
      const framed = await h.call("GET", `/d/${encodeURIComponent(token)}/document.pdf`);
      expect(framed.status).toBe(status);
      expect(framed.headers.get("content-type")).toContain("text/html");
    };
    await refused(expired, 410, "SHARE_LINK_EXPIRED", "This link has expired");
    for (const t of tampered) await refused(t, 404, "SHARE_LINK_INVALID", "This link is not valid");
    expect(await viewsOf(doc.id)).toHaveLength(0);

    await h.database.db.execute(
      `UPDATE documents SET status = 'void', voided_at = now(), void_reason = 'wrong period' WHERE id = '${doc.id}'`,
    );
    await refused(good, 410, "DOCUMENT_VOID", "This document was withdrawn");
    expect(await viewsOf(doc.id)).toHaveLength(0);
  });

  const insertShare = async (status: string, extra: Record<string, string> = {}) => {
    const id = newId();
    const cols = { status: `'${status}'`, ...extra };
    await h.database.db.execute(
      `INSERT INTO document_shares (id, practice_id, client_id, subject_type, kind, invoice_id, due_at,
         ${Object.keys(cols).join(", ")})
       VALUES ('${id}', '${p.id}', '${clientId}', 'invoice', 'invoice', '${invoiceId}', now(),
         ${Object.values(cols).join(", ")})`,
    );
    return id;
  };

  it("why wasn't this shared: the invoice's share with its reasons, the client's settings per kind", async () => {
    await h.database.db.execute(
      `UPDATE clients SET email = NULL, email_opt_in = false WHERE id = '${clientId}'`,
    );
    const shareId = await insertShare("skipped", {
      reason_code: "'NO_EMAIL'",
      reasons: `'[{"code":"NO_EMAIL","message":"the client has no email address on file"},{"code":"EMAIL_OPTED_OUT","message":"the client turned email off in their communication preferences"}]'`,
      finished_at: "now()",
    });
    const why = await h.call("GET", `/api/v1/practices/${p.id}/invoices/${invoiceId}/sharing`, {
      token: p.users.read_only.token,
    });
    expect(why.status, why.text).toBe(200);
    expect(why.json.share).toMatchObject({ id: shareId, status: "skipped", reasonCode: "NO_EMAIL" });
    expect(String(why.json.answer)).toContain("no email address on file");
    expect(String(why.json.answer)).toContain("turned email off");
    expect((why.json.reasonsNow as Array<{ code: string }>).map((r) => r.code)).toEqual([
      "NO_EMAIL",
      "EMAIL_OPTED_OUT",
    ]);

    const client = await h.call("GET", `/api/v1/practices/${p.id}/clients/${clientId}/sharing`, {
      token: p.users.biller.token,
    });
    expect(client.status, client.text).toBe(200);
    expect(client.json.settings).toMatchObject({ hasEmail: false, emailOptIn: false, clientSharingOn: true });
    expect(String(client.json.answer)).toContain("Nothing is shared");
    expect((client.json.recentShares as Array<{ id: string }>).map((s) => s.id)).toContain(shareId);

    // Not firing: with an address and email on, and bills only, the bill would go and the superbill not.
    await h.database.db.execute(
      `UPDATE clients SET email = 'ok@example.com', email_opt_in = true, share_document_kinds = 'bills'
       WHERE id = '${clientId}'`,
    );
    const after = await h.call("GET", `/api/v1/practices/${p.id}/clients/${clientId}/sharing`, {
      token: p.users.biller.token,
    });
    const byKind = after.json.reasonsNowByKind as Record<string, Array<{ code: string }>>;
    expect(byKind.invoice).toEqual([]);
    expect(byKind.statement).toEqual([]);
    expect(byKind.superbill!.map((r) => r.code)).toEqual(["KIND_NOT_SHARED"]);

    const doc = await insertDocument("statement");
    const none = await h.call("GET", `/api/v1/practices/${p.id}/documents/${doc.id}/sharing`, {
      token: p.users.biller.token,
    });
    expect(none.status, none.text).toBe(200);
    expect(none.json.share).toBeNull();
    await h.database.db.execute(`DELETE FROM document_shares WHERE id = '${shareId}'`);
  });

  it("lists shares by filter and retries a failed one (only a failed one)", async () => {
    const failed = await insertShare("failed", {
      attempts: "5",
      reason_code: "'SMTP_REFUSED'",
      reasons: `'[{"code":"SMTP_REFUSED","message":"the mail server refused the message (554)"}]'`,
      finished_at: "now()",
    });
    const list = await h.call(
      "GET",
      `/api/v1/practices/${p.id}/document-shares?status=failed&clientId=${clientId}`,
      {
        token: p.users.biller.token,
      },
    );
    expect(list.status, list.text).toBe(200);
    expect((list.json.items as Array<{ id: string }>).map((s) => s.id)).toEqual([failed]);
    const none = await h.call("GET", `/api/v1/practices/${p.id}/document-shares?status=sent`, {
      token: p.users.biller.token,
    });
    expect(none.json.items).toEqual([]);

    const jobsNow = async () =>
      (
        await sqlRows(
          h.database,
          `SELECT count(*)::int AS n FROM jobs WHERE queue = 'share-documents' AND payload->>'practiceId' = '${p.id}'`,
        )
      )[0]?.n;
    const jobsBefore = Number(await jobsNow());
    const readOnly = await h.call("POST", `/api/v1/practices/${p.id}/document-shares/${failed}/retry`, {
      token: p.users.read_only.token,
    });
    expect(readOnly.status).toBe(403);
    const retried = await h.call("POST", `/api/v1/practices/${p.id}/document-shares/${failed}/retry`, {
      token: p.users.biller.token,
    });
    expect(retried.status, retried.text).toBe(200);
    expect(retried.json).toMatchObject({ status: "scheduled", attempts: 0, reasonCode: null });
    expect(await jobsNow()).toBe(jobsBefore + 1);
    const again = await h.call("POST", `/api/v1/practices/${p.id}/document-shares/${failed}/retry`, {
      token: p.users.biller.token,
    });
    expect(again.status).toBe(409);
    expect(errorCode(again)).toBe("ILLEGAL_TRANSITION");
    const other = await h.newPractice("Other practice");
    const foreign = await h.call("POST", `/api/v1/practices/${other.id}/document-shares/${failed}/retry`, {
      token: other.users.owner.token,
    });
    expect(foreign.status).toBe(404);
  });
});
