import { elementRef } from "../../element-ref.js";
import type { TransactionContext } from "../../envelope/headers.js";
import type { TransactionHandler } from "../../envelope/validator.js";
import { X12Error } from "../../errors.js";
import type {
  Address,
  BillingProvider,
  Claim837P,
  Contact,
  Note,
  PartyName,
  Patient,
  Payer,
  Preserved,
  ProviderParty,
  RawElement,
  RawSegment,
  ServiceLine837P,
  Subscriber,
  Transaction837P,
  TransactionHeader837P,
} from "../../model/837p.js";
import type { Segment } from "../../tokenizer/segment.js";
import { segmentKey } from "../../writer/837p/raw.js";
import * as render from "../../writer/837p/segments.js";
import { type FieldReader, parseDecimal } from "../fields.js";
import { LoopWalker, TRANSACTION_837P } from "./loops.js";

/** The segment as the writer's raw model: composites split into components. */
function rawOf(seg: Segment): RawSegment {
  const comp = seg.delimiters.component;
  return seg.elements.map((e): RawElement => (e.includes(comp) ? e.split(comp) : e));
}

const EMPTY_ADDRESS = (): Address => ({ line1: "", city: "" });
const EMPTY_NAME = (): PartyName => ({ entityType: "2", lastName: "" });

/** A provider loop being read (2310A/B/C, 2420A), with the claim-container positions of its segments. */
type SubLoop = { kind: "referring" | "rendering" | "facility" | "lineRendering"; typed: boolean };

type HlLevel = { id: string; level: "20" | "22" | "23" };

/**
 * 837P (005010X222A1) reader: walks the loop table and maps the fields the writer knows into the
 * {@link Claim837P} model. Everything else is preserved (extras and verbatim segments) so that
 * `write837P(parse837P(file))` reproduces the file's segments.
 */
export class Reader837P implements TransactionHandler {
  private walker = new LoopWalker(TRANSACTION_837P);
  private counts = new WeakMap<object, number>();
  private context: TransactionContext | undefined;
  private header: TransactionHeader837P | undefined;
  private claims: Claim837P[] = [];
  private bp: BillingProvider | undefined;
  private sub: Subscriber | undefined;
  private payer: Payer | undefined;
  private patient: Patient | undefined;
  private claim: Claim837P | undefined;
  private line: ServiceLine837P | undefined;
  private subLoop: SubLoop | undefined;
  private lastSegment: Segment | undefined;
  private hlCount = 0;
  private hl20: HlLevel | undefined;
  private hl22: HlLevel | undefined;
  /** SBR02 depends on whether the subscriber HL has patient HLs: checked when the HL closes. */
  private pendingSbr: { sub: Subscriber; original: RawSegment; hasPatient: boolean } | undefined;
  /** Segments of a 2310B / 2010AB that the writer would leave out, moved to extras at claim end. */
  private renderingSegs: Array<{ position: number; segment: RawSegment }> = [];
  private payToSegs: Array<{ position: number; segment: RawSegment }> = [];

  constructor(
    private readonly f: FieldReader,
    private readonly emit: (transaction: Transaction837P, context: TransactionContext) => void,
  ) {}

  begin(context: TransactionContext, st: Segment): void {
    const version = context.transaction.implementationReference ?? context.group?.version ?? "";
    if (context.transaction.id !== "837" || (version !== "" && !version.startsWith("005010X222"))) {
      throw new X12Error("UNSUPPORTED_TRANSACTION", "the 837P reader reads 005010X222 professional claims", {
        segmentNumber: st.number,
        segmentId: "ST",
        elementPosition: context.transaction.id !== "837" ? 1 : 3,
        byteOffset: st.offset,
        expected: "ST*837 with implementation 005010X222A1",
        found: context.transaction.id !== "837" ? context.transaction.id : version,
      });
    }
    this.context = context;
    this.walker.reset();
    this.counts = new WeakMap();
    this.header = undefined;
    this.claims = [];
    this.bp = this.sub = this.payer = this.patient = this.claim = this.line = undefined;
    this.subLoop = undefined;
    this.hlCount = 0;
    this.hl20 = this.hl22 = undefined;
    this.pendingSbr = undefined;
    this.renderingSegs = [];
    this.payToSegs = [];
    this.f.loop = "HEADER";
  }

  // ---- preservation helpers -------------------------------------------------------------------

  private next(target: object): number {
    const n = this.counts.get(target) ?? 0;
    this.counts.set(target, n + 1);
    return n;
  }

  private extra(target: Preserved, seg: Segment): void {
    const position = this.next(target);
    if (target.extras === undefined) target.extras = [];
    target.extras.push({ position, segment: rawOf(seg) });
  }

