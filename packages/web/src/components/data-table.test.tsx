import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { type CursorPagination, DataTable, Pager } from "./data-table";

type Row = { id: string; name: string; cents: number };
const rows: Row[] = [
  { id: "a", name: "Chen", cents: 300 },
  { id: "b", name: "Alvarez", cents: 100 },
  { id: "c", name: "Brooks", cents: 200 },
];

describe("DataTable", () => {
  it("is a captioned table whose column headers sort the page and say how", async () => {
    const user = userEvent.setup();
    render(
      <DataTable
        caption="Clients"
        columns={[
          { id: "name", header: "Name", accessorFn: (r) => r.name },
          { id: "cents", header: "Total", accessorFn: (r) => r.cents, meta: { align: "right" } },
        ]}
        data={rows}
        getRowId={(r) => r.id}
      />,
    );
    const table = screen.getByRole("table", { name: "Clients" });
    const names = () =>
      within(table)
        .getAllByRole("row")
        .slice(1)
        .map((r) => r.firstChild?.textContent);
    expect(names()).toEqual(["Chen", "Alvarez", "Brooks"]);
    const header = within(table).getByRole("columnheader", { name: /Name/ });
    await user.click(within(header).getByRole("button"));
    expect(header.getAttribute("aria-sort")).toBe("ascending");
    expect(names()).toEqual(["Alvarez", "Brooks", "Chen"]);
    await user.click(within(header).getByRole("button"));
    expect(header.getAttribute("aria-sort")).toBe("descending");
    expect(names()).toEqual(["Chen", "Brooks", "Alvarez"]);
  });

  it("says so when nothing matches", () => {
    render(
      <DataTable
        caption="Clients"
        columns={[{ id: "name", header: "Name" }]}
        data={[]}
        getRowId={(r: Row) => r.id}
        empty="No clients."
      />,
    );
    expect(screen.getByRole("cell", { name: "No clients." })).toBeTruthy();
  });

  it("never says No rows beside Loading…: an empty page is said once, by the table's own empty cell", () => {
    const pagination: CursorPagination = {
      cursor: undefined,
      pageIndex: 0,
      pageSize: 25,
      setPageSize: () => undefined,
      next: () => undefined,
      previous: () => undefined,
    };
    const view = (pending: boolean, data: Row[]) => (
      <>
        <DataTable
          caption="Clients"
          columns={[{ id: "name", header: "Name", accessorFn: (r) => r.name }]}
          data={data}
          getRowId={(r) => r.id}
          empty={pending ? "Loading…" : "No clients match."}
        />
        <Pager label="Clients" pagination={pagination} rowsOnPage={data.length} nextCursor="more" />
      </>
    );
    const { rerender } = render(view(true, []));
    const pager = screen.getByRole("navigation", { name: "Clients pages" });
    expect(screen.getByRole("table").textContent).toContain("Loading…");
    expect(pager.textContent).not.toMatch(/No rows|more on the next page/);
    rerender(view(false, []));
    expect(screen.getByRole("table").textContent).toContain("No clients match.");
    expect(pager.textContent).not.toContain("No rows");
    rerender(view(false, rows));
    expect(pager.textContent).toContain("Showing 1–3 · more on the next page");
  });
});
