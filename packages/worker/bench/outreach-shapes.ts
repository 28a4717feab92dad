/**
 * The Invoice Sets screen's list shapes that bench:outreach times (each filter alone and combined), shared with
 * outreach-explain.ts, which EXPLAINs the same queries on a database the bench kept (--keep).
 */
import type { ListOutreachSetsQuery } from "@billcycle/app";
import { type OutreachSetStatus, outreachSetStatuses } from "@billcycle/core";
import type { Database } from "@billcycle/db";
import { query } from "./common";

export type Shape = { name: string; query: (i: number) => Partial<ListOutreachSetsQuery> };

const DAY_MS = 86_400_000;

/** The shapes over `queries` sampled patients and set ids of the practice; `now` is the bench's clock. */
export const screenShapes = async (
  database: Database,
  ids: { practiceId: string; standardId: string; gentleId: string },
  queries: number,
  now: Date,
): Promise<Shape[]> => {
  // Searches for patients who exist: names and phone numbers sampled from the practice's own.
  const sample = await query<{ first_name: string; last_name: string; phone: string }>(
    database,
    `SELECT first_name, last_name, phone FROM clients WHERE practice_id = $1 ORDER BY md5(id::text) LIMIT $2`,
    [ids.practiceId, queries],
  );
  const patient = (i: number) => sample[i % sample.length]!;
  const setIds = (
    await query<{ id: string }>(
      database,
      "SELECT id::text AS id FROM outreach_sets WHERE practice_id = $1 ORDER BY md5(id::text) LIMIT $2",
      [ids.practiceId, queries],
    )
  ).map((r) => r.id);
  const day = (offset: number) => new Date(now.getTime() + offset * DAY_MS).toISOString();
  const statusOf = (i: number): OutreachSetStatus => outreachSetStatuses[i % outreachSetStatuses.length]!;
  return [
    { name: "no filter", query: () => ({}) },
    { name: "search: surname", query: (i) => ({ search: patient(i).last_name.toLowerCase() }) },
    {
      name: "search: first and last name",
      query: (i) => ({ search: `${patient(i).first_name} ${patient(i).last_name}` }),
    },
    { name: "search: phone, last 4 digits", query: (i) => ({ search: patient(i).phone.slice(-4) }) },
    { name: "search: set id", query: (i) => ({ search: setIds[i % setIds.length]! }) },
    { name: "status (one of nine)", query: (i) => ({ status: [statusOf(i)] }) },
    {
      name: "amount range",
      query: (i) => ({ minAmountCents: 5000 + (i % 10) * 2000, maxAmountCents: 15000 + (i % 10) * 2000 }),
    },
    {
      name: "created in a week",
      query: (i) => ({ createdFrom: day(-7 - (i % 150)), createdTo: day(-(i % 150)) }),
    },
    {
      name: "next send in a day",
      query: (i) => ({ nextSendFrom: day(i % 12), nextSendTo: day((i % 12) + 1) }),
    },
    { name: "rule set", query: (i) => ({ ruleSetId: i % 2 === 0 ? ids.standardId : ids.gentleId }) },
    {
      name: "combined: status, amount, created, rule set",
      query: (i) => ({
        status: [statusOf(i), statusOf(i + 4)],
        minAmountCents: 10_000,
        createdFrom: day(-90 - (i % 60)),
        createdTo: day(-(i % 60)),
        ruleSetId: i % 2 === 0 ? ids.standardId : ids.gentleId,
      }),
    },
    {
      name: "combined: surname search and status",
      query: (i) => ({ search: patient(i).last_name, status: ["active", "will_fail", "failed"] }),
    },
  ];
};
