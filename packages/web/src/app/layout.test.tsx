import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { PID } from "../test/fixtures";
import { at, renderApp } from "../test/render";
import { currentNavEntry } from "./layout";

const highlighted = async () => {
  const nav = await screen.findByRole("navigation", { name: "Main" });
  return within(nav)
    .getAllByRole("link")
    .filter((a) => a.getAttribute("aria-current") === "page")
    .map((a) => a.textContent);
};

describe("the left navigation", () => {
  it("highlights Denials alone on the Denials screen, not Claims beside it", async () => {
    renderApp(at("claims/denials"));
    expect(await highlighted()).toEqual(["Denials"]);
  });

  it("highlights Claims alone on the claims list", async () => {
    renderApp(at("claims"));
    expect(await highlighted()).toEqual(["Claims"]);
  });

  it("picks the longest whole-segment prefix: one entry, or none outside the nav", () => {
    const base = `/p/${PID}`;
    expect(currentNavEntry(`${base}/claims/denials`, base)).toBe("claims/denials");
    expect(currentNavEntry(`${base}/claims/0190aaaa-0000-7000-8000-000000000000`, base)).toBe("claims");
    expect(currentNavEntry(`${base}/claims-settings`, base)).toBeNull();
    expect(currentNavEntry(`${base}/settings/billing`, base)).toBe("settings/billing");
    expect(currentNavEntry(`${base}/settings/api-tokens`, base)).toBeNull();
  });
});
