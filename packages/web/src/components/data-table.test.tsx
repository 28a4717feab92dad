import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { DataTable } from "./data-table";

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
});