  /** Records a modeled segment; keeps the original text when the model renders it differently. */
  private known(
    target: Preserved,
    seg: Segment,
    rendered: RawSegment,
    original: RawSegment = rawOf(seg),
  ): number {
    const position = this.next(target);
    const key = segmentKey(rendered);
    if (segmentKey(original) !== key) {
      if (target.verbatim === undefined) target.verbatim = [];
      target.verbatim.push({ rendered: key, segment: original });
    }
    return position;
  }

  // ---- element helpers ------------------------------------------------------------------------

  private name(seg: Segment): PartyName {
    const type = seg.element(2);
    if (type !== "1" && type !== "2")
      this.f.bad(seg, 2, "NM102 entity type qualifier must be 1 or 2", "1 or 2", type);
    const n: PartyName = { entityType: type === "1" ? "1" : "2", lastName: seg.element(3) };
    const set = (
      key: "firstName" | "middleName" | "prefix" | "suffix" | "idQualifier" | "id",
      at: number,
    ) => {
      const v = seg.element(at);
      if (v !== "") n[key] = v;
    };
    set("firstName", 4);
    set("middleName", 5);
    set("prefix", 6);
    set("suffix", 7);
    set("idQualifier", 8);
    set("id", 9);
    return n;
  }

  private n3(seg: Segment, a: Address): void {
    a.line1 = this.f.req(seg, 1, "N301 address information");
    const line2 = seg.element(2);
    if (line2 !== "") a.line2 = line2;
  }

  private n4(seg: Segment, a: Address): void {
    a.city = this.f.req(seg, 1, "N401 city name");
    const set = (key: "state" | "postalCode" | "countryCode" | "countrySubdivision", at: number) => {
      const v = seg.element(at);
      if (v !== "") a[key] = v;
    };
    set("state", 2);
    set("postalCode", 3);
    set("countryCode", 4);
    set("countrySubdivision", 7);
  }

  private contact(seg: Segment): Contact {
    const c: Contact = { numbers: [] };
    const name = seg.element(2);
    if (name !== "") c.name = name;
    for (let at = 3; at <= 7; at += 2) {
      const qualifier = seg.element(at);
      if (qualifier !== "") c.numbers.push({ qualifier, value: seg.element(at + 1) });
    }
    return c;
  }

  private refOf(seg: Segment): { qualifier: string; value: string } {
    return {
      qualifier: this.f.req(seg, 1, "REF01 reference identification qualifier"),
      value: this.f.req(seg, 2, "REF02 reference identification"),
    };
  }

  private unexpected(seg: Segment, summary: string, expected: string): void {
    this.f.report(this.f.error("UNEXPECTED_SEGMENT", seg, summary, { expected, found: seg.id }));
  }

  private missing(seg: Segment, what: string, loop: string): void {
    this.f.report(
      this.f.error("MISSING_SEGMENT", seg, `${what} is required in loop ${loop}`, {
        expected: what,
        found: seg.id,
      }),
    );
  }

  // ---- dispatch -------------------------------------------------------------------------------

  segment(seg: Segment): void {
    this.lastSegment = seg;
    const step = this.walker.step(seg);
    if (step === undefined) {
      const path = this.walker.path();
      const loop = path[path.length - 1] ?? "HEADER";
      this.unexpected(
        seg,
        `${seg.id} is not allowed here: out of order or not part of loop ${loop}`,
        `a segment of loop ${loop} in guide order, or the start of a following loop (${path.join(" > ")})`,
      );
      // Lenient: keep it losslessly in the innermost object.
      this.extra(
        this.line ?? this.claim ?? this.patient ?? this.payer ?? this.sub ?? this.bp ?? this.headerOrNew(),
        seg,
      );
      return;
    }
    this.f.loop = step.loop;
    if (seg.id === "HL") {
      this.onHl(seg, step.loop);
      return;
    }
    switch (step.loop) {
      case "HEADER":
      case "1000A":
      case "1000B":
        this.onHeader(seg, step.loop);
        return;
      case "2000A":
      case "2010AA":
      case "2010AB":
      case "2010AC":
        this.onBillingProvider(seg, step.loop);
        return;
      case "2000B":
      case "2010BA":
        this.onSubscriber(seg, step.loop);
        return;
      case "2010BB":
        this.onPayer(seg);
        return;
      case "2000C":
      case "2010CA":
        this.onPatient(seg, step.loop);
        return;
    }
    if (step.loop === "2400" && seg.id === "LX") {
      this.onLx(seg);
      return;
    }
    if (step.loop === "2300" && seg.id === "CLM") {
      this.onClm(seg);
      return;
    }
    if (step.loop.startsWith("24")) this.onLine(seg, step.loop, step.starts);
    else this.onClaim(seg, step.loop, step.starts);
  }

  private headerOrNew(): TransactionHeader837P {
    if (this.header === undefined) {
      this.header = {
        referenceId: "",
        date: "",
        time: "",
        submitter: { name: EMPTY_NAME(), contacts: [] },
        receiver: { name: EMPTY_NAME() },
      };
    }
    return this.header;
  }

