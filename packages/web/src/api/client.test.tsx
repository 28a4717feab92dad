import { describe, expect, it } from "vitest";
import { mockApi, reply } from "../test/api-mock";
import { ApiError, api, errorText, unwrap } from "./client";

describe("the API client", () => {
  it("returns the data of a success and turns an error body into a coded ApiError", async () => {
    mockApi({
      "GET /api/v1/me": { user: { id: "u", email: "a@b.c", name: "A" }, memberships: [], isOperator: false },
      "POST /api/v1/auth/login": reply(400, {
        error: {
          code: "VALIDATION_FAILED",
          message: "email: required",
          issues: [{ path: "email", code: "VALIDATION_FAILED", message: "Required" }],
        },
      }),
    });
    expect((await unwrap(api.GET("/api/v1/me"))).user.email).toBe("a@b.c");
    const err = await unwrap(api.POST("/api/v1/auth/login", { body: { email: "", password: "" } })).catch(
      (e) => e,
    );
    expect(err).toBeInstanceOf(ApiError);
    expect([err.status, err.code, err.issues[0].path]).toEqual([400, "VALIDATION_FAILED", "email"]);
    expect(errorText(err)).toBe("email: required (Required)");
  });

  it("words the errors people hit", () => {
    expect(errorText(new ApiError(403, "FORBIDDEN", "needs settings:write"))).toBe(
      "Your role may not do this.",
    );
    expect(errorText(new ApiError(412, "VERSION_CONFLICT", "x"))).toBe(
      "Someone else changed this meanwhile. Reload and try again.",
    );
  });
});
