import { describe, expect, it } from "vitest";
import { DomainError } from "../errors/domain-error";
import {
  containsPattern,
  formatEmployerInvoiceNumber,
  parseInvoiceNumberFormat,
  rebatchNumber,
} from "./invoice-number";

describe("invoice numbers", () => {
  it("numbers a re-batch by times batched", () => {
    expect(rebatchNumber("INV-1042", 2)).toBe("INV-1042-2");
    expect(rebatchNumber("INV-1042", 3)).toBe("INV-1042-3");
  });
  it("escapes LIKE wildcards so they match literally", () => {
    expect(containsPattern("10%_\\")).toBe("%10\\%\\_\\\\%");
  });
});

describe("invoice number formats", () => {
  it("a plain prefix is followed by the number", () => {
    expect(formatEmployerInvoiceNumber("INV-", 1042, "2026-07-01")).toBe("INV-1042");
    expect(formatEmployerInvoiceNumber("", 7, "2026-07-01")).toBe("7");
  });
  it("pads the sequence and prints the year of issue", () => {
    expect(formatEmployerInvoiceNumber("INV-{yyyy}-{seq:5}", 1042, "2026-07-01")).toBe("INV-2026-01042");
    expect(formatEmployerInvoiceNumber("{yy}/{seq:3}", 7, "2027-01-02")).toBe("27/007");
    expect(formatEmployerInvoiceNumber("E{seq}", 1042, "2026-07-01")).toBe("E1042");
  });
  it("never cuts a number longer than its padding", () => {
    expect(formatEmployerInvoiceNumber("INV-{seq:3}", 123456, "2026-07-01")).toBe("INV-123456");
  });
  it("refuses an unknown token, a bad padding, no or two {seq}, and stray text with a coded error", () => {
    const codeOf = (format: string) => {
      try {
        parseInvoiceNumberFormat(format);
        return "accepted";
      } catch (e) {
        return e instanceof DomainError ? `${e.code} ${String(e.details?.token ?? "")}`.trim() : "other";
      }
    };
    expect(codeOf("INV-{mm}-{seq}")).toBe("INVALID_NUMBER_FORMAT mm");
    expect(codeOf("INV-{seq:0}")).toBe("INVALID_NUMBER_FORMAT seq:0");
    expect(codeOf("INV-{seq:13}")).toBe("INVALID_NUMBER_FORMAT seq:13");
    expect(codeOf("INV-{yyyy}")).toBe("INVALID_NUMBER_FORMAT");
    expect(codeOf("{seq}-{seq}")).toBe("INVALID_NUMBER_FORMAT");
    expect(codeOf("inv {seq}")).toBe("INVALID_NUMBER_FORMAT");
    expect(codeOf("INV-{seq")).toBe("INVALID_NUMBER_FORMAT");
    expect(codeOf("INV-{yyyy}-{seq:5}")).toBe("accepted");
  });
});