  private onHeader(seg: Segment, loop: string): void {
    const h = this.headerOrNew();
    const f = this.f;
    if (seg.id === "BHT") {
      if (seg.element(1) !== "0019")
        f.bad(seg, 1, "BHT01 hierarchical structure code must be 0019", "0019", seg.element(1));
      const purpose = seg.element(2);
      if (purpose !== "00" && purpose !== "18")
        f.bad(seg, 2, "BHT02 transaction set purpose code", "00 or 18", purpose);
      h.purpose = purpose === "18" ? "18" : "00";
      h.referenceId = f.req(seg, 3, "BHT03 originator application transaction identifier");
      h.date = f.date(seg, 4, "BHT04 transaction set creation date");
      h.time = f.req(seg, 5, "BHT05 transaction set creation time");
      const type = seg.element(6);
      if (type !== "CH" && type !== "RP")
        f.bad(seg, 6, "BHT06 claim or encounter identifier", "CH or RP", type);
      h.claimType = type === "RP" ? "RP" : "CH";
      this.known(h, seg, render.bht(h));
      return;
    }
    if (seg.id === "NM1" && loop === "1000A") {
      h.submitter.name = this.name(seg);
      this.known(h, seg, render.nm1("41", h.submitter.name));
      return;
    }
    if (seg.id === "PER" && loop === "1000A" && h.submitter.contacts.length < 2) {
      const c = this.contact(seg);
      h.submitter.contacts.push(c);
      this.known(h, seg, render.per(c));
      return;
    }
    if (seg.id === "NM1" && loop === "1000B") {
      h.receiver.name = this.name(seg);
      this.known(h, seg, render.nm1("40", h.receiver.name));
      return;
    }
    this.extra(h, seg);
  }

  private onHl(seg: Segment, loop: string): void {
    const f = this.f;
    this.finishClaim();
    const id = f.req(seg, 1, "HL01 hierarchical id number");
    const parent = seg.element(2);
    const level = seg.element(3) as "20" | "22" | "23";
    const child = seg.element(4);
    this.hlCount++;
    if (id !== String(this.hlCount))
      f.bad(seg, 1, "HL01 must number the levels 1, 2, 3, … in order", String(this.hlCount), id);
    if (child !== "0" && child !== "1")
      f.bad(seg, 4, "HL04 hierarchical child code must be 0 or 1", "0 or 1", child);
    const wantParent = level === "20" ? "" : level === "22" ? (this.hl20?.id ?? "") : (this.hl22?.id ?? "");
    if (parent !== wantParent) {
      f.bad(
        seg,
        2,
        level === "20"
          ? "HL02 must be empty for a billing provider level"
          : "HL02 must point to the enclosing HL",
        wantParent === "" ? "no parent" : wantParent,
        parent,
      );
    }
    const hl: HlLevel = { id, level };
    if (loop === "2000A") {
      this.finishSubscriber();
      this.finishBillingProvider();
      this.hl20 = hl;
      this.hl22 = undefined;
      this.bp = {
        name: EMPTY_NAME(),
        address: EMPTY_ADDRESS(),
        taxId: { qualifier: "", value: "" },
      };
      this.sub = this.payer = this.patient = undefined;
    } else if (loop === "2000B") {
      this.finishSubscriber();
      this.finishBillingProvider();
      this.hl22 = hl;
      this.sub = {
        payerResponsibility: "P",
        claimFilingIndicator: "CI",
        name: EMPTY_NAME(),
      };
      this.payer = { name: EMPTY_NAME() };
      this.patient = undefined;
    } else {
      if (this.pendingSbr) this.pendingSbr.hasPatient = true;
      this.patient = {
        relationship: "19",
        name: EMPTY_NAME(),
        address: EMPTY_ADDRESS(),
        demographics: { birthDate: "", gender: "U" },
      };
    }
  }

