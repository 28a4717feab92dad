import { describe, expect, it } from "vitest";
import { DomainError } from "../errors/domain-error";
import { assertTransition, canTransition, sourcesOf, type TransitionTable } from "./state-machine";

type Light = "green" | "yellow" | "red" | "off";
const light: TransitionTable<Light> = {
  green: ["yellow"],
  yellow: ["red"],
  red: ["green", "off"],
  off: [],
};

describe("canTransition", () => {
  it("allows exactly the moves the table lists", () => {
    const states = Object.keys(light) as Light[];
    const allowed: string[] = [];
    for (const from of states)
      for (const to of states) if (canTransition(light, from, to)) allowed.push(`${from}>${to}`);
    expect(allowed.sort()).toEqual(["green>yellow", "red>green", "red>off", "yellow>red"]);
  });
});

describe("assertTransition", () => {
  it("passes an allowed move", () => {
    expect(() => assertTransition("Light", light, "green", "yellow")).not.toThrow();
  });

  it("refuses a disallowed move with ILLEGAL_TRANSITION, naming both states and what is allowed", () => {
    let caught: unknown;
    try {
      assertTransition("Light", light, "green", "red");
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(DomainError);
    const error = caught as DomainError;
    expect(error.code).toBe("ILLEGAL_TRANSITION");
    expect(error.message).toBe("Light cannot go from green to red (allowed: yellow)");
    expect(error.details).toEqual({ machine: "Light", from: "green", to: "red", allowed: ["yellow"] });
  });

  it("says a state is final when nothing leaves it", () => {
    expect(() => assertTransition("Light", light, "off", "green")).toThrow(
      "Light cannot go from off to green (off is final)",
    );
  });

  it("refuses staying in place unless the table lists it", () => {
    expect(() => assertTransition("Light", light, "red", "red")).toThrow(DomainError);
  });
});

describe("sourcesOf", () => {
  it("lists every state the table lets move to the target, and none for a state nothing reaches", () => {
    expect(sourcesOf(light, "green")).toEqual(["red"]);
    expect(sourcesOf(light, "off")).toEqual(["red"]);
    const start: TransitionTable<"a" | "b"> = { a: ["b"], b: ["b"] };
    expect(sourcesOf(start, "b")).toEqual(["a", "b"]);
    expect(sourcesOf(start, "a")).toEqual([]);
  });
});
