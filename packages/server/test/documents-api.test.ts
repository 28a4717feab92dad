import { createHash } from "node:crypto";
import { testBackends } from "@billcycle/testing";
import { errorCode, type Harness, openHarness, type PracticeFixture } from "@billcycle/testing/api-harness";
import { readPdfText } from "@billcycle/testing/read-pdf-text";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

describe.each(testBackends())("documents API on %s", (backend) => {
  let h: Harness;
  let p: PracticeFixture;
  let other: PracticeFixture;
  beforeAll(async () => {
    h = await openHarness(backend);
    p = await h.newPractice("Docs");
    await h.seedRecords(p, { engine: true });
    other = await h.newPractice("Other");
  });
  afterAll(async () => h?.dispose());

  const base = () => `/api/v1/practices/${p.id}`;
  const owner = () => ({ token: p.users.owner.token });

  it("issues a bill, lists, reads, downloads the exact PDF, and voids once", async () => {
    const invoiceId = p.records.invoices!.id;
    const bill = await h.call("POST", `${base()}/invoices/${invoiceId}/bill`, owner());
    expect(bill.status).toBe(200);
    // The seed issued this invoice's bill already and nothing changed since.
    expect(bill.json).toMatchObject({
      reused: true,
      document: { id: p.records.documents!.id, kind: "invoice" },
    });
    const doc = bill.json.document as {
      id: string;
      clientId: string;
      number: string;
      pdfSha256: string;
      pdfBytes: number;
    };

    const list = await h.call("GET", `${base()}/clients/${doc.clientId}/documents?kind=invoice`, owner());
    expect(list.status).toBe(200);
    expect((list.json.data as Array<{ id: string }>).map((d) => d.id)).toContain(doc.id);

    const one = await h.call("GET", `${base()}/documents/${doc.id}`, owner());
    expect(one.json).toMatchObject({ id: doc.id, status: "issued", documentVersion: 1 });

    const res = await h.app.request(`${base()}/documents/${doc.id}/pdf`, {
      headers: { authorization: `Bearer ${p.users.owner.token}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="${doc.number}.pdf"`);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(bytes.byteLength).toBe(doc.pdfBytes);
    expect(createHash("sha256").update(bytes).digest("hex")).toBe(doc.pdfSha256);
    expect((await readPdfText(bytes)).lines).toContain(`Number: ${doc.number}`);

    const voided = await h.call("POST", `${base()}/documents/${doc.id}/void`, {
      ...owner(),
      body: { reason: "wrong" },
    });
    expect(voided.json).toMatchObject({ status: "void", voidReason: "wrong" });
    const twice = await h.call("POST", `${base()}/documents/${doc.id}/void`, {
      ...owner(),
      body: { reason: "again" },
    });
    expect([twice.status, errorCode(twice)]).toEqual([409, "ILLEGAL_TRANSITION"]);
    const empty = await h.call("POST", `${base()}/documents/${doc.id}/void`, {
      ...owner(),
      body: { reason: " " },
    });
    expect(empty.status).toBe(400);
    const next = await h.call("POST", `${base()}/invoices/${invoiceId}/bill`, owner());
    expect(next.json).toMatchObject({
      reused: false,
      document: { documentVersion: 2, replacesDocumentId: doc.id },
    });
  });

  it("creates a superbill by hand once, and a statement; another practice's member finds nothing", async () => {
    const clientId = p.records.clients!.id;
    const range = { from: "2026-03-01", to: "2026-03-31" };
    const sb = await h.call("POST", `${base()}/clients/${clientId}/superbills`, { ...owner(), body: range });
    expect(sb.status).toBe(201);
    expect(sb.json).toMatchObject({ kind: "superbill", periodFrom: "2026-03-02", periodTo: "2026-03-02" });
    const again = await h.call("POST", `${base()}/clients/${clientId}/superbills`, {
      ...owner(),
      body: range,
    });
    expect([again.status, errorCode(again)]).toEqual([409, "CONFLICT"]);
    expect((again.json.error as { reason?: string }).reason).toBe("ALREADY_ON_SUPERBILL");
    const backwards = await h.call("POST", `${base()}/clients/${clientId}/superbills`, {
      ...owner(),
      body: { from: "2026-03-31", to: "2026-03-01" },
    });
    expect(backwards.status).toBe(400);

    const st = await h.call("POST", `${base()}/clients/${clientId}/statements`, { ...owner(), body: range });
    expect(st.status).toBe(201);
    expect(st.json).toMatchObject({ kind: "statement", periodFrom: "2026-03-01", periodTo: "2026-03-31" });
    const pdf = await h.app.request(`${base()}/documents/${st.json.id}/pdf`, {
      headers: { authorization: `Bearer ${p.users.owner.token}` },
    });
    const text = await readPdfText(new Uint8Array(await pdf.arrayBuffer()));
    expect(text.lines).toContain("STATEMENT");
    expect(text.text).toContain("Activity from 2026-03-01 to 2026-03-31");

    const them = { token: other.users.owner.token };
    for (const [method, path] of [
      ["GET", `/api/v1/practices/${other.id}/documents/${sb.json.id}`],
      ["GET", `/api/v1/practices/${other.id}/documents/${sb.json.id}/pdf`],
      ["GET", `/api/v1/practices/${other.id}/clients/${clientId}/documents`],
      ["GET", `${base()}/documents/${sb.json.id}`],
    ] as const) {
      const r = await h.call(method, path, them);
      expect([r.status, errorCode(r)], path).toEqual([404, "NOT_FOUND"]);
    }
    const viewer = await h.call("POST", `${base()}/documents/${sb.json.id}/void`, {
      token: p.users.read_only.token,
      body: { reason: "x" },
    });
    expect(viewer.status).toBe(403);
  });
});