  private onBillingProvider(seg: Segment, loop: string): void {
    const bp = this.bp as BillingProvider;
    const f = this.f;
    if (loop === "2000A") {
      if (
        seg.id === "PRV" &&
        seg.element(1) === "BI" &&
        seg.element(2) === "PXC" &&
        bp.taxonomy === undefined
      ) {
        bp.taxonomy = f.req(seg, 3, "PRV03 provider taxonomy code");
        this.known(bp, seg, render.prv("BI", bp.taxonomy));
      } else this.extra(bp, seg);
      return;
    }
    if (loop === "2010AA") {
      switch (seg.id) {
        case "NM1":
          bp.name = this.name(seg);
          this.known(bp, seg, render.nm1("85", bp.name));
          return;
        case "N3":
          this.n3(seg, bp.address);
          this.known(bp, seg, render.n3(bp.address));
          return;
        case "N4":
          if (bp.address.line1 === "") break;
          this.n4(seg, bp.address);
          this.known(bp, seg, render.n4(bp.address));
          return;
        case "REF": {
          const r = this.refOf(seg);
          if ((r.qualifier === "EI" || r.qualifier === "SY") && bp.taxId.qualifier === "") bp.taxId = r;
          else {
            bp.secondaryIds = bp.secondaryIds ?? [];
            bp.secondaryIds.push(r);
          }
          this.known(bp, seg, render.ref(r));
          return;
        }
        case "PER": {
          const c = this.contact(seg);
          bp.contacts = bp.contacts ?? [];
          bp.contacts.push(c);
          this.known(bp, seg, render.per(c));
          return;
        }
      }
    }
    if (loop === "2010AB") {
      if (seg.id === "NM1" && bp.payTo === undefined) {
        bp.payTo = { entityType: seg.element(2) === "1" ? "1" : "2", address: EMPTY_ADDRESS() };
        const original = rawOf(seg);
        const rendered = render.nm1("87", { entityType: bp.payTo.entityType, lastName: "" });
        this.payToSegs.push({ position: this.known(bp, seg, rendered, original), segment: original });
        return;
      }
      if (bp.payTo && (seg.id === "N3" || (seg.id === "N4" && bp.payTo.address.line1 !== ""))) {
        if (seg.id === "N3") this.n3(seg, bp.payTo.address);
        else this.n4(seg, bp.payTo.address);
        const original = rawOf(seg);
        const rendered = seg.id === "N3" ? render.n3(bp.payTo.address) : render.n4(bp.payTo.address);
        this.payToSegs.push({ position: this.known(bp, seg, rendered, original), segment: original });
        return;
      }
    }
    this.extra(bp, seg);
  }

  private requireBillingProvider(seg: Segment): void {
    const bp = this.bp;
    if (bp === undefined) return;
    if (bp.name.lastName === "" && bp.name.id === undefined)
      this.missing(seg, "NM1*85 billing provider name", "2010AA");
    if (bp.taxId.qualifier === "") this.missing(seg, "REF*EI or REF*SY billing provider tax id", "2010AA");
  }

  /** A pay-to address equal to the billing address would not be written: keep it as extras instead. */
  private finishBillingProvider(): void {
    const bp = this.bp;
    if (
      bp?.payTo &&
      this.payToSegs.length > 0 &&
      JSON.stringify(bp.payTo.address) === JSON.stringify(bp.address)
    ) {
      bp.payTo = undefined;
      for (const s of this.payToSegs) {
        bp.extras = bp.extras ?? [];
        bp.extras.push(s);
      }
      bp.verbatim = bp.verbatim?.filter((v) => !this.payToSegs.some((s) => s.segment === v.segment));
    }
    this.payToSegs = [];
  }

  private onSubscriber(seg: Segment, loop: string): void {
    const sub = this.sub as Subscriber;
    const f = this.f;
    if (loop === "2000B") {
      if (seg.id === "SBR") {
        sub.payerResponsibility = f.req(
          seg,
          1,
          "SBR01 payer responsibility sequence number code",
        ) as Subscriber["payerResponsibility"];
        const set = (key: "groupNumber" | "groupName" | "insuranceTypeCode", at: number) => {
          const v = seg.element(at);
          if (v !== "") sub[key] = v;
        };
        set("groupNumber", 3);
        set("groupName", 4);
        set("insuranceTypeCode", 5);
        sub.claimFilingIndicator = f.req(
          seg,
          9,
          "SBR09 claim filing indicator code",
        ) as Subscriber["claimFilingIndicator"];
        this.next(sub);
        this.pendingSbr = { sub, original: rawOf(seg), hasPatient: false };
      } else this.extra(sub, seg);
      return;
    }
    switch (seg.id) {
      case "NM1":
        sub.name = this.name(seg);
        this.known(sub, seg, render.nm1("IL", sub.name));
        return;
      case "N3":
        sub.address ??= EMPTY_ADDRESS();
        this.n3(seg, sub.address);
        this.known(sub, seg, render.n3(sub.address));
        return;
      case "N4":
        // An N4 without N3 cannot be modeled as an address: it is kept as an extra segment.
        if (sub.address === undefined) break;
        this.n4(seg, sub.address);
        this.known(sub, seg, render.n4(sub.address));
        return;
      case "DMG":
        if (sub.demographics === undefined) {
          const d = this.demographics(seg);
          if (d) {
            sub.demographics = d;
            this.known(sub, seg, render.dmg(d));
            return;
          }
        }
        break;
      case "REF": {
        const r = this.refOf(seg);
        sub.secondaryIds = sub.secondaryIds ?? [];
        sub.secondaryIds.push(r);
        this.known(sub, seg, render.ref(r));
        return;
      }
    }
    this.extra(sub, seg);
  }

