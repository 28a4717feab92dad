import { openTestDatabase, type TestDatabase, testBackends } from "@billcycle/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyzeIfPlannedEmpty } from "../src/statistics";

describe.each(testBackends())("analyzeIfPlannedEmpty (%s)", (backend) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(backend);
    await database.exec(
      `CREATE TABLE planned_probe (n integer); CREATE TABLE "planned ""odd""" (n integer);
       INSERT INTO planned_probe SELECT generate_series(1, 1500); INSERT INTO "planned ""odd""" VALUES (1);`,
    );
  });
  afterAll(async () => database?.dispose());

  const reltuples = async (table: string) =>
    database.withSession(async (exec) => {
      const [row] = await exec(
        `SELECT reltuples AS n FROM pg_class WHERE relname = '${table.replaceAll("'", "''")}'`,
      );
      return Number(row?.n);
    });

  it("analyzes a table never analyzed, and then no more once it holds at least the rows named", async () => {
    expect(await reltuples("planned_probe")).toBe(-1);
    expect(await analyzeIfPlannedEmpty(database, ["planned_probe"], 1000)).toEqual(["planned_probe"]);
    expect(await reltuples("planned_probe")).toBe(1500);
    expect(await analyzeIfPlannedEmpty(database, ["planned_probe"], 1000)).toEqual([]);
    // Planned for fewer rows than named (the table was small when last analyzed): analyzed again.
    expect(await analyzeIfPlannedEmpty(database, ["planned_probe"], 2000)).toEqual(["planned_probe"]);
  });

  it("quotes names, and ignores a name that is not a table", async () => {
    expect(await analyzeIfPlannedEmpty(database, ['planned "odd"', "no_such_table"], 1000)).toEqual([
      'planned "odd"',
    ]);
    expect(await reltuples('planned "odd"')).toBe(1);
  });
});