  /** SBR02 is written as 18 exactly when no patient HL follows; settle the verbatim check now. */
  private finishSubscriber(): void {
    const pending = this.pendingSbr;
    if (pending === undefined) return;
    this.pendingSbr = undefined;
    const key = segmentKey(render.sbr(pending.sub, !pending.hasPatient));
    if (segmentKey(pending.original) !== key) {
      pending.sub.verbatim = pending.sub.verbatim ?? [];
      pending.sub.verbatim.push({ rendered: key, segment: pending.original });
    }
  }

  private demographics(seg: Segment): { birthDate: string; gender: "F" | "M" | "U" } | undefined {
    if (seg.element(1) !== "D8") {
      this.f.bad(seg, 1, "DMG01 date format must be D8", "D8", seg.element(1));
      return undefined;
    }
    const birthDate = this.f.date(seg, 2, "DMG02 birth date");
    const gender = seg.element(3);
    if (gender !== "F" && gender !== "M" && gender !== "U") {
      this.f.bad(seg, 3, "DMG03 gender code", "F, M or U", gender);
      return undefined;
    }
    return birthDate === "" ? undefined : { birthDate, gender };
  }

  private onPayer(seg: Segment): void {
    const payer = this.payer as Payer;
    switch (seg.id) {
      case "NM1":
        payer.name = this.name(seg);
        this.known(payer, seg, render.nm1("PR", payer.name));
        return;
      case "N3":
        payer.address ??= EMPTY_ADDRESS();
        this.n3(seg, payer.address);
        this.known(payer, seg, render.n3(payer.address));
        return;
      case "N4":
        if (payer.address === undefined) break;
        this.n4(seg, payer.address);
        this.known(payer, seg, render.n4(payer.address));
        return;
      case "REF": {
        const r = this.refOf(seg);
        payer.secondaryIds = payer.secondaryIds ?? [];
        payer.secondaryIds.push(r);
        this.known(payer, seg, render.ref(r));
        return;
      }
    }
    this.extra(payer, seg);
  }

  private onPatient(seg: Segment, loop: string): void {
    const p = this.patient as Patient;
    if (loop === "2000C") {
      if (seg.id === "PAT" && this.counts.get(p) === undefined) {
        p.relationship = this.f.req(seg, 1, "PAT01 individual relationship code") as Patient["relationship"];
        this.known(p, seg, render.pat(p));
      } else this.extra(p, seg);
      return;
    }
    switch (seg.id) {
      case "NM1":
        p.name = this.name(seg);
        this.known(p, seg, render.nm1("QC", p.name));
        return;
      case "N3":
        this.n3(seg, p.address);
        this.known(p, seg, render.n3(p.address));
        return;
      case "N4":
        if (p.address.line1 === "") break;
        this.n4(seg, p.address);
        this.known(p, seg, render.n4(p.address));
        return;
      case "DMG": {
        const d = this.demographics(seg);
        if (d) {
          p.demographics = d;
          this.known(p, seg, render.dmg(d));
          return;
        }
        break;
      }
      case "REF": {
        const r = this.refOf(seg);
        p.secondaryIds = p.secondaryIds ?? [];
        p.secondaryIds.push(r);
        this.known(p, seg, render.ref(r));
        return;
      }
    }
    this.extra(p, seg);
  }

  // ---- claims ---------------------------------------------------------------------------------

  private onClm(seg: Segment): void {
    this.finishClaim();
    const f = this.f;
    this.requireBillingProvider(seg);
    if (this.bp === undefined) {
      this.missing(seg, "HL*20 billing provider level", "2000A");
      this.bp = { name: EMPTY_NAME(), address: EMPTY_ADDRESS(), taxId: { qualifier: "", value: "" } };
    }
    if (this.sub === undefined || this.payer === undefined) {
      this.missing(seg, "HL*22 subscriber level", "2000B");
      this.sub = { payerResponsibility: "P", claimFilingIndicator: "CI", name: EMPTY_NAME() };
      this.payer = { name: EMPTY_NAME() };
    }
    const sub = this.sub;
    if (this.counts.get(sub) === undefined) this.missing(seg, "SBR subscriber information", "2000B");
    const pos = seg.components(5);
    const frequency = pos[2] ?? "";
    if (frequency !== "1" && frequency !== "7" && frequency !== "8") {
      f.bad(seg, 5, "CLM05-3 claim frequency type code", "1, 7 or 8", frequency, 3);
    }
    const claim: Claim837P = {
      billingProvider: this.bp as BillingProvider,
      subscriber: sub,
      payer: this.payer,
      patientControlNumber: f.req(seg, 1, "CLM01 patient control number"),
      totalChargeCents: f.cents(seg, 2, "CLM02 total claim charge amount"),
      placeOfService: pos[0] ?? "",
      frequencyCode: frequency === "7" || frequency === "8" ? frequency : "1",
      diagnosisCodes: [],
      lines: [],
    };
    if (pos[0] === undefined || pos[0] === "")
      f.bad(seg, 5, "CLM05-1 place of service code is required", "e.g. 11", seg.element(5), 1);
    if (this.patient) claim.patient = this.patient;
    const code = <T extends string>(at: number, allowed: readonly T[]): T | undefined => {
      const v = seg.element(at);
      if (v === "") return undefined;
      if (!(allowed as readonly string[]).includes(v)) {
        f.bad(seg, at, `${elementRef("CLM", at)} is not an allowed code`, allowed.join(", "), v);
        return undefined;
      }
      return v as T;
    };
    claim.providerSignature = code(6, ["Y", "N"] as const);
    claim.assignment = code(7, ["A", "B", "C"] as const);
    claim.benefitsAssignment = code(8, ["Y", "N", "W"] as const);
    claim.releaseOfInformation = code(9, ["I", "Y"] as const);
    const signature = seg.element(10);
    if (signature !== "") claim.patientSignatureSource = signature;
    const causes = seg.components(11);
    if (causes.length > 0) {
      const codes = causes.slice(0, 3).filter((c) => c !== "");
      claim.relatedCauses = { codes };
      if ((causes[3] ?? "") !== "") claim.relatedCauses.state = causes[3];
      if ((causes[4] ?? "") !== "") claim.relatedCauses.country = causes[4];
    }
    const program = seg.element(12);
    if (program !== "") claim.specialProgram = program;
    const delay = seg.element(20);
    if (delay !== "") claim.delayReason = delay;
    this.known(claim, seg, render.clm(claim, claim.totalChargeCents ?? 0));
    this.claim = claim;
    this.line = undefined;
    this.subLoop = undefined;
    this.renderingSegs = [];
  }

  private onClaim(seg: Segment, loop: string, starts: boolean): void {
    const claim = this.claim;
    if (claim === undefined) return;
    const f = this.f;
    if (loop === "2300") {
      switch (seg.id) {
        case "DTP": {
          const format = seg.element(2);
          if (format === "D8" || format === "RD8") {
            const range = f.dateOrRange(seg, 2, `DTP*${seg.element(1)}`);
            if (range) {
              const d = { qualifier: f.req(seg, 1, "DTP01 date/time qualifier"), ...range };
              claim.dates = claim.dates ?? [];
              claim.dates.push(d);
              this.known(claim, seg, render.dtp(d));
              return;
            }
          }
          break;
        }
        case "AMT":
          if (seg.element(1) === "F5" && claim.patientPaidCents === undefined) {
            claim.patientPaidCents = f.cents(seg, 2, "AMT02 patient amount paid");
            this.known(claim, seg, render.amt("F5", claim.patientPaidCents));
            return;
          }
          break;
        case "REF": {
          const key = {
            "9F": "referralNumber",
            G1: "priorAuthorization",
            F8: "payerClaimControlNumber",
            D9: "clearinghouseTraceNumber",
            EA: "medicalRecordNumber",
          }[seg.element(1)] as
            | "referralNumber"
            | "priorAuthorization"
            | "payerClaimControlNumber"
            | "clearinghouseTraceNumber"
            | "medicalRecordNumber"
            | undefined;
          if (key !== undefined && claim[key] === undefined) {
            const r = this.refOf(seg);
            claim[key] = r.value;
            this.known(claim, seg, render.ref(r));
            return;
          }
          break;
        }
        case "NTE":
          if (claim.note === undefined) {
            claim.note = this.note(seg);
            this.known(claim, seg, render.nte(claim.note));
            return;
          }
          break;
        case "HI":
          if (this.onHi(seg, claim)) return;
          break;
      }
      this.extra(claim, seg);
      return;
    }
    if (starts) this.subLoop = this.startProvider(seg, loop, claim);
    const sub = this.subLoop;
    if (sub === undefined || !sub.typed) {
      this.extra(claim, seg);
      return;
    }
    this.providerSegment(seg, sub, claim, claim);
  }

  private note(seg: Segment): Note {
    return {
      reference: this.f.req(seg, 1, "NTE01 note reference code"),
      text: this.f.req(seg, 2, "NTE02 description"),
    };
  }

  private onHi(seg: Segment, claim: Claim837P): boolean {
    if (claim.diagnosisCodes.length > 0) return false;
    const first = seg.component(1, 1);
    const codeSet = first === "ABK" ? "ICD10" : first === "BK" ? "ICD9" : undefined;
    if (codeSet === undefined) return false;
    const other = codeSet === "ICD10" ? "ABF" : "BF";
    const codes: string[] = [];
    for (let at = 1; at < seg.elements.length; at++) {
      const parts = seg.components(at);
      if (parts.length === 0) continue;
      const qualifier = parts[0] ?? "";
      const code = parts[1] ?? "";
      if (qualifier !== (at === 1 ? first : other) || code === "") {
        this.f.bad(
          seg,
          at,
          "diagnosis code composite",
          `${at === 1 ? first : other}:<code>`,
          seg.element(at),
        );
        return false;
      }
      codes.push(code);
    }
    claim.diagnosisCodes = codes;
    if (codeSet === "ICD9") claim.diagnosisCodeSet = "ICD9";
    this.known(claim, seg, render.hi(codes, codeSet));
    return true;
  }

  private startProvider(seg: Segment, loop: string, claim: Claim837P): SubLoop | undefined {
    const code = seg.element(1);
    if (loop === "2310A" && code === "DN" && claim.referringProvider === undefined) {
      return { kind: "referring", typed: true };
    }
    if (loop === "2310B" && claim.renderingProvider === undefined) return { kind: "rendering", typed: true };
    if (loop === "2310C" && claim.serviceFacility === undefined) return { kind: "facility", typed: true };
    if (loop === "2420A" && this.line?.renderingProvider === undefined)
      return { kind: "lineRendering", typed: true };
    return { kind: "referring", typed: false };
  }

  /** NM1/PRV/N3/N4/REF of a typed provider loop. */
  private providerSegment(seg: Segment, sub: SubLoop, claim: Claim837P, target: Preserved): void {
    const f = this.f;
    const original = rawOf(seg);
    const entity = { referring: "DN", rendering: "82", facility: "77", lineRendering: "82" }[sub.kind];
    const party: ProviderParty | undefined =
      sub.kind === "referring"
        ? claim.referringProvider
        : sub.kind === "rendering"
          ? claim.renderingProvider
          : sub.kind === "lineRendering"
            ? this.line?.renderingProvider
            : undefined;
    let position: number | undefined;
    switch (seg.id) {
      case "NM1": {
        const name = this.name(seg);
        if (sub.kind === "facility") claim.serviceFacility = { name, address: EMPTY_ADDRESS() };
        else if (sub.kind === "referring") claim.referringProvider = { name };
        else if (sub.kind === "rendering") claim.renderingProvider = { name };
        else if (this.line) this.line.renderingProvider = { name };
        position = this.known(target, seg, render.nm1(entity, name), original);
        break;
      }
      case "PRV":
        if (party && seg.element(1) === "PE" && seg.element(2) === "PXC" && party.taxonomy === undefined) {
          party.taxonomy = f.req(seg, 3, "PRV03 provider taxonomy code");
          position = this.known(target, seg, render.prv("PE", party.taxonomy), original);
        }
        break;
      case "N3":
      case "N4": {
        const facility = claim.serviceFacility;
        if (sub.kind === "facility" && facility && (seg.id === "N3" || facility.address.line1 !== "")) {
          if (seg.id === "N3") this.n3(seg, facility.address);
          else this.n4(seg, facility.address);
          position = this.known(
            target,
            seg,
            seg.id === "N3" ? render.n3(facility.address) : render.n4(facility.address),
            original,
          );
        }
        break;
      }
      case "REF": {
        const holder = sub.kind === "facility" ? claim.serviceFacility : party;
        if (holder) {
          const r = this.refOf(seg);
          holder.secondaryIds = holder.secondaryIds ?? [];
          holder.secondaryIds.push(r);
          position = this.known(target, seg, render.ref(r), original);
        }
        break;
      }
    }
    if (position === undefined) this.extra(target, seg);
    else if (sub.kind === "rendering") this.renderingSegs.push({ position, segment: original });
  }

  // ---- lines ----------------------------------------------------------------------------------

  private onLx(seg: Segment): void {
    const claim = this.claim;
    if (claim === undefined) return;
    this.finishLine();
    const line: ServiceLine837P = {
      procedure: { code: "" },
      chargeCents: 0,
      quantity: 0,
      diagnosisPointers: [],
      serviceDate: { from: "" },
    };
    claim.lines.push(line);
    this.line = line;
    this.subLoop = undefined;
    this.known(line, seg, render.lx(claim.lines.length));
  }

  private onLine(seg: Segment, loop: string, starts: boolean): void {
    const line = this.line;
    const claim = this.claim;
    if (line === undefined || claim === undefined) return;
    const f = this.f;
    if (loop === "2400") {
      switch (seg.id) {
        case "SV1":
          if (line.procedure.code === "") {
            this.sv1(seg, line);
            this.known(line, seg, render.sv1(line));
            return;
          }
          break;
        case "DTP":
          if (seg.element(1) === "472" && line.serviceDate.from === "") {
            const range = f.dateOrRange(seg, 2, "DTP*472 service date");
            if (range) {
              line.serviceDate = range;
              this.known(line, seg, render.serviceDate(line));
              return;
            }
          }
          break;
        case "REF":
          if (seg.element(1) === "6R" && line.lineControlNumber === undefined) {
            const r = this.refOf(seg);
            line.lineControlNumber = r.value;
            this.known(line, seg, render.ref(r));
            return;
          }
          break;
        case "NTE":
          if (line.note === undefined) {
            line.note = this.note(seg);
            this.known(line, seg, render.nte(line.note));
            return;
          }
          break;
      }
      this.extra(line, seg);
      return;
    }
    if (starts)
      this.subLoop =
        loop === "2420A" ? this.startProvider(seg, loop, claim) : { kind: "referring", typed: false };
    const sub = this.subLoop;
    if (sub === undefined || !sub.typed) {
      this.extra(line, seg);
      return;
    }
    this.providerSegment(seg, sub, claim, line);
  }

  private sv1(seg: Segment, line: ServiceLine837P): void {
    const f = this.f;
    const parts = seg.components(1);
    const qualifier = parts[0] ?? "";
    const code = parts[1] ?? "";
    if (qualifier === "") f.bad(seg, 1, "SV101-1 product/service id qualifier is required", "HC", "", 1);
    if (code === "")
      f.bad(seg, 1, "SV101-2 procedure code is required", "a procedure code", seg.element(1), 2);
    line.procedure = { qualifier, code };
    const modifiers = parts.slice(2, 6);
    while (modifiers.length > 0 && modifiers[modifiers.length - 1] === "") modifiers.pop();
    if (modifiers.length > 0) line.procedure.modifiers = modifiers;
    const description = parts[6];
    if (description !== undefined && description !== "") line.procedure.description = description;
    line.chargeCents = f.cents(seg, 2, "SV102 line item charge amount");
    const unit = f.req(seg, 3, "SV103 unit or basis for measurement code");
    if (unit !== "UN") line.unit = unit;
    const quantityText = f.req(seg, 4, "SV104 service unit count");
    const quantity = parseDecimal(quantityText);
    if (Number.isNaN(quantity) && quantityText !== "")
      f.bad(seg, 4, "SV104 service unit count", "a number", quantityText);
    line.quantity = Number.isNaN(quantity) ? 0 : quantity;
    const pos = seg.element(5);
    if (pos !== "") line.placeOfService = pos;
    line.diagnosisPointers = seg.components(7).map((p) => {
      const n = Number(p);
      if (!/^\d{1,2}$/.test(p) || n < 1 || n > 12) f.bad(seg, 7, "SV107 diagnosis code pointer", "1-12", p);
      return n;
    });
    if (line.diagnosisPointers.length === 0)
      f.bad(seg, 7, "SV107-1 diagnosis code pointer is required", "1-12", "");
    if (seg.element(9) === "Y") line.emergency = true;
    if (seg.element(11) === "Y") line.epsdt = true;
    if (seg.element(12) === "Y") line.familyPlanning = true;
  }

  private finishLine(): void {
    const line = this.line;
    if (line === undefined) return;
    this.line = undefined;
    const seg = this.lastSegment;
    if (seg === undefined) return;
    if (line.procedure.code === "" && line.chargeCents === 0)
      this.missing(seg, "SV1 professional service", "2400");
    if (line.serviceDate.from === "") this.missing(seg, "DTP*472 service date", "2400");
  }

  /** Rendering provider identical to the billing provider is not written: keep it as extras. */
  private finishClaim(): void {
    this.finishLine();
    const claim = this.claim;
    if (claim === undefined) return;
    this.claim = undefined;
    const seg = this.lastSegment;
    if (claim.lines.length === 0 && seg) this.missing(seg, "LX service line", "2400");
    const r = claim.renderingProvider;
    if (
      r !== undefined &&
      JSON.stringify(r.name) === JSON.stringify(claim.billingProvider.name) &&
      (r.taxonomy === undefined || r.taxonomy === claim.billingProvider.taxonomy) &&
      (r.secondaryIds ?? []).length === 0
    ) {
      claim.renderingProvider = undefined;
      for (const s of this.renderingSegs) {
        claim.extras = claim.extras ?? [];
        claim.extras.push(s);
      }
      claim.verbatim = claim.verbatim?.filter(
        (v) => !this.renderingSegs.some((s) => s.segment === v.segment),
      );
    }
    this.renderingSegs = [];
    this.claims.push(claim);
  }

  end(se: Segment): void {
    this.finishClaim();
    this.finishSubscriber();
    this.finishBillingProvider();
    if (this.header === undefined) this.missing(se, "BHT beginning of hierarchical transaction", "HEADER");
    const header = this.headerOrNew();
    if (header.submitter.name.lastName === "" && header.submitter.name.id === undefined) {
      this.missing(se, "NM1*41 submitter name", "1000A");
    }
    if (header.receiver.name.lastName === "" && header.receiver.name.id === undefined) {
      this.missing(se, "NM1*40 receiver name", "1000B");
    }
    if (this.hl20 === undefined) this.missing(se, "HL*20 billing provider level", "2000A");
    const ref = this.context?.transaction.implementationReference;
    if (ref !== undefined && ref !== (this.context?.group?.version ?? "005010X222A1"))
      header.implementationReference = ref;
    this.emit({ header, claims: this.claims }, this.context as TransactionContext);
  }
}
