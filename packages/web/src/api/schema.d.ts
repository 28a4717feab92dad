/**
 * Generated from billcycle's OpenAPI document by packages/web/scripts/generate-api-types.ts.
 * Do not edit by hand: run `npm run generate:api -w @billcycle/web` after changing an API route.
 * A test regenerates this file in memory and fails when it differs from the committed copy.
 */

export interface paths {
  "/api/v1/auth/login": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Sign in; sets an HttpOnly session cookie */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": {
            email: string;
            password: string;
          };
        };
      };
      responses: {
        /** @description Signed in */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              user: {
                /** Format: uuid */
                id: string;
                email: string;
                name: string;
              };
              memberships: {
                /** Format: uuid */
                practiceId: string;
                practiceName: string;
                /** @enum {string} */
                role: "owner" | "biller" | "clinician" | "read_only";
              }[];
              isOperator: boolean;
            };
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/auth/logout": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Sign out: ends the session; API tokens stay valid until revoked or expired */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Signed out */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/me": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The signed-in user and the practices they belong to */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description You */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              user: {
                /** Format: uuid */
                id: string;
                email: string;
                name: string;
              };
              memberships: {
                /** Format: uuid */
                practiceId: string;
                practiceName: string;
                /** @enum {string} */
                role: "owner" | "biller" | "clinician" | "read_only";
              }[];
              isOperator: boolean;
            };
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/auth/tokens": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Your API tokens, newest first, with their status (never their secrets) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Your tokens */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              data: components["schemas"]["ApiToken"][];
            };
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    put?: never;
    /** Create an API token for the signed-in user (the secret is shown once; a token cannot make one) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": {
            name: string;
            /** @description days until the token stops working: 1 to 365, 90 when not given */
            expiresInDays?: number;
            /** @description read (GET requests only) or write (all your role allows); read when not given */
            scopes?: ("read" | "write")[];
          };
        };
      };
      responses: {
        /** @description The token */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["CreatedApiToken"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/auth/tokens/{tokenId}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Revoke one of your API tokens; the next request with it is refused */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the token's id */
          tokenId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The revoked token */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ApiToken"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/practices/{practiceId}/members": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The practice's users (name, email, role), by name: who a provider can be linked to */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The members */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["PracticeMemberList"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/practices": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Create a practice; you become its owner (platform operators only, else 403 FORBIDDEN) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": {
            name: string;
            timeZone: string;
            locale?: string;
            address: {
              line1: string;
              line2?: string;
              city: string;
              state: string;
              zip: string;
            };
            taxId: string;
            billingNpi: string;
            taxonomyCode: string;
            phone?: string | null;
            billingContactName?: string | null;
            /** Format: email */
            billingContactEmail?: string | null;
            billingSettings?: {
              defaultAutopay?: boolean;
              autoShareEnabled?: boolean;
              defaultAutoShareDocuments?: boolean;
              /** @enum {string} */
              defaultShareDocumentKinds?: "both" | "bills" | "superbills";
              defaultAutoSuperbills?: boolean;
              shareDelayMinutes?: number;
              superbillDayOfMonth?: number;
              requireSignedNote?: boolean;
              noShowFeeCents?: number | null;
              lateCancelFeeCents?: number | null;
              /** @default 3 */
              autopayMaxAttempts?: number;
              /** @default false */
              invoicesEnabled?: boolean;
            };
          };
        };
      };
      responses: {
        /** @description Created */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["practice"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/practices/{practiceId}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The practice, its time zone and billing settings */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The practice */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["practice"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Update the practice's identity, address and time zone */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": {
            name?: string;
            timeZone?: string;
            locale?: string;
            address?: {
              line1: string;
              line2?: string;
              city: string;
              state: string;
              zip: string;
            };
            taxId?: string;
            billingNpi?: string;
            taxonomyCode?: string;
            phone?: string | null;
            billingContactName?: string | null;
            /** Format: email */
            billingContactEmail?: string | null;
            version: number;
          };
        };
      };
      responses: {
        /** @description Updated */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["practice"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    trace?: never;
  };
  "/api/v1/practices/{practiceId}/billing-settings": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Change billing settings (defaults apply to clients created afterwards: the answer counts the existing clients left alone, and warns of a share delay under 60 minutes while autopay is on) */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": {
            defaultAutopay?: boolean;
            autoShareEnabled?: boolean;
            defaultAutoShareDocuments?: boolean;
            /** @enum {string} */
            defaultShareDocumentKinds?: "both" | "bills" | "superbills";
            defaultAutoSuperbills?: boolean;
            shareDelayMinutes?: number;
            superbillDayOfMonth?: number;
            requireSignedNote?: boolean;
            noShowFeeCents?: number | null;
            lateCancelFeeCents?: number | null;
            autopayMaxAttempts?: number;
            invoicesEnabled?: boolean;
            version: number;
          };
        };
      };
      responses: {
        /** @description Updated, with warnings and what the change leaves alone */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["billingSettingsChange"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    trace?: never;
  };
  "/api/v1/practices/{practiceId}/audit": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The audit trail: who read or changed what, when */
    get: {
      parameters: {
        query?: {
          limit?: number;
          cursor?: number | null;
          entityId?: string;
        };
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Audit rows, oldest first */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["AuditEntryPage"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/practices/{practiceId}/appointments/{id}/status": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Change an appointment's status (Upcoming → Kept, No Show, Late Cancel, Canceled) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": {
            /** @enum {string} */
            status: "upcoming" | "kept" | "no_show" | "late_cancel" | "canceled";
            version?: number;
          };
        };
      };
      responses: {
        /** @description The appointment with its new status */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["AppointmentRow"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/practices/{practiceId}/automation/{automation}/run-now": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Bill now: queue today's Invoice Creation or Invoice Processing run at once (recorded as a manual run; runs even when the nightly automation is off) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
          automation: "invoice_creation" | "invoice_processing";
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The queued run */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["AutomationRun"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/practices/{practiceId}/appointments/{id}/invoice": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Invoice one session now, by hand (exclusion rules do not hold it; the billing rules still apply: NOT_BILLABLE lists the reasons with their fixes) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The invoice the session is on */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["InvoicedSession"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/practices/{practiceId}/clients/{id}/autopay-explanation": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Why wasn't this client's bill charged by autopay, its attempts, and what happens next */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The explanation */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["autopayExplanation"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/practices/{practiceId}/invoices/{id}/autopay-explanation": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Why wasn't this invoice's bill charged by autopay, its attempts, and what happens next */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The explanation */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["autopayExplanation"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/practices/{practiceId}/automation": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Automation settings, with each automation's explanation, next run and exclusion rules in words */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Settings */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["AutomationSettings"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    /** Save automation settings (whole document; version 0 on first save) */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": {
            config: {
              /** @enum {string} */
              cadence: "staggered" | "same_night";
              /** @enum {string} */
              invoiceCreationMode: "nightly" | "monthly" | "manual" | "on_kept";
              automations: {
                claims_submission: {
                  enabled: boolean;
                  runTime: string;
                  startDate: string | null;
                  rules: {
                    id: string;
                    name: string;
                    conditions: {
                      /** @enum {string} */
                      field:
                        | "primary_payer"
                        | "provider"
                        | "service_code"
                        | "client_pays_by"
                        | "appointment_date"
                        | "progress_note_signed"
                        | "location"
                        | "amount"
                        | "claim_level"
                        | "invoice_date";
                      /** @enum {string} */
                      operator: "equals" | "not_equals" | "in" | "not_in" | "between" | "is_empty";
                      values: string[];
                    }[];
                  }[];
                };
                invoice_processing: {
                  enabled: boolean;
                  runTime: string;
                  startDate: string | null;
                  rules: {
                    id: string;
                    name: string;
                    conditions: {
                      /** @enum {string} */
                      field:
                        | "primary_payer"
                        | "provider"
                        | "service_code"
                        | "client_pays_by"
                        | "appointment_date"
                        | "progress_note_signed"
                        | "location"
                        | "amount"
                        | "claim_level"
                        | "invoice_date";
                      /** @enum {string} */
                      operator: "equals" | "not_equals" | "in" | "not_in" | "between" | "is_empty";
                      values: string[];
                    }[];
                  }[];
                };
                invoice_creation: {
                  enabled: boolean;
                  runTime: string;
                  startDate: string | null;
                  rules: {
                    id: string;
                    name: string;
                    conditions: {
                      /** @enum {string} */
                      field:
                        | "primary_payer"
                        | "provider"
                        | "service_code"
                        | "client_pays_by"
                        | "appointment_date"
                        | "progress_note_signed"
                        | "location"
                        | "amount"
                        | "claim_level"
                        | "invoice_date";
                      /** @enum {string} */
                      operator: "equals" | "not_equals" | "in" | "not_in" | "between" | "is_empty";
                      values: string[];
                    }[];
                  }[];
                };
                era_processing: {
                  enabled: boolean;
                  runTime: string;
                  startDate: string | null;
                  rules: {
                    id: string;
                    name: string;
                    conditions: {
                      /** @enum {string} */
                      field:
                        | "primary_payer"
                        | "provider"
                        | "service_code"
                        | "client_pays_by"
                        | "appointment_date"
                        | "progress_note_signed"
                        | "location"
                        | "amount"
                        | "claim_level"
                        | "invoice_date";
                      /** @enum {string} */
                      operator: "equals" | "not_equals" | "in" | "not_in" | "between" | "is_empty";
                      values: string[];
                    }[];
                  }[];
                };
                /**
                 * @default {
                 *       "enabled": false,
                 *       "runTime": "00:30",
                 *       "startDate": null,
                 *       "rules": []
                 *     }
                 */
                autopay?: {
                  enabled: boolean;
                  runTime: string;
                  startDate: string | null;
                  rules: {
                    id: string;
                    name: string;
                    conditions: {
                      /** @enum {string} */
                      field:
                        | "primary_payer"
                        | "provider"
                        | "service_code"
                        | "client_pays_by"
                        | "appointment_date"
                        | "progress_note_signed"
                        | "location"
                        | "amount"
                        | "claim_level"
                        | "invoice_date";
                      /** @enum {string} */
                      operator: "equals" | "not_equals" | "in" | "not_in" | "between" | "is_empty";
                      values: string[];
                    }[];
                  }[];
                };
                superbills: {
                  enabled: boolean;
                  runTime: string;
                  startDate: string | null;
                  rules: {
                    id: string;
                    name: string;
                    conditions: {
                      /** @enum {string} */
                      field:
                        | "primary_payer"
                        | "provider"
                        | "service_code"
                        | "client_pays_by"
                        | "appointment_date"
                        | "progress_note_signed"
                        | "location"
                        | "amount"
                        | "claim_level"
                        | "invoice_date";
                      /** @enum {string} */
                      operator: "equals" | "not_equals" | "in" | "not_in" | "between" | "is_empty";
                      values: string[];
                    }[];
                  }[];
                };
              };
            };
            version: number;
          };
        };
      };
      responses: {
        /** @description Saved */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["AutomationSettings"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/practices/{practiceId}/appointments/{id}/billing-explanation": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Why wasn't this session billed, and what will happen tonight? */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The explanation */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["BillingExplanation"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/practices/{practiceId}/appointment-billing-states": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Many sessions' billing state at once (a list page, a calendar week): billed with its invoice, or why not */
    get: {
      parameters: {
        query?: {
          /** @description the sessions' ids, comma-separated (at most 200); none: an empty list */
          ids?: string;
        };
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description One state per session found */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["BillingStateList"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/practices/{practiceId}/automation/{automation}/preview": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** What the next run of an automation would do, without doing it */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
          automation:
            | "claims_submission"
            | "invoice_processing"
            | "invoice_creation"
            | "era_processing"
            | "autopay"
            | "superbills";
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The preview */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["AutomationPreview"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/practices/{practiceId}/automation-runs": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Run history, newest first: local date, lateness, counts, duration */
    get: {
      parameters: {
        query?: {
          limit?: number;
          cursor?: string;
          automation?:
            | "claims_submission"
            | "invoice_processing"
            | "invoice_creation"
            | "era_processing"
            | "autopay"
            | "superbills";
        };
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Runs */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["AutomationRunPage"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/practices/{practiceId}/automation-runs/{id}/outcomes": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** What one run did with each item, filterable by reason code */
    get: {
      parameters: {
        query?: {
          limit?: number;
          cursor?: string;
          reason?: string;
        };
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Outcomes */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["RunOutcomePage"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/practices/{practiceId}/invoices/open": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Open reviewed Pended invoices (all or none) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": {
            invoiceIds: string[];
          };
        };
      };
      responses: {
        /** @description Opened */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["OpenedInvoices"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/practices/{practiceId}/invoices/{id}/void": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Void an invoice: a correction bills its sessions again, a waiver never does (refused with INVOICE_HAS_PAYMENTS while payments are applied to it) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": {
            reason: string;
            /** @enum {string} */
            disposition: "correction" | "waive";
          };
        };
      };
      responses: {
        /** @description Voided */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["InvoiceRow"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/practices/{practiceId}/invoices/{id}/move-payments": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Move the client payments applied to an invoice back to credit on account (before a void) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Moved */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["MovedPayments"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/practices/{practiceId}/invoices/{id}/products": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Add a product (e.g. a card fee) to a Pended invoice */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": {
            /** Format: uuid */
            productId: string;
            /** @default 1 */
            quantity?: number;
          };
        };
      };
      responses: {
        /** @description Updated invoice */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["InvoiceRow"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/practices/{practiceId}/claims-settings": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Scrubber warnings switched off, what to do with adjustment codes without a rule, the clearinghouse connection */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Settings */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ClaimsSettingsView"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    /** Save claims settings (version 0 on first save) */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": {
            settings: components["schemas"]["ClaimsSettings"];
            version: number;
          };
        };
      };
      responses: {
        /** @description Saved */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["SavedClaimsSettings"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/practices/{practiceId}/claims/counts": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** How many claims the practice has in each status (every status, zero included) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Claims per status */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ClaimCounts"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/practices/{practiceId}/claims/{id}/rescrub": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Scrub a claim again after fixing its data; a claim that now passes goes back to Awaiting Submission */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The scrub result */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ScrubResult"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/practices/{practiceId}/claims/{id}/follow-up": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Act on a denied or rejected claim: replace (7) or void at the payer (8) with REF*F8, resubmit unchanged, write off, or bill the client (PAYER_CLAIM_NUMBER_MISSING for a 7/8 of a claim the payer never numbered) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": components["schemas"]["ClaimFollowUp"];
        };
      };
      responses: {
        /** @description Done */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ClaimFollowUpResult"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/practices/{practiceId}/denials": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The denials queue: denied or rejected claims not yet acted on, with CARC/RARC codes in words */
    get: {
      parameters: {
        query?: {
          limit?: number;
          cursor?: string;
        };
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Denied and rejected claims */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["DeniedClaimList"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/practices/{practiceId}/claims/submit": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Run Claims Submission now, recorded as a manual run (dryRun: scrub and build the 837P without storing or sending, and list the claims held and why; sendHeld: send the claims resting their day and those an exclusion rule holds too) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": {
            /** @default false */
            dryRun?: boolean;
            /** @default false */
            sendHeld?: boolean;
          };
        };
      };
      responses: {
        /** @description What was submitted */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["SubmitResult"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/practices/{practiceId}/inbound-files": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Upload an 835, 999 or 277CA file; it is stored and processed like one picked up from the clearinghouse */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": {
            name: string;
            content: string;
          };
        };
      };
      responses: {
        /** @description What the file did */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["InboundResult"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/practices/{practiceId}/remittances/{id}/claims": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A remittance's claims in file order, with their postings, a page at a time (after: a position) */
    get: {
      parameters: {
        query?: {
          limit?: number;
          after?: number | null;
        };
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Claims */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["RemittanceClaimsPage"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/practices/{practiceId}/files": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Files sent (837P) and received (999, 277CA, 835), newest first */
    get: {
      parameters: {
        query?: {
          limit?: number;
          cursor?: string;
          direction?: "outbound" | "inbound";
        };
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Files */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ClearinghouseFilePage"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/practices/{practiceId}/files/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One file with its X12 content */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The file */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ClearinghouseFile"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/practices/{practiceId}/files/{id}/content": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A file's original bytes: an inbound file as received, an 837P as sent */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The file */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/octet-stream": string;
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/practices/{practiceId}/work-queue": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Remittances and claims that need a person: unbalanced, unmatched, blocked codes */
    get: {
      parameters: {
        query?: {
          status?: "open" | "resolved" | "dismissed";
          limit?: number;
          cursor?: string;
        };
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Items */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["WorkQueueItemPage"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/practices/{practiceId}/work-queue/{id}/resolve": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Dismiss a work item, post it now, or match it to a claim and post */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json":
            | {
                /** @enum {string} */
                action: "dismiss";
                reason: string;
              }
            | {
                /** @enum {string} */
                action: "post";
              }
            | {
                /** @enum {string} */
                action: "match";
                /** Format: uuid */
                claimId: string;
              };
        };
      };
      responses: {
        /** @description Resolved */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["WorkItemResolution"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/practices/{practiceId}/clients/{clientId}/balance": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A client's balance, open client responsibility per invoice and credit on account */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
          /** @description the client */
          clientId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Balance */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ClientBalance"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/practices/{practiceId}/clients/{clientId}/ledger": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A client's ledger, newest first, each entry with the balance after it */
    get: {
      parameters: {
        query?: {
          limit?: number;
          cursor?: string;
        };
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
          /** @description the client */
          clientId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Ledger entries */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["LedgerPage"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/practices/{practiceId}/clients/{clientId}/payments": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A client's payments, newest first, with what is applied, refunded and unapplied of each */
    get: {
      parameters: {
        query?: {
          limit?: number;
          cursor?: string;
        };
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
          /** @description the client */
          clientId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Payments */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ClientPaymentList"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    put?: never;
    /** Record a payment by hand (cash, check, a card run elsewhere), applied oldest first or to chosen invoices */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description unique per payment: a retry with the same key records nothing new and answers the first */
          "idempotency-key"?: string;
        };
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
          /** @description the client */
          clientId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": components["schemas"]["RecordPayment"];
        };
      };
      responses: {
        /** @description Recorded before under this Idempotency-Key: nothing new written */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["RecordedPayment"];
          };
        };
        /** @description Recorded */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["RecordedPayment"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/practices/{practiceId}/clients/{clientId}/payments/{paymentId}/refunds": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Refund a payment in part or whole (never more than what remains of it) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
          /** @description the client */
          clientId: string;
          paymentId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": components["schemas"]["RefundPayment"];
        };
      };
      responses: {
        /** @description Refunded */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["RecordedRefund"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/practices/{practiceId}/clients/{clientId}/write-offs": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Write off or adjust client responsibility on one invoice, with a reason */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
          /** @description the client */
          clientId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": components["schemas"]["WriteOffClientBalance"];
        };
      };
      responses: {
        /** @description Written off */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["RecordedWriteOff"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/practices/{practiceId}/clients/{clientId}/statement": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A client statement for a date range: balance forward, activity, ending balance, amount due */
    get: {
      parameters: {
        query?: {
          /** @description practice-local date; the first of `to`'s month when omitted */
          from?: string;
          /** @description practice-local date; today when omitted */
          to?: string;
        };
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
          /** @description the client */
          clientId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Statement */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["ClientStatement"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/practices/{practiceId}/employer-billing/batches": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Batch history, newest first (optionally the batches with an employer's invoices) */
    get: {
      parameters: {
        query?: {
          employerId?: string;
          limit?: number;
          cursor?: number;
        };
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Batches */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["EmployerBatchList"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    put?: never;
    /** Create On-Demand Batch: one invoice per employer (the employer, or each of the group's) with every encounter billed to it in the optional DOS and post-date ranges that is not invoiced yet (422 NOTHING_TO_INVOICE when none: nothing is created) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": components["schemas"]["CreateEmployerBatchBody"];
        };
      };
      responses: {
        /** @description Created */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["EmployerBatchDetail"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/practices/{practiceId}/employer-billing/batches/{batchNumber}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A batch by its number (the navigation search's `stb 1042`) with its invoices */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
          /** @description the batch number (stb 1042) */
          batchNumber: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The batch */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["EmployerBatchDetail"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/practices/{practiceId}/employer-billing/batches/{batchNumber}/rebatch": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Re-batch: each invoice again as INV-1042-2, -3…, the same encounters, its amount due net of payments and credits since (listed) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
          /** @description the batch number (stb 1042) */
          batchNumber: number;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": {
            note?: string;
          };
        };
      };
      responses: {
        /** @description Created */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["EmployerBatchDetail"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/practices/{practiceId}/employer-billing/invoices": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Invoice History: invoices, re-batches and credit memos, newest first; status Open (default), Paid or All; search contains any part of the invoice id (%, _ match literally) */
    get: {
      parameters: {
        query?: {
          employerId?: string;
          /** @description Open (default: open or partially paid), Paid, or All */
          status?: "open" | "paid" | "all";
          search?: string;
          limit?: number;
          cursor?: string;
        };
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Invoices */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["EmployerInvoiceHistory"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/practices/{practiceId}/employer-billing/invoices/printed": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Mark invoices printed (delivered by post) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": {
            invoiceIds: string[];
          };
        };
      };
      responses: {
        /** @description Marked */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["EmployerInvoiceDelivery"][];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/practices/{practiceId}/employer-billing/invoices/{invoiceId}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** An invoice with its encounter lines (the batch items screen) and the payments and credits on it */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
          /** @description the employer invoice */
          invoiceId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The invoice */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["EmployerInvoiceDetail"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/practices/{practiceId}/employer-billing/invoices/{invoiceId}/pdf": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The invoice's PDF exactly as issued */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
          /** @description the employer invoice */
          invoiceId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The PDF */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/pdf": string;
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/practices/{practiceId}/employer-billing/invoices/{invoiceId}/credit-memos": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Credit memo: a negative invoice crediting the chosen encounters of this invoice (never edited); they become billable again, to rebillTo when given */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
          /** @description the employer invoice */
          invoiceId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": components["schemas"]["CreditMemoBody"];
        };
      };
      responses: {
        /** @description The credit memo */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["EmployerInvoiceDetail"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/practices/{practiceId}/employer-billing/invoices/{invoiceId}/void": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Void an Open invoice with nothing paid or credited; its encounters are released */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
          /** @description the employer invoice */
          invoiceId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": components["schemas"]["VoidEmployerInvoiceBody"];
        };
      };
      responses: {
        /** @description Voided */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["EmployerInvoiceDetail"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/practices/{practiceId}/employer-billing/invoices/{invoiceId}/email": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Email the invoice's PDF to the employer's billing contact */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
          /** @description the employer invoice */
          invoiceId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Sent */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["EmployerInvoiceDelivery"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/practices/{practiceId}/employer-billing/employers/{employerId}/dashboard": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The employer dashboard: billed, paid, credited, open, unapplied, and the open amount by age */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
          /** @description the employer */
          employerId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Dashboard */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["EmployerDashboard"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/practices/{practiceId}/employer-billing/employers/{employerId}/receipts": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** An employer's receipts, newest first, with their applications and what is unapplied */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
          /** @description the employer */
          employerId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Receipts */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["EmployerReceiptList"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/practices/{practiceId}/employer-billing/receipts": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Record an employer's check or EFT as a receipt and apply it across invoices or encounters; the rest stays as the employer's credit */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": components["schemas"]["RecordReceiptBody"];
        };
      };
      responses: {
        /** @description Recorded */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["EmployerReceipt"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/practices/{practiceId}/employer-billing/receipts/{receiptId}/applications": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Apply more of a receipt to invoices or their encounters */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
          /** @description the receipt */
          receiptId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": components["schemas"]["ApplyReceiptBody"];
        };
      };
      responses: {
        /** @description Applied */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["EmployerReceipt"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/practices/{practiceId}/employer-billing/receipts/{receiptId}/reverse": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Reverse a receipt: every application undone (appended negatives), statuses follow */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
          /** @description the receipt */
          receiptId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": components["schemas"]["ReverseReceiptBody"];
        };
      };
      responses: {
        /** @description Reversed */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["EmployerReceipt"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/practices/{practiceId}/employer-billing/invoice-profile": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The invoice profile that applies to the practice, or to one employer (its own, else the practice's) */
    get: {
      parameters: {
        query?: {
          employerId?: string;
        };
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Profile */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["InvoiceProfile"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    /** Save the practice's invoice profile, or one employer's (version: the one read, 0 for a first save) */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": {
            /**
             * Format: uuid
             * @default null
             */
            employerId?: string | null;
            profile: components["schemas"]["InvoiceProfileBody"];
            version: number;
          };
        };
      };
      responses: {
        /** @description Saved */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["InvoiceProfile"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/practices/{practiceId}/employer-billing/navigate": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The navigation search: `stb` opens the batch history, `stb 1042` batch 1042 (404 when no such batch) */
    get: {
      parameters: {
        query?: {
          q?: string;
        };
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Where to go */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["EmployerBillingNavigation"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/practices/{practiceId}/stripe-settings": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The practice's Stripe account: publishable key, whether the secrets are set (never the secrets) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Settings */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["StripeSettingsAnswer"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    /** Save the practice's Stripe keys (encrypted at rest; version 0 on first save) */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": {
            /** @description the publishable key Stripe's card element is loaded with (stored encrypted) */
            publishableKey: string;
            /** @description required on the first save; omit to keep the stored one */
            secretKey?: string;
            /** @description required on the first save; omit to keep the stored one */
            webhookSecret?: string;
            /** @description only to point at a local Stripe fake (demo, tests): scheme, host and port, e.g. http://127.0.0.1:12111. Refused in production unless it is https://api.stripe.com */
            apiBaseUrl?: string | null;
            /** @description the version read (0 before the first save) */
            version: number;
          };
        };
      };
      responses: {
        /** @description Saved */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["StripeSettingsAnswer"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/practices/{practiceId}/clients/{id}/cards": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The client's saved cards (brand, last 4, expiry, default, expired by the practice's date) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
          /** @description the client id */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Cards */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              cards: components["schemas"]["ClientCard"][];
            };
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/practices/{practiceId}/clients/{id}/cards/setup": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Start saving a card: a SetupIntent client secret and the publishable key for Stripe's card element (the card number goes to Stripe, never to billcycle) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
          /** @description the client id */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Setup started */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["CardSetup"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/practices/{practiceId}/clients/{id}/cards/refresh": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Read the client's cards from Stripe again (after the card element saved one) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
          /** @description the client id */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Cards */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              cards: components["schemas"]["ClientCard"][];
            };
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/practices/{practiceId}/clients/{id}/default-card": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Make one saved card the client's default (the card autopay charges) */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
          /** @description the client id */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": {
            cardId: string;
          };
        };
      };
      responses: {
        /** @description Cards */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              cards: components["schemas"]["ClientCard"][];
            };
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/practices/{practiceId}/clients/{id}/cards/{cardId}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Remove a saved card (detached at Stripe, so it can never be charged again) */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
          /** @description the client id */
          id: string;
          /** @description the saved card id */
          cardId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Cards left */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              cards: components["schemas"]["ClientCard"][];
            };
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/practices/{practiceId}/clients/{id}/card-charges": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The client's card charges, newest first, with Stripe's decline reason where declined */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
          /** @description the client id */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Charges */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              charges: components["schemas"]["CardCharge"][];
            };
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    put?: never;
    /** Charge the client's default card now (a manual charge), applied to chosen invoices or oldest first. A decline is a 200 with status declined and Stripe's reason; status unknown means Stripe did not answer and will be asked, never charged again */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
          /** @description the client id */
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": {
            amountCents: number;
            /** @description made once per payment the person means to take (e.g. a UUID): a retried request never charges twice */
            idempotencyKey: string;
            /** @description the client's open invoices this payment pays (each amount within what is open on it; without one, what is left up to it); oldest first when omitted. What no invoice takes is credit on account */
            apply?:
              | {
                  /** @enum {string} */
                  kind: "oldest_first";
                }
              | {
                  /** @enum {string} */
                  kind: "chosen";
                  invoices: {
                    /** Format: uuid */
                    invoiceId: string;
                    amountCents?: number;
                  }[];
                };
          };
        };
      };
      responses: {
        /** @description The charge */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              charge: components["schemas"]["CardCharge"];
              existing: boolean;
            };
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/practices/{practiceId}/card-charges/{chargeId}/refunds": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Refund a card charge in part or whole (never more than was charged) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
          /** @description the card charge id */
          chargeId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": {
            /** @description omitted: all that is not refunded yet */
            amountCents?: number;
            /** @description made once per refund the person means to give: a retried request never refunds twice */
            idempotencyKey: string;
            reason?: string;
          };
        };
      };
      responses: {
        /** @description The refund */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["CardRefund"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/webhooks/stripe/{practiceId}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Stripe webhook endpoint of one practice (signature verified, 5-minute tolerance, each event id once). Handles payment_intent.succeeded, payment_intent.payment_failed, charge.refunded, setup_intent.succeeded */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Acknowledged */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["StripeWebhookReceipt"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/practices/{practiceId}/invoices/{id}/sharing": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Why wasn't this bill shared? Its share's state and reasons, and what would be decided now */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The share's state and reasons */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["shareExplanation"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/practices/{practiceId}/documents/{id}/sharing": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Why wasn't this document shared? Its share's state and reasons, and what would be decided now */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The share's state and reasons */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["shareExplanation"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/practices/{practiceId}/document-shares": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Automatic shares, newest first: scheduled, sent, skipped (with every reason) or failed */
    get: {
      parameters: {
        query?: {
          clientId?: string;
          invoiceId?: string;
          documentId?: string;
          status?: "scheduled" | "sent" | "skipped" | "failed";
          limit?: number;
          cursor?: string;
        };
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description A page of shares */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["documentSharePage"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/practices/{practiceId}/document-shares/{shareId}/retry": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Try a failed share again now (409 ILLEGAL_TRANSITION unless it is failed) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
          shareId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The share, scheduled again */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["documentShare"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/practices/{practiceId}/clients/{id}/sharing": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Why aren't documents shared with this client? The deciding settings, per kind, and recent shares */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The client's sharing */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["clientSharing"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/shared-documents/{token}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The document behind a shared link (no session): 404 SHARE_LINK_INVALID when altered, 410 SHARE_LINK_EXPIRED after its expiry, 410 DOCUMENT_VOID once withdrawn. Every view is audited */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the signed token of a shared link (/d/<token>) */
          token: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The shared document */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["sharedDocument"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/shared-documents/{token}/pdf": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The PDF behind a shared link (no session), as a download; refused as the document route is */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the signed token of a shared link (/d/<token>) */
          token: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The PDF */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/pdf": string;
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/practices/{practiceId}/outreach/rule-sets": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The practice's outreach rule sets (ordered steps: day offset, channel, template, send window) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Rule sets, by name */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["outreachRuleSet"][];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    put?: never;
    /** Create a rule set (400 INVALID_RULE_SET: no steps, two steps on one day and channel; 400 UNKNOWN_PLACEHOLDER: a template naming anything but {first_name} {amount} {practice_name} {pay_link} {practice_phone}) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": components["schemas"]["outreachRuleSetInput"];
        };
      };
      responses: {
        /** @description The rule set */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["outreachRuleSet"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/practices/{practiceId}/outreach/rule-sets/{ruleSetId}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Replace a rule set's name, default flag and steps (sets using it continue at their step index) */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
          ruleSetId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": components["schemas"]["outreachRuleSetInput"];
        };
      };
      responses: {
        /** @description The rule set */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["outreachRuleSet"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/practices/{practiceId}/outreach/settings": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Outreach on or off, and after how many days outstanding a set starts by itself */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Settings */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["outreachSettings"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    /** Change the outreach settings */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": components["schemas"]["outreachSettings"];
        };
      };
      responses: {
        /** @description Settings */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["outreachSettings"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/practices/{practiceId}/outreach/sets": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Invoice sets, newest first, every filter combinable: search (patient name, phone, id), status (comma-separated), amount range, created range, next send range, rule set */
    get: {
      parameters: {
        query?: {
          /** @description patient name, phone number, or set/patient id */
          search?: string;
          /** @description comma-separated statuses */
          status?: (
            | "active"
            | "paused"
            | "expired"
            | "failed"
            | "will_fail"
            | "paid"
            | "cancelled"
            | "written_off"
            | "collections"
          )[];
          minAmountCents?: number | null;
          maxAmountCents?: number | null;
          createdFrom?: string;
          createdTo?: string;
          nextSendFrom?: string;
          nextSendTo?: string;
          ruleSetId?: string;
          limit?: number;
          cursor?: string;
        };
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description A page of invoice sets */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["outreachSetPage"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    put?: never;
    /** Start an invoice set by hand for a patient with an outstanding balance (409 CONFLICT: one is already open, nothing outstanding, or no default rule set) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": {
            /** Format: uuid */
            clientId: string;
            /**
             * Format: uuid
             * @description the practice's default rule set when omitted
             */
            ruleSetId?: string;
          };
        };
      };
      responses: {
        /** @description The new set */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["outreachSet"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/practices/{practiceId}/outreach/metrics": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The four metric cards: how many sets of the practice are Failed, Expired, Paused and Will Fail */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Counts */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["outreachMetrics"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/practices/{practiceId}/outreach/sets/{setId}/timeline": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The Invoice Timeline: every message (channel, text, delivery status), reply, payment and status change */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
          setId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The set and its events */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["outreachTimeline"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/practices/{practiceId}/outreach/sets/{setId}/actions": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Write Off, Send to Collections, Change Rule Set, Pause, Resume or Cancel one set (409 ACTION_NOT_ALLOWED when its status does not allow it; nothing is written) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
          setId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": components["schemas"]["outreachActionInput"];
        };
      };
      responses: {
        /** @description The set as it now is */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["outreachSet"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/practices/{practiceId}/outreach/bulk-actions": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** The same action on many sets: each set gets it when its status allows; the answer counts those done and lists the skipped with their code and reason */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": components["schemas"]["bulkOutreachActionInput"];
        };
      };
      responses: {
        /** @description Done and skipped */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["bulkOutreachResult"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/practices/{practiceId}/outreach/collections.csv": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The sets sent to collections, as a CSV for the agency (optionally those sent since an instant) */
    get: {
      parameters: {
        query?: {
          since?: string;
        };
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description CSV, one row per set */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "text/csv": string;
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/pay/{token}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The payment page behind a pay link (no session): the amount outstanding now and the card on file. 404 PAY_LINK_INVALID when altered, 410 PAY_LINK_EXPIRED after its expiry */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the signed token of a pay link */
          token: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description What the patient owes */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["outreachPayPage"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    put?: never;
    /** Pay by card on file from a pay link (one charge per idempotency key; never more than outstanding). The payment lowers the amount at once and makes the set Paid at zero */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the signed token of a pay link */
          token: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": {
            /** @description all that is outstanding when omitted */
            amountCents?: number;
            idempotencyKey: string;
          };
        };
      };
      responses: {
        /** @description The charge */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["outreachPayResult"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/webhooks/twilio/{practiceId}/status": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Twilio message status callback (X-Twilio-Signature verified, 400 INVALID_SIGNATURE otherwise; the same report twice is one). undelivered/failed make the set Failed */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Acknowledged */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              recorded: boolean;
            };
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/webhooks/twilio/{practiceId}/inbound": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Twilio inbound message (signature verified): on the timeline; STOP/START change the SMS preference; HELP answers (TwiML) with the practice's contact */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description TwiML */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "text/xml": string;
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/practices/{practiceId}/clients/{id}/documents": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A client's bills, superbills and statements, every version, newest first */
    get: {
      parameters: {
        query?: {
          kind?: "invoice" | "superbill" | "statement";
          limit?: number;
          cursor?: string;
        };
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Documents */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["DocumentPage"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/practices/{practiceId}/documents/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One document (bill, superbill or statement): what it is, its version and status, its PDF's hash */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The document */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Document"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/practices/{practiceId}/documents/{id}/pdf": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The document's PDF exactly as issued (its SHA-256 is the document's pdfSha256) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The PDF */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/pdf": string;
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/practices/{practiceId}/documents/{id}/void": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Void a document (once): it stays as issued and is never shared; a voided superbill frees its services */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": {
            reason: string;
          };
        };
      };
      responses: {
        /** @description The voided document */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Document"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/practices/{practiceId}/invoices/{id}/bill": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** The invoice's bill as it stands now: the latest version when nothing changed, else a new version naming it */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The bill */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["IssuedBill"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/practices/{practiceId}/clients/{id}/superbills": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** A superbill of the client's insurance-eligible services of kept sessions from `from` to `to` not yet on one (409 CONFLICT with details.reason NOTHING_ELIGIBLE or ALREADY_ON_SUPERBILL when there are none) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": {
            from: string;
            to: string;
          };
        };
      };
      responses: {
        /** @description The superbill */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Document"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/practices/{practiceId}/clients/{id}/statements": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** A statement for the client: balance forward, activity from `from` to `to`, amount due */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": {
            from: string;
            to: string;
          };
        };
      };
      responses: {
        /** @description The statement */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Document"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/practices/{practiceId}/appointments/{id}/note/sign": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Sign the session's progress note as its author (the session's provider's user) or a supervisor (clinical:supervise); another clinician: 403 NOT_NOTE_AUTHOR; a role without clinical:write (a biller, who sends a signature request instead): 403 FORBIDDEN. Writes the note when there is none. */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The signed note */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["SignedProgressNote"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/practices/{practiceId}/appointments/{id}/note/signature-request": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Ask the session's provider to sign its note (shown on their Sessions screen until signed); asking again answers the first request */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": {
            message?: string | null;
          };
        };
      };
      responses: {
        /** @description The request */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["NoteSignatureRequestCreated"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/practices/{practiceId}/note-signature-requests": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Open requests to sign a note: mine=true those for the providers linked to you; else by session */
    get: {
      parameters: {
        query?: {
          mine?: "true" | "false";
          appointmentId?: string;
        };
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Open requests */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["NoteSignatureRequestList"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/practices/{practiceId}/locations": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List locations */
    get: {
      parameters: {
        query?: {
          limit?: number;
          /** @description nextCursor of the previous page (same filters and sort) */
          cursor?: string;
          /** @description true: also count every record the filters match (`total`) */
          withTotal?: "true" | "false";
          /** @description only active (true) or inactive (false) records */
          active?: string;
        };
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description A page (oldest first unless sorted); pass nextCursor as cursor for the next page */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              data: components["schemas"]["location"][];
              nextCursor: string | null;
              /** @description records matching the filters (withTotal=true) */
              total?: number;
            };
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    put?: never;
    /** Create a location */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": {
            name: string;
            placeOfServiceCode: string;
            address: {
              line1: string;
              line2?: string;
              city: string;
              state: string;
              zip: string;
            };
            active?: boolean;
          };
        };
      };
      responses: {
        /** @description Created */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["location"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/practices/{practiceId}/locations/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get one location */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The record */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["location"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    /** Delete a location */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Deleted */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    options?: never;
    head?: never;
    /** Update a location */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": {
            name?: string;
            placeOfServiceCode?: string;
            address?: {
              line1: string;
              line2?: string;
              city: string;
              state: string;
              zip: string;
            };
            active?: boolean;
            /** @description the version you read (optimistic concurrency) */
            version: number;
          };
        };
      };
      responses: {
        /** @description Updated */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["location"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    trace?: never;
  };
  "/api/v1/practices/{practiceId}/providers": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List providers */
    get: {
      parameters: {
        query?: {
          limit?: number;
          /** @description nextCursor of the previous page (same filters and sort) */
          cursor?: string;
          /** @description true: also count every record the filters match (`total`) */
          withTotal?: "true" | "false";
          /** @description only active (true) or inactive (false) records */
          active?: string;
        };
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description A page (oldest first unless sorted); pass nextCursor as cursor for the next page */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              data: components["schemas"]["provider"][];
              nextCursor: string | null;
              /** @description records matching the filters (withTotal=true) */
              total?: number;
            };
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    put?: never;
    /** Create a provider */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": {
            firstName: string;
            lastName: string;
            npi: string;
            taxonomyCode: string;
            credentials?: string | null;
            /** Format: email */
            email?: string | null;
            active?: boolean;
            /**
             * Format: uuid
             * @description the practice member who is this provider: signs the provider's notes, sees their signature requests
             */
            userId?: string | null;
          };
        };
      };
      responses: {
        /** @description Created */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["provider"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/practices/{practiceId}/providers/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get one provider */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The record */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["provider"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    /** Delete a provider */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Deleted */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    options?: never;
    head?: never;
    /** Update a provider */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": {
            firstName?: string;
            lastName?: string;
            npi?: string;
            taxonomyCode?: string;
            credentials?: string | null;
            /** Format: email */
            email?: string | null;
            active?: boolean;
            /**
             * Format: uuid
             * @description the practice member who is this provider: signs the provider's notes, sees their signature requests
             */
            userId?: string | null;
            /** @description the version you read (optimistic concurrency) */
            version: number;
          };
        };
      };
      responses: {
        /** @description Updated */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["provider"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    trace?: never;
  };
  "/api/v1/practices/{practiceId}/clients": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List clients */
    get: {
      parameters: {
        query?: {
          limit?: number;
          /** @description nextCursor of the previous page (same filters and sort) */
          cursor?: string;
          /** @description order by this field, descending with a leading -; ties by id (default: id order) */
          sort?: "lastName" | "dateOfBirth" | "-lastName" | "-dateOfBirth";
          /** @description true: also count every record the filters match (`total`) */
          withTotal?: "true" | "false";
          /** @description client name containing this text (First Last or Last, First) */
          search?: string;
          /** @description date of birth (YYYY-MM-DD) */
          dateOfBirth?: string;
          /** @description exact last name */
          lastName?: string;
          /** @description insurance or self-pay */
          paysBy?: "insurance" | "self_pay";
          /** @description active clients */
          active?: string;
        };
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description A page (oldest first unless sorted); pass nextCursor as cursor for the next page */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              data: components["schemas"]["client"][];
              nextCursor: string | null;
              /** @description records matching the filters (withTotal=true) */
              total?: number;
            };
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    put?: never;
    /** Create a client */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": {
            firstName: string;
            lastName: string;
            dateOfBirth: string;
            /** @enum {string} */
            sex: "F" | "M" | "U";
            /** Format: email */
            email?: string | null;
            phone?: string | null;
            address?: {
              line1: string;
              line2?: string;
              city: string;
              state: string;
              zip: string;
            } | null;
            timeZone?: string | null;
            emailOptIn?: boolean;
            smsOptIn?: boolean;
            guarantor?: {
              firstName: string;
              lastName: string;
              /** @enum {string} */
              relationship: "self" | "parent" | "spouse" | "guardian" | "other";
              /** Format: email */
              email?: string;
              phone?: string;
              address?: {
                line1: string;
                line2?: string;
                city: string;
                state: string;
                zip: string;
              };
            } | null;
            /** @enum {string} */
            paysBy: "insurance" | "self_pay";
            autopay?: boolean;
            autoShareDocuments?: boolean;
            /** @enum {string} */
            shareDocumentKinds?: "both" | "bills" | "superbills";
            autoSuperbills?: boolean;
            /** Format: uuid */
            employerId?: string | null;
            /** @enum {string|null} */
            billTo?: "employer" | "insurance" | "client" | null;
            active?: boolean;
          };
        };
      };
      responses: {
        /** @description Created */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["client"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/practices/{practiceId}/clients/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get one client */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The record */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["client"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    /** Delete a client */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Deleted */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    options?: never;
    head?: never;
    /** Update a client */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": {
            firstName?: string;
            lastName?: string;
            dateOfBirth?: string;
            /** @enum {string} */
            sex?: "F" | "M" | "U";
            /** Format: email */
            email?: string | null;
            phone?: string | null;
            address?: {
              line1: string;
              line2?: string;
              city: string;
              state: string;
              zip: string;
            } | null;
            timeZone?: string | null;
            emailOptIn?: boolean;
            smsOptIn?: boolean;
            guarantor?: {
              firstName: string;
              lastName: string;
              /** @enum {string} */
              relationship: "self" | "parent" | "spouse" | "guardian" | "other";
              /** Format: email */
              email?: string;
              phone?: string;
              address?: {
                line1: string;
                line2?: string;
                city: string;
                state: string;
                zip: string;
              };
            } | null;
            /** @enum {string} */
            paysBy?: "insurance" | "self_pay";
            autopay?: boolean;
            autoShareDocuments?: boolean;
            /** @enum {string} */
            shareDocumentKinds?: "both" | "bills" | "superbills";
            autoSuperbills?: boolean;
            /** Format: uuid */
            employerId?: string | null;
            /** @enum {string|null} */
            billTo?: "employer" | "insurance" | "client" | null;
            active?: boolean;
            /** @description the version you read (optimistic concurrency) */
            version: number;
          };
        };
      };
      responses: {
        /** @description Updated */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["client"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    trace?: never;
  };
  "/api/v1/practices/{practiceId}/payers": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List payers */
    get: {
      parameters: {
        query?: {
          limit?: number;
          /** @description nextCursor of the previous page (same filters and sort) */
          cursor?: string;
          /** @description true: also count every record the filters match (`total`) */
          withTotal?: "true" | "false";
        };
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description A page (oldest first unless sorted); pass nextCursor as cursor for the next page */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              data: components["schemas"]["payer"][];
              nextCursor: string | null;
              /** @description records matching the filters (withTotal=true) */
              total?: number;
            };
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    put?: never;
    /** Create a payer */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": {
            name: string;
            payerId: string;
            /** @enum {string} */
            claimFilingIndicator:
              | "11"
              | "12"
              | "13"
              | "14"
              | "15"
              | "16"
              | "17"
              | "AM"
              | "BL"
              | "CH"
              | "CI"
              | "DS"
              | "FI"
              | "HM"
              | "LM"
              | "MA"
              | "MB"
              | "MC"
              | "OF"
              | "TV"
              | "VA"
              | "WC"
              | "ZZ";
            timelyFilingDays?: number;
            address?: {
              line1: string;
              line2?: string;
              city: string;
              state: string;
              zip: string;
            } | null;
          };
        };
      };
      responses: {
        /** @description Created */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["payer"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/practices/{practiceId}/payers/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get one payer */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The record */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["payer"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    /** Delete a payer */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Deleted */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    options?: never;
    head?: never;
    /** Update a payer */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": {
            name?: string;
            payerId?: string;
            /** @enum {string} */
            claimFilingIndicator?:
              | "11"
              | "12"
              | "13"
              | "14"
              | "15"
              | "16"
              | "17"
              | "AM"
              | "BL"
              | "CH"
              | "CI"
              | "DS"
              | "FI"
              | "HM"
              | "LM"
              | "MA"
              | "MB"
              | "MC"
              | "OF"
              | "TV"
              | "VA"
              | "WC"
              | "ZZ";
            timelyFilingDays?: number;
            address?: {
              line1: string;
              line2?: string;
              city: string;
              state: string;
              zip: string;
            } | null;
            /** @description the version you read (optimistic concurrency) */
            version: number;
          };
        };
      };
      responses: {
        /** @description Updated */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["payer"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    trace?: never;
  };
  "/api/v1/practices/{practiceId}/insurance-policies": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List insurance-policies */
    get: {
      parameters: {
        query?: {
          limit?: number;
          /** @description nextCursor of the previous page (same filters and sort) */
          cursor?: string;
          /** @description true: also count every record the filters match (`total`) */
          withTotal?: "true" | "false";
          /** @description the client */
          clientId?: string;
        };
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description A page (oldest first unless sorted); pass nextCursor as cursor for the next page */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              data: components["schemas"]["insurance_policy"][];
              nextCursor: string | null;
              /** @description records matching the filters (withTotal=true) */
              total?: number;
            };
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    put?: never;
    /** Create a insurance policy */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": {
            /** Format: uuid */
            clientId: string;
            /** Format: uuid */
            payerId: string;
            /** @enum {string} */
            rank: "primary" | "secondary" | "tertiary";
            memberId: string;
            groupNumber?: string | null;
            /** @enum {string} */
            subscriberRelationship: "self" | "spouse" | "child" | "other";
            subscriber?: {
              firstName: string;
              lastName: string;
              dateOfBirth: string;
              /** @enum {string} */
              sex: "F" | "M" | "U";
              address?: {
                line1: string;
                line2?: string;
                city: string;
                state: string;
                zip: string;
              };
            } | null;
            effectiveFrom: string;
            effectiveTo?: string | null;
          };
        };
      };
      responses: {
        /** @description Created */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["insurance_policy"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/practices/{practiceId}/insurance-policies/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get one insurance policy */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The record */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["insurance_policy"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    /** Delete a insurance policy */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Deleted */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    options?: never;
    head?: never;
    /** Update a insurance policy */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": {
            /** Format: uuid */
            payerId?: string;
            /** @enum {string} */
            rank?: "primary" | "secondary" | "tertiary";
            memberId?: string;
            groupNumber?: string | null;
            /** @enum {string} */
            subscriberRelationship?: "self" | "spouse" | "child" | "other";
            subscriber?: {
              firstName: string;
              lastName: string;
              dateOfBirth: string;
              /** @enum {string} */
              sex: "F" | "M" | "U";
              address?: {
                line1: string;
                line2?: string;
                city: string;
                state: string;
                zip: string;
              };
            } | null;
            effectiveFrom?: string;
            effectiveTo?: string | null;
            /** @description the version you read (optimistic concurrency) */
            version: number;
          };
        };
      };
      responses: {
        /** @description Updated */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["insurance_policy"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    trace?: never;
  };
  "/api/v1/practices/{practiceId}/diagnoses": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List diagnoses */
    get: {
      parameters: {
        query?: {
          limit?: number;
          /** @description nextCursor of the previous page (same filters and sort) */
          cursor?: string;
          /** @description true: also count every record the filters match (`total`) */
          withTotal?: "true" | "false";
          /** @description the client */
          clientId?: string;
        };
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description A page (oldest first unless sorted); pass nextCursor as cursor for the next page */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              data: components["schemas"]["diagnosis"][];
              nextCursor: string | null;
              /** @description records matching the filters (withTotal=true) */
              total?: number;
            };
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    put?: never;
    /** Create a diagnosis */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": {
            /** Format: uuid */
            clientId: string;
            code: string;
            description?: string | null;
            rank: number;
            active?: boolean;
          };
        };
      };
      responses: {
        /** @description Created */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["diagnosis"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/practices/{practiceId}/diagnoses/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get one diagnosis */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The record */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["diagnosis"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    /** Delete a diagnosis */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Deleted */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    options?: never;
    head?: never;
    /** Update a diagnosis */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": {
            code?: string;
            description?: string | null;
            rank?: number;
            active?: boolean;
            /** @description the version you read (optimistic concurrency) */
            version: number;
          };
        };
      };
      responses: {
        /** @description Updated */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["diagnosis"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    trace?: never;
  };
  "/api/v1/practices/{practiceId}/services": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List services */
    get: {
      parameters: {
        query?: {
          limit?: number;
          /** @description nextCursor of the previous page (same filters and sort) */
          cursor?: string;
          /** @description true: also count every record the filters match (`total`) */
          withTotal?: "true" | "false";
          /** @description only active (true) or inactive (false) records */
          active?: string;
          /** @description CPT/HCPCS code */
          code?: string;
        };
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description A page (oldest first unless sorted); pass nextCursor as cursor for the next page */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              data: components["schemas"]["service"][];
              nextCursor: string | null;
              /** @description records matching the filters (withTotal=true) */
              total?: number;
            };
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    put?: never;
    /** Create a service */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": {
            code: string;
            description: string;
            feeCents: number;
            defaultUnits?: number;
            modifiers?: string[];
            insuranceEligible?: boolean;
            billable?: boolean;
            active?: boolean;
          };
        };
      };
      responses: {
        /** @description Created */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["service"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/practices/{practiceId}/services/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get one service */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The record */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["service"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    /** Delete a service */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Deleted */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    options?: never;
    head?: never;
    /** Update a service */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": {
            code?: string;
            description?: string;
            feeCents?: number;
            defaultUnits?: number;
            modifiers?: string[];
            insuranceEligible?: boolean;
            billable?: boolean;
            active?: boolean;
            /** @description the version you read (optimistic concurrency) */
            version: number;
          };
        };
      };
      responses: {
        /** @description Updated */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["service"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    trace?: never;
  };
  "/api/v1/practices/{practiceId}/products": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List products */
    get: {
      parameters: {
        query?: {
          limit?: number;
          /** @description nextCursor of the previous page (same filters and sort) */
          cursor?: string;
          /** @description true: also count every record the filters match (`total`) */
          withTotal?: "true" | "false";
          /** @description only active (true) or inactive (false) records */
          active?: string;
        };
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description A page (oldest first unless sorted); pass nextCursor as cursor for the next page */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              data: components["schemas"]["product"][];
              nextCursor: string | null;
              /** @description records matching the filters (withTotal=true) */
              total?: number;
            };
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    put?: never;
    /** Create a product */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": {
            name: string;
            priceCents: number;
            active?: boolean;
          };
        };
      };
      responses: {
        /** @description Created */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["product"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/practices/{practiceId}/products/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get one product */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The record */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["product"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    /** Delete a product */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Deleted */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    options?: never;
    head?: never;
    /** Update a product */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": {
            name?: string;
            priceCents?: number;
            active?: boolean;
            /** @description the version you read (optimistic concurrency) */
            version: number;
          };
        };
      };
      responses: {
        /** @description Updated */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["product"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    trace?: never;
  };
  "/api/v1/practices/{practiceId}/employer-groups": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List employer-groups */
    get: {
      parameters: {
        query?: {
          limit?: number;
          /** @description nextCursor of the previous page (same filters and sort) */
          cursor?: string;
          /** @description true: also count every record the filters match (`total`) */
          withTotal?: "true" | "false";
        };
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description A page (oldest first unless sorted); pass nextCursor as cursor for the next page */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              data: components["schemas"]["employer_group"][];
              nextCursor: string | null;
              /** @description records matching the filters (withTotal=true) */
              total?: number;
            };
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    put?: never;
    /** Create a employer group */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": {
            name: string;
          };
        };
      };
      responses: {
        /** @description Created */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["employer_group"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/practices/{practiceId}/employer-groups/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get one employer group */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The record */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["employer_group"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    /** Delete a employer group */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Deleted */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    options?: never;
    head?: never;
    /** Update a employer group */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": {
            name?: string;
            /** @description the version you read (optimistic concurrency) */
            version: number;
          };
        };
      };
      responses: {
        /** @description Updated */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["employer_group"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    trace?: never;
  };
  "/api/v1/practices/{practiceId}/employers": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List employers */
    get: {
      parameters: {
        query?: {
          limit?: number;
          /** @description nextCursor of the previous page (same filters and sort) */
          cursor?: string;
          /** @description true: also count every record the filters match (`total`) */
          withTotal?: "true" | "false";
          /** @description employer group */
          groupId?: string;
        };
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description A page (oldest first unless sorted); pass nextCursor as cursor for the next page */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              data: components["schemas"]["employer"][];
              nextCursor: string | null;
              /** @description records matching the filters (withTotal=true) */
              total?: number;
            };
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    put?: never;
    /** Create a employer */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": {
            name: string;
            /** Format: uuid */
            groupId?: string | null;
            contactName?: string | null;
            /** Format: email */
            contactEmail?: string | null;
            address?: {
              line1: string;
              line2?: string;
              city: string;
              state: string;
              zip: string;
            } | null;
            termsDays?: number;
            contacts?: {
              name: string;
              /** Format: email */
              email: string;
              /** @default false */
              billing?: boolean;
            }[];
            feeSchedule?: {
              /** Format: uuid */
              serviceId: string;
              feeCents: number;
            }[];
          };
        };
      };
      responses: {
        /** @description Created */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["employer"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/practices/{practiceId}/employers/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get one employer */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The record */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["employer"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    /** Delete a employer */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Deleted */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    options?: never;
    head?: never;
    /** Update a employer */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": {
            name?: string;
            /** Format: uuid */
            groupId?: string | null;
            contactName?: string | null;
            /** Format: email */
            contactEmail?: string | null;
            address?: {
              line1: string;
              line2?: string;
              city: string;
              state: string;
              zip: string;
            } | null;
            termsDays?: number;
            contacts?: {
              name: string;
              /** Format: email */
              email: string;
              /** @default false */
              billing?: boolean;
            }[];
            feeSchedule?: {
              /** Format: uuid */
              serviceId: string;
              feeCents: number;
            }[];
            /** @description the version you read (optimistic concurrency) */
            version: number;
          };
        };
      };
      responses: {
        /** @description Updated */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["employer"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    trace?: never;
  };
  "/api/v1/practices/{practiceId}/appointments": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List appointments */
    get: {
      parameters: {
        query?: {
          limit?: number;
          /** @description nextCursor of the previous page (same filters and sort) */
          cursor?: string;
          /** @description order by this field, descending with a leading -; ties by id (default: id order) */
          sort?: "startsAt" | "-startsAt";
          /** @description true: also count every record the filters match (`total`) */
          withTotal?: "true" | "false";
          /** @description the client */
          clientId?: string;
          /** @description the provider */
          providerId?: string;
          /** @description appointment status */
          status?: "upcoming" | "kept" | "no_show" | "late_cancel" | "canceled";
          /** @description date of service on or after */
          from?: string;
          /** @description date of service on or before */
          to?: string;
          /** @description yes: on an invoice; no: not on one (Canceled sessions left out) */
          billed?: "yes" | "no";
        };
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description A page (oldest first unless sorted); pass nextCursor as cursor for the next page */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              data: components["schemas"]["appointment"][];
              nextCursor: string | null;
              /** @description records matching the filters (withTotal=true) */
              total?: number;
            };
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    put?: never;
    /** Create a appointment */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": {
            /** Format: uuid */
            clientId: string;
            /** Format: uuid */
            providerId: string;
            /** Format: uuid */
            locationId: string;
            /** Format: date-time */
            startsAt: string;
            /** Format: date-time */
            endsAt: string;
            services: {
              /** Format: uuid */
              serviceId: string;
              units?: number;
              modifiers?: string[];
            }[];
            /** @enum {string|null} */
            billTo?: "employer" | "insurance" | "client" | null;
            /** Format: uuid */
            billToEmployerId?: string | null;
            authorizationNumber?: string | null;
          };
        };
      };
      responses: {
        /** @description Created */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["appointment"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/practices/{practiceId}/appointments/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get one appointment */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The record */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["appointment"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Update a appointment */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": {
            /** Format: uuid */
            clientId?: string;
            /** Format: uuid */
            providerId?: string;
            /** Format: uuid */
            locationId?: string;
            /** Format: date-time */
            startsAt?: string;
            /** Format: date-time */
            endsAt?: string;
            services?: {
              /** Format: uuid */
              serviceId: string;
              units?: number;
              modifiers?: string[];
            }[];
            /** @enum {string|null} */
            billTo?: "employer" | "insurance" | "client" | null;
            /** Format: uuid */
            billToEmployerId?: string | null;
            authorizationNumber?: string | null;
            /** @description the version you read (optimistic concurrency) */
            version: number;
          };
        };
      };
      responses: {
        /** @description Updated */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["appointment"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    trace?: never;
  };
  "/api/v1/practices/{practiceId}/progress-notes": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List progress-notes */
    get: {
      parameters: {
        query?: {
          limit?: number;
          /** @description nextCursor of the previous page (same filters and sort) */
          cursor?: string;
          /** @description true: also count every record the filters match (`total`) */
          withTotal?: "true" | "false";
          /** @description the appointment */
          appointmentId?: string;
        };
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description A page (oldest first unless sorted); pass nextCursor as cursor for the next page */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              data: components["schemas"]["progress_note"][];
              nextCursor: string | null;
              /** @description records matching the filters (withTotal=true) */
              total?: number;
            };
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    put?: never;
    /** Create a progress note */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": {
            /** Format: uuid */
            appointmentId: string;
            signed?: boolean;
            /** Format: uuid */
            signedByProviderId?: string | null;
          };
        };
      };
      responses: {
        /** @description Created */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["progress_note"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/practices/{practiceId}/progress-notes/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get one progress note */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The record */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["progress_note"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Update a progress note */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": {
            signed?: boolean;
            /** Format: uuid */
            signedByProviderId?: string | null;
            /** @description the version you read (optimistic concurrency) */
            version: number;
          };
        };
      };
      responses: {
        /** @description Updated */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["progress_note"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    trace?: never;
  };
  "/api/v1/practices/{practiceId}/invoices": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List invoices */
    get: {
      parameters: {
        query?: {
          limit?: number;
          /** @description nextCursor of the previous page (same filters and sort) */
          cursor?: string;
          /** @description order by this field, descending with a leading -; ties by id (default: id order) */
          sort?:
            | "number"
            | "invoiceDate"
            | "totalCents"
            | "status"
            | "-number"
            | "-invoiceDate"
            | "-totalCents"
            | "-status";
          /** @description true: also count every record the filters match (`total`) */
          withTotal?: "true" | "false";
          /** @description invoice status (lifecycle) */
          status?: "pended" | "open" | "processed" | "void";
          /** @description invoice payment status */
          paymentStatus?: "unpaid" | "partially_paid" | "paid";
          /** @description the client */
          clientId?: string;
          /** @description the invoice number, with or without its prefix (INV-1042 or 1042) */
          number?: string;
          /** @description a provider with a session on the invoice */
          providerId?: string;
          /** @description invoice date on or after */
          from?: string;
          /** @description invoice date on or before */
          to?: string;
          /** @description total at least (cents) */
          minCents?: number | null;
          /** @description total at most (cents) */
          maxCents?: number | null;
        };
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description A page (oldest first unless sorted); pass nextCursor as cursor for the next page */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              data: components["schemas"]["invoice"][];
              nextCursor: string | null;
              /** @description records matching the filters (withTotal=true) */
              total?: number;
            };
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/practices/{practiceId}/invoices/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get one invoice */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The record */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["invoice"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/practices/{practiceId}/claims": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List claims */
    get: {
      parameters: {
        query?: {
          limit?: number;
          /** @description nextCursor of the previous page (same filters and sort) */
          cursor?: string;
          /** @description order by this field, descending with a leading -; ties by id (default: id order) */
          sort?:
            | "patientControlNumber"
            | "status"
            | "totalCents"
            | "paidCents"
            | "createdAt"
            | "-patientControlNumber"
            | "-status"
            | "-totalCents"
            | "-paidCents"
            | "-createdAt";
          /** @description true: also count every record the filters match (`total`) */
          withTotal?: "true" | "false";
          /** @description claim lifecycle status */
          status?:
            | "awaiting_submission"
            | "scrubber_rejected"
            | "submitted"
            | "accepted"
            | "rejected"
            | "adjudicated"
            | "void";
          /** @description what the payer decided */
          adjudication?: "none" | "paid" | "partially_paid" | "denied";
          /** @description what a biller sees: the lifecycle, or the payer's decision once adjudicated */
          stage?:
            | "awaiting_submission"
            | "scrubber_rejected"
            | "submitted"
            | "accepted"
            | "rejected"
            | "paid"
            | "partially_paid"
            | "denied"
            | "void";
          /** @description the client */
          clientId?: string;
          /** @description the invoice */
          invoiceId?: string;
          /** @description patient control number starting with, or client name containing, this text */
          search?: string;
        };
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description A page (oldest first unless sorted); pass nextCursor as cursor for the next page */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              data: components["schemas"]["claim"][];
              nextCursor: string | null;
              /** @description records matching the filters (withTotal=true) */
              total?: number;
            };
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/practices/{practiceId}/claims/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get one claim */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The record */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["claim"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/practices/{practiceId}/remittances": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List remittances */
    get: {
      parameters: {
        query?: {
          limit?: number;
          /** @description nextCursor of the previous page (same filters and sort) */
          cursor?: string;
          /** @description true: also count every record the filters match (`total`) */
          withTotal?: "true" | "false";
          /** @description posting status */
          status?: "posting" | "posted" | "partially_posted" | "needs_review";
        };
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description A page (oldest first unless sorted); pass nextCursor as cursor for the next page */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              data: components["schemas"]["remittance"][];
              nextCursor: string | null;
              /** @description records matching the filters (withTotal=true) */
              total?: number;
            };
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/practices/{practiceId}/remittances/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get one remittance */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The record */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["remittance"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/practices/{practiceId}/posting-rules": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List posting-rules */
    get: {
      parameters: {
        query?: {
          limit?: number;
          /** @description nextCursor of the previous page (same filters and sort) */
          cursor?: string;
          /** @description true: also count every record the filters match (`total`) */
          withTotal?: "true" | "false";
        };
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description A page (oldest first unless sorted); pass nextCursor as cursor for the next page */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              data: components["schemas"]["posting_rule"][];
              nextCursor: string | null;
              /** @description records matching the filters (withTotal=true) */
              total?: number;
            };
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    put?: never;
    /** Create a posting rule */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": {
            /** Format: uuid */
            payerId?: string | null;
            /** @enum {string} */
            groupCode: "CO" | "PR" | "OA" | "PI" | "CR";
            reasonCode: string;
            /** @enum {string} */
            action: "write_off" | "patient_responsibility" | "denial" | "informational" | "block";
          };
        };
      };
      responses: {
        /** @description Created */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["posting_rule"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/practices/{practiceId}/posting-rules/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get one posting rule */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The record */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["posting_rule"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    /** Delete a posting rule */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Deleted */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    options?: never;
    head?: never;
    /** Update a posting rule */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": {
            /** Format: uuid */
            payerId?: string | null;
            /** @enum {string} */
            groupCode?: "CO" | "PR" | "OA" | "PI" | "CR";
            reasonCode?: string;
            /** @enum {string} */
            action?: "write_off" | "patient_responsibility" | "denial" | "informational" | "block";
            /** @description the version you read (optimistic concurrency) */
            version: number;
          };
        };
      };
      responses: {
        /** @description Updated */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["posting_rule"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    trace?: never;
  };
  "/api/v1/practices/{practiceId}/clearinghouse-connections": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List clearinghouse-connections */
    get: {
      parameters: {
        query?: {
          limit?: number;
          /** @description nextCursor of the previous page (same filters and sort) */
          cursor?: string;
          /** @description true: also count every record the filters match (`total`) */
          withTotal?: "true" | "false";
          /** @description only active (true) or inactive (false) connections */
          active?: string;
        };
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description A page (oldest first unless sorted); pass nextCursor as cursor for the next page */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": {
              data: components["schemas"]["clearinghouse_connection"][];
              nextCursor: string | null;
              /** @description records matching the filters (withTotal=true) */
              total?: number;
            };
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    put?: never;
    /** Create a clearinghouse connection */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": {
            name: string;
            /**
             * @description sftp, or a directory drop on the server's disk
             * @enum {string}
             */
            kind: "sftp" | "directory";
            host?: string | null;
            /** @description SFTP port (default 22) */
            port?: number | null;
            username?: string | null;
            /** @enum {string} */
            authKind?: "password" | "private_key" | "none";
            /** @description write-only: the SFTP password (authKind password) or an unencrypted private key in PEM/OpenSSH format (authKind private_key). Stored encrypted; never returned (see hasSecret). */
            secret?: string;
            /** @description when set, a server presenting any other host key is refused */
            hostKeySha256?: string | null;
            /** @description where claim files are delivered; for a directory drop, relative to the practice's drop folder */
            outboundDir?: string;
            /** @description where acknowledgments and remittances are picked up */
            inboundDir?: string;
            /** @description ISA06/GS02 */
            submitterId: string;
            /** @description 1000A NM103 */
            submitterName: string;
            /** Format: email */
            submitterContactEmail?: string | null;
            /** @description ISA08/GS03 */
            receiverId: string;
            /** @description 1000B NM103 */
            receiverName: string;
            /**
             * @description ISA15: T test, P production
             * @enum {string}
             */
            usageIndicator?: "T" | "P";
            active?: boolean;
          };
        };
      };
      responses: {
        /** @description Created */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["clearinghouse_connection"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/practices/{practiceId}/clearinghouse-connections/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get one clearinghouse connection */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The record */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["clearinghouse_connection"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Update a clearinghouse connection */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the practice (tenant) id */
          practiceId: string;
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          "application/json": {
            name?: string;
            /**
             * @description sftp, or a directory drop on the server's disk
             * @enum {string}
             */
            kind?: "sftp" | "directory";
            host?: string | null;
            /** @description SFTP port (default 22) */
            port?: number | null;
            username?: string | null;
            /** @enum {string} */
            authKind?: "password" | "private_key" | "none";
            /** @description write-only: the SFTP password (authKind password) or an unencrypted private key in PEM/OpenSSH format (authKind private_key). Stored encrypted; never returned (see hasSecret). */
            secret?: string | null;
            /** @description when set, a server presenting any other host key is refused */
            hostKeySha256?: string | null;
            /** @description where claim files are delivered; for a directory drop, relative to the practice's drop folder */
            outboundDir?: string;
            /** @description where acknowledgments and remittances are picked up */
            inboundDir?: string;
            /** @description ISA06/GS02 */
            submitterId?: string;
            /** @description 1000A NM103 */
            submitterName?: string;
            /** Format: email */
            submitterContactEmail?: string | null;
            /** @description ISA08/GS03 */
            receiverId?: string;
            /** @description 1000B NM103 */
            receiverName?: string;
            /**
             * @description ISA15: T test, P production
             * @enum {string}
             */
            usageIndicator?: "T" | "P";
            active?: boolean;
            /** @description the version you read (optimistic concurrency) */
            version: number;
          };
        };
      };
      responses: {
        /** @description Updated */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["clearinghouse_connection"];
          };
        };
        /** @description Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Not signed in */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Your role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description No such record in this practice */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Conflict or illegal status transition */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description Version conflict: reload and retry */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
        /** @description A referenced record does not exist in this practice */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            "application/json": components["schemas"]["Error"];
          };
        };
      };
    };
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    Error: {
      error: {
        /** @description machine-readable error code, e.g. INVALID_NPI */
        code: string;
        message: string;
        issues?: {
          path: string;
          code: string;
          message: string;
        }[];
      } & {
        [key: string]: unknown;
      };
    };
    CreatedApiToken: {
      /** Format: uuid */
      id: string;
      name: string;
      scopes: ("read" | "write")[];
      /** @enum {string} */
      createdVia: "session" | "cli";
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      expiresAt: string;
      /**
       * Format: date-time
       * @description to the minute
       */
      lastUsedAt: string | null;
      /** Format: date-time */
      revokedAt: string | null;
      /** @enum {string} */
      status: "active" | "expired" | "revoked";
      /** @description the secret: send it as `Authorization: Bearer …`; shown only here */
      token: string;
    };
    ApiToken: {
      /** Format: uuid */
      id: string;
      name: string;
      scopes: ("read" | "write")[];
      /** @enum {string} */
      createdVia: "session" | "cli";
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      expiresAt: string;
      /**
       * Format: date-time
       * @description to the minute
       */
      lastUsedAt: string | null;
      /** Format: date-time */
      revokedAt: string | null;
      /** @enum {string} */
      status: "active" | "expired" | "revoked";
    };
    PracticeMemberList: {
      data: components["schemas"]["PracticeMember"][];
    };
    PracticeMember: {
      /**
       * Format: uuid
       * @description the user's id (a provider's userId)
       */
      id: string;
      name: string;
      email: string;
      /** @enum {string} */
      role: "owner" | "biller" | "clinician" | "read_only";
    };
    practice: {
      /** Format: uuid */
      id: string;
      name: string;
      timeZone: string;
      locale: string;
      address: {
        line1: string;
        line2?: string;
        city: string;
        state: string;
        zip: string;
      };
      taxId: string;
      billingNpi: string;
      taxonomyCode: string;
      phone: string | null;
      billingContactName: string | null;
      billingContactEmail: string | null;
      billingSettings: {
        defaultAutopay: boolean;
        autoShareEnabled: boolean;
        defaultAutoShareDocuments: boolean;
        /** @enum {string} */
        defaultShareDocumentKinds: "both" | "bills" | "superbills";
        defaultAutoSuperbills: boolean;
        shareDelayMinutes: number;
        superbillDayOfMonth: number;
        requireSignedNote: boolean;
        noShowFeeCents: number | null;
        lateCancelFeeCents: number | null;
        /** @default 3 */
        autopayMaxAttempts: number;
        /** @default false */
        invoicesEnabled: boolean;
      };
      version: number;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
    };
    billingSettingsChange: {
      /** Format: uuid */
      id: string;
      name: string;
      timeZone: string;
      locale: string;
      address: {
        line1: string;
        line2?: string;
        city: string;
        state: string;
        zip: string;
      };
      taxId: string;
      billingNpi: string;
      taxonomyCode: string;
      phone: string | null;
      billingContactName: string | null;
      billingContactEmail: string | null;
      billingSettings: {
        defaultAutopay: boolean;
        autoShareEnabled: boolean;
        defaultAutoShareDocuments: boolean;
        /** @enum {string} */
        defaultShareDocumentKinds: "both" | "bills" | "superbills";
        defaultAutoSuperbills: boolean;
        shareDelayMinutes: number;
        superbillDayOfMonth: number;
        requireSignedNote: boolean;
        noShowFeeCents: number | null;
        lateCancelFeeCents: number | null;
        /** @default 3 */
        autopayMaxAttempts: number;
        /** @default false */
        invoicesEnabled: boolean;
      };
      version: number;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
      warnings: {
        /** @enum {string} */
        code: "SHARE_DELAY_BEFORE_AUTOPAY";
        message: string;
      }[];
      existingClients: {
        unaffected: number;
        changedDefaults: string[];
        message: string;
      } | null;
    };
    AuditEntryPage: {
      data: components["schemas"]["AuditEntry"][];
      /** @description the last entry's id, for the next page */
      nextCursor: string | null;
    };
    AuditEntry: {
      id: number;
      /** Format: uuid */
      practiceId: string | null;
      /** Format: uuid */
      userId: string | null;
      actor: string;
      action: string;
      entity: string;
      entityId: string | null;
      /** Format: date-time */
      at: string;
      details: {
        [key: string]: unknown;
      } | null;
    };
    AppointmentRow: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      practiceId: string;
      version: number;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
      /** Format: uuid */
      clientId: string;
      /** Format: uuid */
      providerId: string;
      /** Format: uuid */
      locationId: string;
      /** Format: date-time */
      startsAt: string;
      /** Format: date-time */
      endsAt: string;
      dateOfService: string;
      /** @enum {string} */
      status: "upcoming" | "kept" | "no_show" | "late_cancel" | "canceled";
      /** Format: date-time */
      statusChangedAt: string | null;
      /** @enum {string|null} */
      billTo: "employer" | "insurance" | "client" | null;
      /** Format: uuid */
      billToEmployerId: string | null;
      authorizationNumber: string | null;
    };
    AutomationRun: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      practiceId: string;
      /** @enum {string} */
      automation:
        | "claims_submission"
        | "invoice_processing"
        | "invoice_creation"
        | "era_processing"
        | "autopay"
        | "superbills";
      /** @enum {string} */
      trigger: "schedule" | "manual";
      localDate: string;
      /** Format: date-time */
      scheduledAt: string;
      /** @enum {string} */
      status: "queued" | "running" | "done" | "skipped" | "failed";
      late: boolean;
      latenessMs: number | null;
      attempts: number;
      /** Format: date-time */
      startedAt: string | null;
      /** Format: date-time */
      finishedAt: string | null;
      durationMs: number | null;
      counts: {
        [key: string]: number;
      } | null;
      note: string | null;
      /** Format: date-time */
      createdAt: string;
    };
    InvoicedSession: {
      appointmentId: string;
      invoiceId: string;
      invoiceNumber: string;
    };
    autopayExplanation: {
      clientId: string;
      practiceAutopay: boolean;
      clientAutopay: boolean;
      card: {
        brand: string;
        last4: string;
        expMonth: number;
        expYear: number;
        expired: boolean;
      } | null;
      maxAttempts: number;
      nextRunAt: string | null;
      invoices: {
        invoiceId: string;
        invoiceNumber: string;
        openCents: number;
        paymentStatus: string;
        code: string;
        reason: string;
        attempts: {
          localDate: string;
          attemptNumber: number;
          amountCents: number;
          /** @enum {string} */
          outcome: "pending" | "unknown" | "succeeded" | "declined" | "failed";
          declineMessage: string | null;
        }[];
        next: string;
      }[];
    };
    AutomationSettings: {
      config: components["schemas"]["AutomationConfig"];
      version: number;
      timeZone: string;
      automations: {
        claims_submission: components["schemas"]["AutomationDescription"];
        invoice_processing: components["schemas"]["AutomationDescription"];
        invoice_creation: components["schemas"]["AutomationDescription"];
        era_processing: components["schemas"]["AutomationDescription"];
        autopay: components["schemas"]["AutomationDescription"];
        superbills: components["schemas"]["AutomationDescription"];
      };
    };
    AutomationConfig: {
      /** @enum {string} */
      cadence: "staggered" | "same_night";
      /** @enum {string} */
      invoiceCreationMode: "nightly" | "monthly" | "manual" | "on_kept";
      automations: {
        claims_submission: {
          enabled: boolean;
          runTime: string;
          startDate: string | null;
          rules: {
            id: string;
            name: string;
            conditions: {
              /** @enum {string} */
              field:
                | "primary_payer"
                | "provider"
                | "service_code"
                | "client_pays_by"
                | "appointment_date"
                | "progress_note_signed"
                | "location"
                | "amount"
                | "claim_level"
                | "invoice_date";
              /** @enum {string} */
              operator: "equals" | "not_equals" | "in" | "not_in" | "between" | "is_empty";
              values: string[];
            }[];
          }[];
        };
        invoice_processing: {
          enabled: boolean;
          runTime: string;
          startDate: string | null;
          rules: {
            id: string;
            name: string;
            conditions: {
              /** @enum {string} */
              field:
                | "primary_payer"
                | "provider"
                | "service_code"
                | "client_pays_by"
                | "appointment_date"
                | "progress_note_signed"
                | "location"
                | "amount"
                | "claim_level"
                | "invoice_date";
              /** @enum {string} */
              operator: "equals" | "not_equals" | "in" | "not_in" | "between" | "is_empty";
              values: string[];
            }[];
          }[];
        };
        invoice_creation: {
          enabled: boolean;
          runTime: string;
          startDate: string | null;
          rules: {
            id: string;
            name: string;
            conditions: {
              /** @enum {string} */
              field:
                | "primary_payer"
                | "provider"
                | "service_code"
                | "client_pays_by"
                | "appointment_date"
                | "progress_note_signed"
                | "location"
                | "amount"
                | "claim_level"
                | "invoice_date";
              /** @enum {string} */
              operator: "equals" | "not_equals" | "in" | "not_in" | "between" | "is_empty";
              values: string[];
            }[];
          }[];
        };
        era_processing: {
          enabled: boolean;
          runTime: string;
          startDate: string | null;
          rules: {
            id: string;
            name: string;
            conditions: {
              /** @enum {string} */
              field:
                | "primary_payer"
                | "provider"
                | "service_code"
                | "client_pays_by"
                | "appointment_date"
                | "progress_note_signed"
                | "location"
                | "amount"
                | "claim_level"
                | "invoice_date";
              /** @enum {string} */
              operator: "equals" | "not_equals" | "in" | "not_in" | "between" | "is_empty";
              values: string[];
            }[];
          }[];
        };
        /**
         * @default {
         *       "enabled": false,
         *       "runTime": "00:30",
         *       "startDate": null,
         *       "rules": []
         *     }
         */
        autopay: {
          enabled: boolean;
          runTime: string;
          startDate: string | null;
          rules: {
            id: string;
            name: string;
            conditions: {
              /** @enum {string} */
              field:
                | "primary_payer"
                | "provider"
                | "service_code"
                | "client_pays_by"
                | "appointment_date"
                | "progress_note_signed"
                | "location"
                | "amount"
                | "claim_level"
                | "invoice_date";
              /** @enum {string} */
              operator: "equals" | "not_equals" | "in" | "not_in" | "between" | "is_empty";
              values: string[];
            }[];
          }[];
        };
        superbills: {
          enabled: boolean;
          runTime: string;
          startDate: string | null;
          rules: {
            id: string;
            name: string;
            conditions: {
              /** @enum {string} */
              field:
                | "primary_payer"
                | "provider"
                | "service_code"
                | "client_pays_by"
                | "appointment_date"
                | "progress_note_signed"
                | "location"
                | "amount"
                | "claim_level"
                | "invoice_date";
              /** @enum {string} */
              operator: "equals" | "not_equals" | "in" | "not_in" | "between" | "is_empty";
              values: string[];
            }[];
          }[];
        };
      };
    };
    AutomationDescription: {
      title: string;
      explanation: string;
      schedule: string;
      /** Format: date-time */
      nextRunAt: string | null;
      rulesText: string;
    };
    BillingExplanation: {
      /** Format: uuid */
      appointmentId: string;
      /** @enum {string} */
      status: "upcoming" | "kept" | "no_show" | "late_cancel" | "canceled";
      dateOfService: string;
      billed: {
        /** Format: uuid */
        invoiceId: string;
        invoiceNumber: string;
      } | null;
      reasons: {
        /** @enum {string} */
        code:
          | "NOT_COMPLETED"
          | "NO_SHOW_NOT_CHARGED"
          | "LATE_CANCEL_NOT_CHARGED"
          | "IN_THE_FUTURE"
          | "BEFORE_START_DATE"
          | "NO_BILLABLE_SERVICE"
          | "NO_ACTIVE_POLICY"
          | "NO_DIAGNOSIS"
          | "NO_ADDRESS"
          | "NO_PROGRESS_NOTE"
          | "NOTE_NOT_SIGNED"
          | "ALREADY_INVOICED"
          | "WAIVED"
          | "EXCLUDED_BY_RULE"
          | "AUTOMATION_DISABLED"
          | "AWAITING_MONTHLY_RUN"
          | "CHANGED_DURING_RUN"
          | "BILLED_TO_EMPLOYER";
        message: string;
        fix: string | null;
      }[];
      tonight: string;
      waiver: {
        by: string;
        reason: string;
        /** Format: date-time */
        at: string;
      } | null;
      canInvoiceNow: boolean;
      /** Format: date-time */
      nextRunAt: string | null;
      history: {
        /** Format: date-time */
        at: string;
        /** @enum {string} */
        automation:
          | "claims_submission"
          | "invoice_processing"
          | "invoice_creation"
          | "era_processing"
          | "autopay"
          | "superbills";
        /** @enum {string} */
        trigger: "schedule" | "manual" | "on_kept";
        /** @enum {string} */
        outcome: "done" | "skipped" | "error";
        message: string;
        /** Format: uuid */
        runId: string | null;
      }[];
    };
    BillingStateList: {
      data: components["schemas"]["BillingState"][];
    };
    BillingState: {
      /** Format: uuid */
      appointmentId: string;
      billed: {
        /** Format: uuid */
        invoiceId: string;
        invoiceNumber: string;
      } | null;
      reasons: {
        /** @enum {string} */
        code:
          | "NOT_COMPLETED"
          | "NO_SHOW_NOT_CHARGED"
          | "LATE_CANCEL_NOT_CHARGED"
          | "IN_THE_FUTURE"
          | "BEFORE_START_DATE"
          | "NO_BILLABLE_SERVICE"
          | "NO_ACTIVE_POLICY"
          | "NO_DIAGNOSIS"
          | "NO_ADDRESS"
          | "NO_PROGRESS_NOTE"
          | "NOTE_NOT_SIGNED"
          | "ALREADY_INVOICED"
          | "WAIVED"
          | "EXCLUDED_BY_RULE"
          | "AUTOMATION_DISABLED"
          | "AWAITING_MONTHLY_RUN"
          | "CHANGED_DURING_RUN"
          | "BILLED_TO_EMPLOYER";
        message: string;
      }[];
    };
    AutomationPreview: {
      /** @enum {string} */
      automation:
        | "claims_submission"
        | "invoice_processing"
        | "invoice_creation"
        | "era_processing"
        | "autopay"
        | "superbills";
      enabled: boolean;
      /** Format: date-time */
      runAt: string;
      localDate: string;
      wouldDo: number;
      wouldSkip: number;
      byReason: {
        [key: string]: number;
      };
      items: {
        /** Format: uuid */
        subjectId: string;
        /** @enum {string} */
        outcome: "would_do" | "would_skip";
        reasonCode: string | null;
        message: string;
      }[];
    };
    AutomationRunPage: {
      data: components["schemas"]["AutomationRun"][];
      /** Format: uuid */
      nextCursor: string | null;
    };
    RunOutcomePage: {
      data: components["schemas"]["RunOutcome"][];
      /** Format: uuid */
      nextCursor: string | null;
    };
    RunOutcome: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      practiceId: string;
      /** Format: uuid */
      runId: string | null;
      /** @enum {string} */
      automation:
        | "claims_submission"
        | "invoice_processing"
        | "invoice_creation"
        | "era_processing"
        | "autopay"
        | "superbills";
      /** @enum {string} */
      trigger: "schedule" | "manual" | "on_kept";
      /** @enum {string} */
      subjectType: "appointment" | "invoice" | "claim" | "remittance" | "client";
      /** Format: uuid */
      subjectId: string;
      /** @enum {string} */
      outcome: "done" | "skipped" | "error";
      reasonCode: string | null;
      message: string;
      reasons:
        | {
            code: string;
            message: string;
          }[]
        | null;
      /** Format: uuid */
      relatedId: string | null;
      /** Format: date-time */
      at: string;
    };
    OpenedInvoices: {
      data: components["schemas"]["InvoiceRow"][];
    };
    InvoiceRow: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      practiceId: string;
      version: number;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
      number: string;
      numberSeq: number | null;
      /** Format: uuid */
      clientId: string;
      /** @enum {string} */
      status: "pended" | "open" | "processed" | "void";
      /** @enum {string} */
      paymentStatus: "unpaid" | "partially_paid" | "paid";
      /** @enum {string} */
      paysBy: "insurance" | "self_pay";
      invoiceDate: string;
      totalCents: number;
      insuranceCents: number;
      clientCents: number;
      insurancePaidCents: number;
      clientPaidCents: number;
      adjustmentCents: number;
      clientWrittenOffCents: number;
      /** Format: uuid */
      primaryPolicyId: string | null;
      /** @enum {string} */
      source: "nightly" | "monthly" | "manual" | "on_kept" | "user";
      /** Format: uuid */
      runId: string | null;
      /** Format: uuid */
      replacesInvoiceId: string | null;
      /** Format: date-time */
      voidedAt: string | null;
      voidReason: string | null;
    };
    MovedPayments: {
      /** Format: uuid */
      invoiceId: string;
      movedCents: number;
      paymentIds: string[];
    };
    ClaimsSettingsView: {
      settings: components["schemas"]["ClaimsSettings"];
      version: number;
      defaults: components["schemas"]["ClaimsSettings"];
      warningEdits: ("TIMELY_FILING_EXCEEDED" | "DUPLICATE_CLAIM")[];
    };
    ClaimsSettings: {
      disabledWarnings: ("TIMELY_FILING_EXCEEDED" | "DUPLICATE_CLAIM")[];
      /** @enum {string} */
      unknownCodeAction: "block" | "deny";
      /** Format: uuid */
      connectionId: string | null;
    };
    SavedClaimsSettings: {
      settings: components["schemas"]["ClaimsSettings"];
      version: number;
    };
    ClaimCounts: {
      counts: {
        awaiting_submission: number;
        scrubber_rejected: number;
        submitted: number;
        accepted: number;
        rejected: number;
        paid: number;
        partially_paid: number;
        denied: number;
        void: number;
      };
    };
    ScrubResult: {
      /** Format: uuid */
      claimId: string;
      patientControlNumber: string;
      edits: components["schemas"]["ScrubEdit"][];
      blocked: boolean;
    };
    ScrubEdit: {
      code: string;
      /** @enum {string} */
      severity: "blocking" | "warning";
      message: string;
      path?: string;
    };
    ClaimFollowUpResult: {
      /** Format: uuid */
      claimId: string;
      /** @enum {string} */
      action: "replace" | "void_at_payer" | "resubmit" | "write_off" | "bill_client";
      /** Format: uuid */
      newClaimId: string | null;
      newPatientControlNumber: string | null;
      amountCents: number | null;
    };
    ClaimFollowUp: {
      /** @enum {string} */
      action: "replace" | "void_at_payer" | "resubmit" | "write_off" | "bill_client";
      reason: string;
      corrections?: components["schemas"]["ClaimCorrections"];
    };
    ClaimCorrections: {
      diagnosisCodes?: string[];
      lines?: {
        lineNumber: number;
        code?: string;
        modifiers?: string[];
        units?: number;
      }[];
    };
    DeniedClaimList: {
      data: components["schemas"]["DeniedClaim"][];
      nextCursor: string | null;
    };
    DeniedClaim: {
      /** Format: uuid */
      claimId: string;
      patientControlNumber: string;
      /** @enum {string} */
      stage: "denied" | "rejected";
      /** Format: uuid */
      clientId: string;
      clientName: string;
      payerName: string;
      /** Format: uuid */
      invoiceId: string;
      invoiceNumber: string;
      /** Format: date */
      dateOfService: string | null;
      totalCents: number;
      insuranceOpenCents: number;
      payerClaimNumber: string | null;
      /** Format: date-time */
      deniedAt: string;
      adjustmentCodes: components["schemas"]["CodeInWords"][];
      remarkCodes: components["schemas"]["CodeInWords"][];
      rejection: components["schemas"]["CodeInWords"][];
      actions: ("replace" | "void_at_payer" | "resubmit" | "write_off" | "bill_client")[];
    };
    CodeInWords: {
      code: string;
      description: string;
    };
    SubmitResult: {
      considered: number;
      scrubberRejected: number;
      excluded: number;
      submitted: number;
      files: number;
      delivery: string;
      held: {
        resting: number;
        excluded: number;
        claims: {
          /** Format: uuid */
          claimId: string;
          patientControlNumber: string;
          /** @enum {string} */
          code: "RESTING" | "EXCLUDED_BY_RULE";
          message: string;
        }[];
      };
      /** Format: uuid */
      runId?: string | null;
      fileContent?: string;
    };
    InboundResult: {
      /** Format: uuid */
      fileId: string;
      name: string;
      /** @enum {string} */
      kind: "835" | "999" | "277CA" | "unknown";
      /** @enum {string} */
      status: "processed" | "rejected" | "duplicate";
      /** @description why a rejected file was refused: FILE_NOT_TEXT, or the X12 reader's code */
      code?: string;
      acknowledgments?: {
        accepted: number;
        rejected: number;
        unmatched: number;
      };
      remittances?: {
        /** Format: uuid */
        remittanceId: string | null;
        traceNumber: string;
        /** @enum {string} */
        status: "posted" | "partially_posted" | "needs_review" | "duplicate";
        claims: number;
        posted: number;
        queued: number;
      }[];
      error?: string;
    };
    RemittanceClaimsPage: {
      data: components["schemas"]["RemittanceClaim"][];
      nextPosition: number | null;
    };
    RemittanceClaim: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      practiceId: string;
      /** Format: uuid */
      remittanceId: string;
      position: number;
      /** Format: uuid */
      claimId: string | null;
      patientControlNumber: string;
      statusCode: string;
      chargeCents: number;
      paidCents: number;
      patientResponsibilityCents: number;
      payerClaimNumber: string | null;
      crossoverPayer: string | null;
      remarkCodes: string[];
      /** @enum {string} */
      postingStatus: "posted" | "queued" | "dismissed";
      postings: components["schemas"]["Posting"][];
    };
    Posting: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      practiceId: string;
      /** Format: uuid */
      remittanceClaimId: string | null;
      /** Format: uuid */
      claimId: string;
      /** Format: uuid */
      claimLineId: string | null;
      /** Format: uuid */
      invoiceId: string;
      /** @enum {string} */
      kind: "payment" | "write_off" | "patient_responsibility" | "denial" | "informational" | "reversal";
      groupCode: string | null;
      reasonCode: string | null;
      amountCents: number;
      /** Format: uuid */
      reversesPostingId: string | null;
      /** Format: date-time */
      createdAt: string;
      actor: string;
    };
    ClearinghouseFilePage: {
      data: components["schemas"]["ClearinghouseFileSummary"][];
      /** Format: uuid */
      nextCursor: string | null;
    };
    ClearinghouseFileSummary: {
      /** Format: uuid */
      id: string;
      /** @enum {string} */
      direction: "outbound" | "inbound";
      /** @enum {string} */
      kind: "835" | "999" | "837P" | "277CA" | "unknown";
      name: string;
      /** @enum {string} */
      status: "pending" | "sent" | "failed" | "unknown" | "received" | "processed" | "rejected" | "duplicate";
      bytes: number;
      attempts: number;
      lastError: string | null;
      rejectCode: string | null;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      sentAt: string | null;
      /** Format: date-time */
      processedAt: string | null;
      /** @description what processing found (inbound files processed since migration 0026) */
      outcome: {
        acknowledgments?: {
          accepted: number;
          rejected: number;
          unmatched: number;
        };
        remittances?: {
          count: number;
          posted: number;
          queued: number;
          duplicate: number;
        };
      } | null;
      /** @description why a person must look at the file, in a biller's words, with the parser's code; null when fine */
      attention: {
        text: string;
        code: string | null;
      } | null;
    };
    ClearinghouseFile: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      practiceId: string;
      /** Format: uuid */
      connectionId: string | null;
      /** @enum {string} */
      direction: "outbound" | "inbound";
      /** @enum {string} */
      kind: "835" | "999" | "837P" | "277CA" | "unknown";
      name: string;
      sha256: string;
      bytes: number;
      content: string | null;
      encoding: string | null;
      rejectCode: string | null;
      /** @enum {string} */
      status: "pending" | "sent" | "failed" | "unknown" | "received" | "processed" | "rejected" | "duplicate";
      attempts: number;
      /** Format: date-time */
      nextAttemptAt: string | null;
      lastError: string | null;
      interchangeControlNumber: string | null;
      groupControlNumber: string | null;
      transactionControlNumbers: string[] | null;
      outcome: {
        [key: string]: unknown;
      } | null;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      sentAt: string | null;
      /** Format: date-time */
      processedAt: string | null;
    };
    WorkQueueItemPage: {
      data: components["schemas"]["WorkQueueItem"][];
      /** Format: uuid */
      nextCursor: string | null;
    };
    WorkQueueItem: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      practiceId: string;
      /** Format: uuid */
      remittanceId: string;
      /** Format: uuid */
      remittanceClaimId: string | null;
      /** @enum {string} */
      kind:
        | "unbalanced"
        | "unmatched_claim"
        | "unmatched_line"
        | "blocked_code"
        | "reversal_without_original"
        | "duplicate_trace"
        | "malformed_claim";
      reason: string;
      details: {
        imbalances?: components["schemas"]["Imbalance"][];
      } & {
        [key: string]: unknown;
      };
      /** @enum {string} */
      status: "open" | "resolved" | "dismissed";
      resolution: string | null;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      resolvedAt: string | null;
      resolvedBy: string | null;
      /** @description what a person may do with the item */
      actions: ("post" | "match" | "dismiss")[];
      /** @description the remittance the item came in */
      remittance: {
        traceNumber: string;
        payerName: string;
      };
      /** @description the payer's claim the item is about (null for an item about the whole remittance) */
      remittanceClaim: {
        patientControlNumber: string;
        /** @description the patient as the payer spells them (NM1*QC) */
        patientName: string | null;
        chargeCents: number;
        paidCents: number;
        patientResponsibilityCents: number;
      } | null;
      /** @description our claim it matched (null: unmatched, or about the whole remittance) */
      claim: {
        /** Format: uuid */
        id: string;
        patientControlNumber: string;
        totalCents: number;
      } | null;
      /** @description the client of that claim */
      client: {
        /** Format: uuid */
        id: string;
        name: string;
      } | null;
      /** @description a blocked adjustment code: the posting rule that would let it post */
      postingRule: {
        /**
         * Format: uuid
         * @description the rule that blocks it, null when no rule names the code
         */
        id: string | null;
        /**
         * Format: uuid
         * @description the claim's payer, for a rule for that payer only
         */
        payerId: string | null;
        payerName: string | null;
        /** @enum {string} */
        groupCode: "CO" | "PR" | "OA" | "PI" | "CR";
        reasonCode: string;
      } | null;
    };
    Imbalance: {
      /** @enum {string} */
      level: "line" | "claim" | "transaction";
      patientControlNumber?: string;
      claimIndex?: number;
      lineNumber?: number;
      segmentNumber?: number;
      reportedCents: number;
      computedCents: number;
      differenceCents: number;
      message: string;
    };
    WorkItemResolution: {
      /** @enum {string} */
      status: "resolved" | "dismissed";
    };
    ClientBalance: {
      /** Format: uuid */
      clientId: string;
      balanceCents: number;
      openInvoicesCents: number;
      creditOnAccountCents: number;
      openInvoices: components["schemas"]["OpenInvoiceBalance"][];
    };
    OpenInvoiceBalance: {
      /** Format: uuid */
      invoiceId: string;
      invoiceNumber: string;
      /** Format: date */
      invoiceDate: string;
      clientCents: number;
      openCents: number;
      /** @enum {string} */
      paymentStatus: "unpaid" | "partially_paid" | "paid";
    };
    LedgerPage: {
      data: components["schemas"]["LedgerEntry"][];
      nextCursor: string | null;
    };
    LedgerEntry: {
      /** Format: uuid */
      id: string;
      /** @enum {string} */
      kind: "charge" | "payment" | "refund" | "credit" | "adjustment" | "write_off";
      amountCents: number;
      balanceAfterCents: number;
      /** Format: date */
      effectiveOn: string;
      description: string;
      /** Format: uuid */
      invoiceId: string | null;
      invoiceNumber: string | null;
      /** Format: uuid */
      paymentId: string | null;
      /** Format: uuid */
      refundId: string | null;
      /** Format: uuid */
      writeOffId: string | null;
      /** Format: uuid */
      postingId: string | null;
      /** Format: date-time */
      createdAt: string;
      actor: string;
    };
    ClientPaymentList: {
      data: components["schemas"]["ClientPayment"][];
      nextCursor: string | null;
    };
    ClientPayment: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      clientId: string;
      method: components["schemas"]["PaymentMethod"];
      amountCents: number;
      /** Format: date */
      receivedOn: string;
      reference: string | null;
      cardChargeId: string | null;
      recordedBy: string;
      /** Format: date-time */
      createdAt: string;
      appliedCents: number;
      refundedCents: number;
      unappliedCents: number;
    };
    /** @enum {string} */
    PaymentMethod: "cash" | "check" | "external_card" | "card";
    RecordedPayment: {
      payment: components["schemas"]["ClientPayment"];
      allocations: components["schemas"]["InvoiceAmount"][];
      creditCents: number;
      replayed: boolean;
    };
    InvoiceAmount: {
      /** Format: uuid */
      invoiceId: string;
      invoiceNumber: string;
      amountCents: number;
    };
    RecordPayment: {
      /** @enum {string} */
      method: "cash" | "check" | "external_card";
      amountCents: number;
      receivedOn?: string;
      reference?: string | null;
      apply?:
        | {
            /** @enum {string} */
            kind: "oldest_first";
          }
        | {
            /** @enum {string} */
            kind: "chosen";
            invoices: {
              /** Format: uuid */
              invoiceId: string;
              amountCents?: number;
            }[];
          };
    };
    RecordedRefund: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      paymentId: string;
      /** Format: uuid */
      clientId: string;
      amountCents: number;
      fromCreditCents: number;
      /** Format: date */
      refundedOn: string;
      reason: string;
      fromInvoices: components["schemas"]["InvoiceAmount"][];
      payment: components["schemas"]["ClientPayment"];
    };
    RefundPayment: {
      amountCents: number;
      reason: string;
    };
    RecordedWriteOff: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      clientId: string;
      /** Format: uuid */
      invoiceId: string;
      invoiceNumber: string;
      /** Format: uuid */
      invoiceLineId: string | null;
      /** @enum {string} */
      kind: "write_off" | "adjustment";
      amountCents: number;
      /** Format: date */
      effectiveOn: string;
      reason: string;
      /** @enum {string} */
      invoicePaymentStatus: "unpaid" | "partially_paid" | "paid";
    };
    WriteOffClientBalance: {
      /** Format: uuid */
      invoiceId: string;
      /** Format: uuid */
      invoiceLineId?: string;
      /**
       * @default write_off
       * @enum {string}
       */
      kind: "write_off" | "adjustment";
      amountCents?: number;
      reason: string;
    };
    ClientStatement: {
      practice: {
        name: string;
        addressLines: string[];
        phone: string | null;
        taxId: string | null;
      };
      client: {
        /** Format: uuid */
        id: string;
        name: string;
        addressLines: string[];
      };
      /** Format: date */
      from: string;
      /** Format: date */
      to: string;
      balanceForwardCents: number;
      lines: {
        /** Format: date */
        date: string;
        /** @enum {string} */
        kind: "charge" | "payment" | "refund" | "credit" | "adjustment" | "write_off";
        description: string;
        invoiceNumber: string | null;
        amountCents: number;
      }[];
      endingBalanceCents: number;
      amountDueCents: number;
      creditOnAccountCents: number;
    };
    EmployerBatchDetail: {
      batch: components["schemas"]["EmployerBatch"];
      invoices: components["schemas"]["EmployerInvoiceSummary"][];
    };
    EmployerBatch: {
      /** Format: uuid */
      id: string;
      number: number;
      /** @enum {string} */
      kind: "on_demand" | "rebatch" | "credit_memo";
      /** Format: uuid */
      employerId: string | null;
      /** Format: uuid */
      groupId: string | null;
      /** Format: date */
      dosFrom: string | null;
      /** Format: date */
      dosTo: string | null;
      /** Format: date */
      postFrom: string | null;
      /** Format: date */
      postTo: string | null;
      note: string | null;
      rebatchOfBatchNumber: number | null;
      createdBy: string;
      /** Format: date-time */
      createdAt: string;
      invoiceCount: number;
      encounterCount: number;
      totalCents: number;
    };
    EmployerInvoiceSummary: {
      /** Format: uuid */
      id: string;
      number: string;
      /** @enum {string} */
      kind: "invoice" | "rebatch" | "credit_memo";
      /** Format: uuid */
      batchId: string;
      batchNumber: number;
      /** Format: uuid */
      employerId: string;
      employerName: string;
      /** Format: uuid */
      originalInvoiceId: string | null;
      timesBatched: number;
      /** Format: date */
      issuedOn: string;
      /** Format: date */
      dueOn: string;
      totalCents: number;
      amountDueCents: number;
      status: components["schemas"]["EmployerInvoiceStatus"];
      billedCents: number;
      paidCents: number;
      creditedCents: number;
      openCents: number;
      encounterCount: number;
      /** @enum {string} */
      delivery: "email" | "print";
      /** Format: date-time */
      emailedAt: string | null;
      /** Format: date-time */
      printedAt: string | null;
    };
    /** @enum {string} */
    EmployerInvoiceStatus: "open" | "partially_paid" | "paid" | "void";
    CreateEmployerBatchBody: {
      /** Format: uuid */
      employerId?: string;
      /** Format: uuid */
      groupId?: string;
      dosFrom?: string;
      dosTo?: string;
      postFrom?: string;
      postTo?: string;
      note?: string;
    };
    EmployerBatchList: {
      data: components["schemas"]["EmployerBatch"][];
      nextCursor: string | null;
    };
    EmployerInvoiceHistory: {
      data: components["schemas"]["EmployerInvoiceSummary"][];
      nextCursor: string | null;
    };
    EmployerInvoiceDelivery: {
      /** Format: uuid */
      invoiceId: string;
      /** @enum {string} */
      delivery: "email" | "print";
      emailedTo: string | null;
      /** Format: date-time */
      emailedAt: string | null;
      /** Format: date-time */
      printedAt: string | null;
    };
    EmployerInvoiceDetail: {
      invoice: components["schemas"]["EmployerInvoiceSummary"];
      lines: components["schemas"]["EmployerInvoiceLine"][];
      activity: components["schemas"]["EmployerInvoiceActivity"][];
      hasPdf: boolean;
    };
    EmployerInvoiceLine: {
      /** Format: uuid */
      id: string;
      position: number;
      /** Format: uuid */
      appointmentId: string;
      /** Format: uuid */
      clientId: string;
      employeeName: string;
      /** Format: date */
      dateOfService: string;
      /** Format: uuid */
      serviceId: string;
      code: string;
      description: string;
      units: number;
      amountCents: number;
      authorizationNumber: string | null;
      /** Format: uuid */
      creditsLineId: string | null;
      /** Format: uuid */
      creditedByLineId: string | null;
      paidCents: number;
    };
    EmployerInvoiceActivity: {
      /** @enum {string} */
      kind: "payment" | "reversal" | "credit_memo";
      /** Format: date */
      on: string;
      reference: string;
      amountCents: number;
    };
    CreditMemoBody: {
      appointmentIds: string[];
      reason: string;
      rebillTo?: components["schemas"]["BillTo"];
      /** Format: uuid */
      rebillEmployerId?: string;
    };
    /** @enum {string} */
    BillTo: "employer" | "insurance" | "client";
    VoidEmployerInvoiceBody: {
      reason: string;
    };
    EmployerDashboard: {
      /** Format: uuid */
      employerId: string;
      employerName: string;
      termsDays: number;
      billedCents: number;
      paidCents: number;
      creditedCents: number;
      openCents: number;
      unappliedCents: number;
      aging: {
        current: number;
        "31_60": number;
        "61_90": number;
        over_90: number;
      };
      openInvoiceCount: number;
    };
    EmployerReceiptList: {
      data: components["schemas"]["EmployerReceipt"][];
    };
    EmployerReceipt: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      employerId: string;
      /** @enum {string} */
      method: "check" | "eft";
      reference: string;
      /** Format: date */
      receivedOn: string;
      amountCents: number;
      appliedCents: number;
      unappliedCents: number;
      note: string | null;
      recordedBy: string;
      /** Format: date-time */
      reversedAt: string | null;
      applications: {
        /** Format: uuid */
        invoiceId: string;
        invoiceNumber: string;
        /** Format: uuid */
        lineId: string | null;
        amountCents: number;
      }[];
    };
    RecordReceiptBody: {
      /** Format: uuid */
      employerId: string;
      /** @enum {string} */
      method: "check" | "eft";
      reference: string;
      receivedOn: string;
      amountCents: number;
      note?: string;
      /** @default [] */
      apply: components["schemas"]["ReceiptApplicationBody"][];
    };
    ReceiptApplicationBody: {
      /** Format: uuid */
      invoiceId: string;
      /** Format: uuid */
      lineId?: string;
      amountCents: number;
    };
    ApplyReceiptBody: {
      apply: components["schemas"]["ReceiptApplicationBody"][];
    };
    ReverseReceiptBody: {
      reason: string;
    };
    InvoiceProfile: {
      /** Format: uuid */
      id: string | null;
      /** Format: uuid */
      employerId: string | null;
      saved: boolean;
      header: {
        name: string;
        lines: string[];
      };
      remitTo: {
        lines: string[];
      };
      logoText: string | null;
      termsDays: number | null;
      columns: (
        | "employee_name"
        | "employee_id"
        | "date_of_service"
        | "service"
        | "authorization"
        | "amount"
      )[];
      /** @enum {string} */
      grouping: "employee" | "date";
      /** @enum {string} */
      delivery: "email" | "print";
      numberPrefix: string;
      version: number;
    };
    InvoiceProfileBody: {
      header: {
        name: string;
        lines: string[];
      };
      remitTo: {
        lines: string[];
      };
      logoText?: string | null;
      termsDays?: number | null;
      columns: (
        | "employee_name"
        | "employee_id"
        | "date_of_service"
        | "service"
        | "authorization"
        | "amount"
      )[];
      /** @enum {string} */
      grouping: "employee" | "date";
      /** @enum {string} */
      delivery: "email" | "print";
      /** @default INV- */
      numberPrefix: string;
    };
    EmployerBillingNavigation: {
      /** @enum {string} */
      screen: "batch_history" | "batch";
      batchNumber: number | null;
      /** Format: uuid */
      batchId: string | null;
    };
    StripeSettingsAnswer: {
      configured: boolean;
      publishableKey: string | null;
      /** @description true when the keys are live keys (real money) */
      livemode: boolean | null;
      hasSecretKey: boolean;
      hasWebhookSecret: boolean;
      apiBaseUrl: string | null;
      /** @description where to point the Stripe webhook endpoint, on this server */
      webhookPath: string;
      version: number;
      /** @description where the card element's Stripe.js is loaded from (Stripe's own in production) */
      stripeJsUrl: string;
    };
    ClientCard: {
      id: string;
      clientId: string;
      brand: string;
      last4: string;
      expMonth: number;
      expYear: number;
      isDefault: boolean;
      /** @description past its expiry month on the practice's local date today */
      expired: boolean;
      /** Format: date-time */
      createdAt: string;
    };
    CardSetup: {
      setupIntentId: string;
      /** @description for Stripe's card element (stripe.confirmCardSetup); the card never reaches us */
      clientSecret: string;
      publishableKey: string;
    };
    CardCharge: {
      id: string;
      clientId: string;
      amountCents: number;
      currency: string;
      idempotencyKey: string;
      /** @enum {string} */
      purposeKind: "autopay_attempt" | "manual";
      purposeId: string;
      /** @enum {string} */
      status: "pending" | "succeeded" | "declined" | "failed" | "unknown";
      cardBrand: string;
      cardLast4: string;
      stripePaymentIntentId: string | null;
      /** @description Stripe's decline code (insufficient_funds, expired_card, …) */
      declineCode: string | null;
      failureCode: string | null;
      failureMessage: string | null;
      refundedCents: number;
      /** @description the invoices a manual charge pays, as chosen; null: oldest first */
      applyTo:
        | {
            invoiceId: string;
            amountCents?: number;
          }[]
        | null;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      settledAt: string | null;
    };
    CardRefund: {
      id: string;
      chargeId: string;
      amountCents: number;
      idempotencyKey: string;
      /** @enum {string} */
      status: "pending" | "succeeded" | "failed" | "unknown";
      reason: string | null;
      stripeRefundId: string | null;
      failureMessage: string | null;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      settledAt: string | null;
    };
    StripeWebhookReceipt: {
      /** @enum {boolean} */
      received: true;
      eventId: string;
      type: string;
      /** @description this event id was received before: acknowledged, nothing done */
      duplicate: boolean;
      /** @enum {string} */
      outcome: "processed" | "ignored";
    };
    shareExplanation: {
      share: components["schemas"]["documentShare"];
      answer: string;
      reasonsNow: {
        /** @enum {string} */
        code:
          | "PRACTICE_SHARING_OFF"
          | "CLIENT_SHARING_OFF"
          | "KIND_NOT_SHARED"
          | "NO_EMAIL"
          | "EMAIL_OPTED_OUT"
          | "INVALID_EMAIL"
          | "DOCUMENT_VOID"
          | "SMTP_REFUSED"
          | "SMTP_UNAVAILABLE"
          | "MAIL_NOT_CONFIGURED"
          | "BILL_NOT_ISSUED";
        message: string;
      }[];
    };
    documentShare: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      practiceId: string;
      version: number;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
      /** Format: uuid */
      clientId: string;
      /** @enum {string} */
      subjectType: "invoice" | "document";
      /** @enum {string} */
      kind: "invoice" | "superbill" | "statement";
      /** Format: uuid */
      invoiceId: string | null;
      /** Format: uuid */
      documentId: string | null;
      /** @enum {string} */
      status: "scheduled" | "sent" | "skipped" | "failed";
      /** Format: date-time */
      dueAt: string;
      attempts: number;
      reasonCode: string | null;
      reasons:
        | {
            /** @enum {string} */
            code:
              | "PRACTICE_SHARING_OFF"
              | "CLIENT_SHARING_OFF"
              | "KIND_NOT_SHARED"
              | "NO_EMAIL"
              | "EMAIL_OPTED_OUT"
              | "INVALID_EMAIL"
              | "DOCUMENT_VOID"
              | "SMTP_REFUSED"
              | "SMTP_UNAVAILABLE"
              | "MAIL_NOT_CONFIGURED"
              | "BILL_NOT_ISSUED";
            message: string;
          }[]
        | null;
      messageId: string | null;
      /** Format: date-time */
      sentAt: string | null;
      /** Format: date-time */
      finishedAt: string | null;
    } | null;
    documentSharePage: {
      items: components["schemas"]["documentShare"][];
      /** Format: uuid */
      nextCursor: string | null;
    };
    clientSharing: {
      /** Format: uuid */
      clientId: string;
      settings: {
        practiceSharingOn: boolean;
        clientSharingOn: boolean;
        /** @enum {string} */
        shareDocumentKinds: "both" | "bills" | "superbills";
        hasEmail: boolean;
        emailOptIn: boolean;
        shareDelayMinutes: number;
      };
      reasonsNowByKind: {
        invoice: {
          /** @enum {string} */
          code:
            | "PRACTICE_SHARING_OFF"
            | "CLIENT_SHARING_OFF"
            | "KIND_NOT_SHARED"
            | "NO_EMAIL"
            | "EMAIL_OPTED_OUT"
            | "INVALID_EMAIL"
            | "DOCUMENT_VOID"
            | "SMTP_REFUSED"
            | "SMTP_UNAVAILABLE"
            | "MAIL_NOT_CONFIGURED"
            | "BILL_NOT_ISSUED";
          message: string;
        }[];
        superbill: {
          /** @enum {string} */
          code:
            | "PRACTICE_SHARING_OFF"
            | "CLIENT_SHARING_OFF"
            | "KIND_NOT_SHARED"
            | "NO_EMAIL"
            | "EMAIL_OPTED_OUT"
            | "INVALID_EMAIL"
            | "DOCUMENT_VOID"
            | "SMTP_REFUSED"
            | "SMTP_UNAVAILABLE"
            | "MAIL_NOT_CONFIGURED"
            | "BILL_NOT_ISSUED";
          message: string;
        }[];
        statement: {
          /** @enum {string} */
          code:
            | "PRACTICE_SHARING_OFF"
            | "CLIENT_SHARING_OFF"
            | "KIND_NOT_SHARED"
            | "NO_EMAIL"
            | "EMAIL_OPTED_OUT"
            | "INVALID_EMAIL"
            | "DOCUMENT_VOID"
            | "SMTP_REFUSED"
            | "SMTP_UNAVAILABLE"
            | "MAIL_NOT_CONFIGURED"
            | "BILL_NOT_ISSUED";
          message: string;
        }[];
      };
      answer: string;
      recentShares: components["schemas"]["documentShare"][];
    };
    sharedDocument: {
      /** Format: uuid */
      documentId: string;
      practiceName: string;
      /** @enum {string} */
      kind: "invoice" | "superbill" | "statement";
      number: string;
      version: number;
      /** Format: date-time */
      issuedAt: string;
      /** Format: date-time */
      linkExpiresAt: string;
      pdfBytes: number;
    };
    outreachRuleSet: {
      /** Format: uuid */
      id: string;
      name: string;
      isDefault: boolean;
      version: number;
      steps: components["schemas"]["outreachRuleStep"][];
    };
    outreachRuleStep: {
      /** @description days after the set started */
      dayOffset: number;
      /** @enum {string} */
      channel: "sms" | "email";
      /** @description text with {first_name} {amount} {practice_name} {pay_link} {practice_phone} */
      template: string;
      /** @description email only */
      subject?: string;
      /**
       * @description local hours in the patient's zone
       * @default {
       *       "start": "09:00",
       *       "end": "20:00"
       *     }
       */
      sendWindow: {
        start: string;
        end: string;
      };
    };
    outreachRuleSetInput: {
      name: string;
      /** @default false */
      isDefault: boolean;
      steps: components["schemas"]["outreachRuleStep"][];
    };
    outreachSettings: {
      enabled: boolean;
      /** @description a set starts when a balance is this many days old */
      startAfterDays: number;
    };
    outreachSetPage: {
      items: components["schemas"]["outreachSet"][];
      nextCursor: string | null;
    };
    outreachSet: {
      /** Format: uuid */
      id: string;
      /** @enum {string} */
      status:
        | "active"
        | "paused"
        | "expired"
        | "failed"
        | "will_fail"
        | "paid"
        | "cancelled"
        | "written_off"
        | "collections";
      amountOutstandingCents: number;
      patient: {
        /** Format: uuid */
        clientId: string;
        firstName: string;
        lastName: string;
        phone: string | null;
        email: string | null;
      };
      ruleSet: {
        /** Format: uuid */
        id: string;
        name: string;
      };
      /** @enum {string} */
      startedBy: "auto" | "manual";
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      nextSendAt: string | null;
      stepIndex: number;
      stepCount: number;
      willFailReasons: {
        /** @enum {string} */
        code:
          | "NO_PHONE"
          | "INVALID_PHONE"
          | "SMS_OPTED_OUT"
          | "NO_EMAIL"
          | "EMAIL_BOUNCED"
          | "EMAIL_OPTED_OUT";
        message: string;
      }[];
      invoiceIds: string[];
      actions: ("write_off" | "send_to_collections" | "change_rule_set" | "pause" | "resume" | "cancel")[];
      version: number;
    };
    outreachMetrics: {
      failed: number;
      expired: number;
      paused: number;
      willFail: number;
    };
    outreachTimeline: {
      set: components["schemas"]["outreachSet"];
      events: components["schemas"]["outreachEvent"][];
    };
    outreachEvent: {
      /** Format: uuid */
      id: string;
      /** Format: date-time */
      at: string;
      kind: string;
      actor: string;
      actorName: string | null;
      details: {
        [key: string]: unknown;
      } | null;
      message: {
        /** Format: uuid */
        id: string;
        /** @enum {string} */
        channel: "sms" | "email";
        /** @enum {string} */
        status: "sending" | "sent" | "delivered" | "failed" | "unknown";
        to: string | null;
        subject: string | null;
        body: string;
        failureCode: string | null;
        failureMessage: string | null;
      } | null;
    };
    outreachActionInput: {
      /** @enum {string} */
      action: "write_off" | "send_to_collections" | "change_rule_set" | "pause" | "resume" | "cancel";
      /**
       * Format: uuid
       * @description Change Rule Set: the rule set to continue with
       */
      ruleSetId?: string;
      reason?: string;
      /** @description the set's version as read (412 VERSION_CONFLICT if it moved) */
      version?: number;
    };
    bulkOutreachResult: {
      done: number;
      doneIds: string[];
      skipped: {
        /** Format: uuid */
        setId: string;
        code: string;
        reason: string;
      }[];
    };
    bulkOutreachActionInput: {
      /** @enum {string} */
      action: "write_off" | "send_to_collections" | "change_rule_set" | "pause" | "resume" | "cancel";
      setIds: string[];
      /** Format: uuid */
      ruleSetId?: string;
      reason?: string;
    };
    outreachPayPage: {
      practiceName: string;
      firstName: string;
      amountOutstandingCents: number;
      /** @enum {string} */
      status:
        | "active"
        | "paused"
        | "expired"
        | "failed"
        | "will_fail"
        | "paid"
        | "cancelled"
        | "written_off"
        | "collections";
      card: {
        brand: string | null;
        last4: string | null;
      } | null;
      /** @description the practice takes a new card through Stripe's card element */
      takesNewCard: boolean;
      /** Format: date-time */
      linkExpiresAt: string;
    };
    outreachPayResult: {
      chargeId: string;
      status: string;
      amountCents: number;
      declineCode: string | null;
      failureMessage: string | null;
    };
    DocumentPage: {
      data: components["schemas"]["Document"][];
      /** Format: uuid */
      nextCursor: string | null;
    };
    Document: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      clientId: string;
      /** @enum {string} */
      kind: "invoice" | "superbill" | "statement";
      number: string;
      documentVersion: number;
      /** Format: uuid */
      replacesDocumentId: string | null;
      /** @enum {string} */
      status: "issued" | "void";
      /** Format: uuid */
      invoiceId: string | null;
      periodFrom: string | null;
      periodTo: string | null;
      amountCents: number;
      /** @enum {string} */
      source: "automation" | "user" | "on_kept";
      /** Format: uuid */
      runId: string | null;
      /** Format: date-time */
      issuedAt: string;
      /** Format: uuid */
      issuedBy: string | null;
      pdfSha256: string;
      pdfBytes: number;
      /** Format: date-time */
      voidedAt: string | null;
      voidReason: string | null;
    };
    IssuedBill: {
      document: components["schemas"]["Document"];
      /** @description true when the latest version already showed the invoice as it is */
      reused: boolean;
    };
    SignedProgressNote: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      practiceId: string;
      version: number;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
      /** Format: uuid */
      appointmentId: string;
      signed: boolean;
      /** Format: date-time */
      signedAt: string | null;
      /** Format: uuid */
      signedByProviderId: string | null;
      /** Format: uuid */
      signedByUserId: string | null;
      /** @description the name of the user who signed (null while unsigned) */
      signedByName: string | null;
    };
    NoteSignatureRequestCreated: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      appointmentId: string;
      /** Format: uuid */
      providerId: string;
      /** @description false: asked before, this is the first request */
      created: boolean;
    };
    NoteSignatureRequestList: {
      data: components["schemas"]["NoteSignatureRequest"][];
    };
    NoteSignatureRequest: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      appointmentId: string;
      /** Format: date-time */
      startsAt: string;
      /** Format: date */
      dateOfService: string;
      client: {
        /** Format: uuid */
        id: string;
        name: string;
      };
      provider: {
        /** Format: uuid */
        id: string;
        name: string;
      };
      /** @description who asked, by name */
      requestedBy: string;
      message: string | null;
      /** Format: date-time */
      createdAt: string;
    };
    location: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      practiceId: string;
      version: number;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
      name: string;
      placeOfServiceCode: string;
      address: {
        line1: string;
        line2?: string;
        city: string;
        state: string;
        zip: string;
      };
      active: boolean;
    };
    provider: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      practiceId: string;
      version: number;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
      firstName: string;
      lastName: string;
      npi: string;
      taxonomyCode: string;
      credentials: string | null;
      license: string | null;
      email: string | null;
      /** Format: uuid */
      userId: string | null;
      active: boolean;
    };
    client: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      practiceId: string;
      version: number;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
      firstName: string;
      lastName: string;
      dateOfBirth: string;
      /** @enum {string} */
      sex: "F" | "M" | "U";
      email: string | null;
      phone: string | null;
      address: {
        line1: string;
        line2?: string;
        city: string;
        state: string;
        zip: string;
      } | null;
      emailOptIn: boolean;
      smsOptIn: boolean;
      guarantor: {
        firstName: string;
        lastName: string;
        /** @enum {string} */
        relationship: "self" | "parent" | "spouse" | "guardian" | "other";
        /** Format: email */
        email?: string;
        phone?: string;
        address?: {
          line1: string;
          line2?: string;
          city: string;
          state: string;
          zip: string;
        };
      } | null;
      /** @enum {string} */
      paysBy: "insurance" | "self_pay";
      autopay: boolean;
      autoShareDocuments: boolean;
      /** @enum {string} */
      shareDocumentKinds: "both" | "bills" | "superbills";
      autoSuperbills: boolean;
      /** Format: uuid */
      employerId: string | null;
      /** @enum {string|null} */
      billTo: "employer" | "insurance" | "client" | null;
      active: boolean;
      timeZone: string | null;
      /** Format: date-time */
      emailBouncedAt: string | null;
    };
    payer: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      practiceId: string;
      version: number;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
      name: string;
      payerId: string;
      claimFilingIndicator: string;
      timelyFilingDays: number;
      address: {
        line1: string;
        line2?: string;
        city: string;
        state: string;
        zip: string;
      } | null;
    };
    insurance_policy: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      practiceId: string;
      version: number;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
      /** Format: uuid */
      clientId: string;
      /** Format: uuid */
      payerId: string;
      /** @enum {string} */
      rank: "primary" | "secondary" | "tertiary";
      memberId: string;
      groupNumber: string | null;
      /** @enum {string} */
      subscriberRelationship: "self" | "spouse" | "child" | "other";
      subscriber: {
        firstName: string;
        lastName: string;
        dateOfBirth: string;
        /** @enum {string} */
        sex: "F" | "M" | "U";
        address?: {
          line1: string;
          line2?: string;
          city: string;
          state: string;
          zip: string;
        };
      } | null;
      effectiveFrom: string;
      effectiveTo: string | null;
    };
    diagnosis: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      practiceId: string;
      version: number;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
      /** Format: uuid */
      clientId: string;
      code: string;
      description: string | null;
      rank: number;
      active: boolean;
    };
    service: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      practiceId: string;
      version: number;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
      code: string;
      description: string;
      feeCents: number;
      defaultUnits: number;
      modifiers: string[];
      insuranceEligible: boolean;
      billable: boolean;
      active: boolean;
    };
    product: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      practiceId: string;
      version: number;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
      name: string;
      priceCents: number;
      active: boolean;
    };
    employer_group: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      practiceId: string;
      version: number;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
      name: string;
    };
    employer: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      practiceId: string;
      version: number;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
      name: string;
      /** Format: uuid */
      groupId: string | null;
      contactName: string | null;
      contactEmail: string | null;
      address: {
        line1: string;
        line2?: string;
        city: string;
        state: string;
        zip: string;
      } | null;
      termsDays: number;
      contacts: {
        name: string;
        /** Format: email */
        email: string;
        /** @default false */
        billing: boolean;
      }[];
      feeSchedule: {
        /** Format: uuid */
        serviceId: string;
        feeCents: number;
      }[];
    };
    appointment: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      practiceId: string;
      version: number;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
      /** Format: uuid */
      clientId: string;
      /** Format: uuid */
      providerId: string;
      /** Format: uuid */
      locationId: string;
      /** Format: date-time */
      startsAt: string;
      /** Format: date-time */
      endsAt: string;
      dateOfService: string;
      /** @enum {string} */
      status: "upcoming" | "kept" | "no_show" | "late_cancel" | "canceled";
      /** Format: date-time */
      statusChangedAt: string | null;
      /** @enum {string|null} */
      billTo: "employer" | "insurance" | "client" | null;
      /** Format: uuid */
      billToEmployerId: string | null;
      authorizationNumber: string | null;
      services: components["schemas"]["AppointmentService"][];
    };
    AppointmentService: {
      /** Format: uuid */
      serviceId: string;
      units: number;
      modifiers: string[];
    };
    progress_note: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      practiceId: string;
      version: number;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
      /** Format: uuid */
      appointmentId: string;
      signed: boolean;
      /** Format: date-time */
      signedAt: string | null;
      /** Format: uuid */
      signedByProviderId: string | null;
      /** Format: uuid */
      signedByUserId: string | null;
      /** @description the name of the user who signed (null while unsigned) */
      signedByName: string | null;
    };
    invoice: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      practiceId: string;
      version: number;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
      number: string;
      /** Format: uuid */
      clientId: string;
      /** @enum {string} */
      status: "pended" | "open" | "processed" | "void";
      /** @enum {string} */
      paymentStatus: "unpaid" | "partially_paid" | "paid";
      /** @enum {string} */
      paysBy: "insurance" | "self_pay";
      invoiceDate: string;
      totalCents: number;
      insuranceCents: number;
      clientCents: number;
      insurancePaidCents: number;
      clientPaidCents: number;
      adjustmentCents: number;
      clientWrittenOffCents: number;
      /** Format: uuid */
      primaryPolicyId: string | null;
      /** @enum {string} */
      source: "nightly" | "monthly" | "manual" | "on_kept" | "user";
      /** Format: uuid */
      runId: string | null;
      /** Format: uuid */
      replacesInvoiceId: string | null;
      /** Format: date-time */
      voidedAt: string | null;
      voidReason: string | null;
      lines: components["schemas"]["InvoiceLine"][];
      history: components["schemas"]["InvoiceStatusChange"][];
    };
    InvoiceLine: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      practiceId: string;
      /** Format: uuid */
      invoiceId: string;
      position: number;
      /** @enum {string} */
      kind: "service" | "fee" | "product" | "adjustment";
      /** Format: uuid */
      appointmentId: string | null;
      /** Format: uuid */
      serviceId: string | null;
      /** Format: uuid */
      productId: string | null;
      code: string;
      description: string;
      dateOfService: string | null;
      units: number;
      unitFeeCents: number;
      amountCents: number;
      modifiers: string[];
      diagnosisPointers: number[];
      diagnosisCodes: string[];
      insuranceEligible: boolean;
      /** Format: uuid */
      adjustsLineId: string | null;
      /** Format: date-time */
      createdAt: string;
      createdBy: string;
    };
    InvoiceStatusChange: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      practiceId: string;
      /** Format: uuid */
      invoiceId: string;
      /** @enum {string|null} */
      fromStatus: "pended" | "open" | "processed" | "void" | null;
      /** @enum {string} */
      toStatus: "pended" | "open" | "processed" | "void";
      /** Format: date-time */
      at: string;
      actor: string;
      cause: string | null;
      /** @description who made the change, in words: a user's name, “Automation (on Kept)” */
      actorName: string;
      /** @description why, in words: “Nightly invoice creation run of Dec 5” */
      causeText: string | null;
    };
    claim: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      practiceId: string;
      version: number;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
      /** Format: uuid */
      invoiceId: string;
      /** Format: uuid */
      clientId: string;
      /** Format: uuid */
      payerId: string;
      /** Format: uuid */
      policyId: string;
      /** @enum {string} */
      payerRank: "primary" | "secondary" | "tertiary";
      /** @enum {string} */
      status:
        | "awaiting_submission"
        | "scrubber_rejected"
        | "submitted"
        | "accepted"
        | "rejected"
        | "adjudicated"
        | "void";
      /** @enum {string} */
      adjudication: "none" | "paid" | "partially_paid" | "denied";
      /** @enum {string} */
      frequencyCode: "1" | "7" | "8";
      patientControlNumber: string;
      payerClaimNumber: string | null;
      /** Format: uuid */
      replacesClaimId: string | null;
      replacesPayerClaimNumber: string | null;
      /** @enum {string} */
      followUp: "none" | "replaced" | "voided_at_payer" | "written_off" | "billed_to_client";
      totalCents: number;
      paidCents: number;
      patientResponsibilityCents: number;
      diagnosisCodes: string[];
      /** Format: uuid */
      runId: string | null;
      /** Format: date-time */
      submittedAt: string | null;
      /** @enum {string} */
      stage:
        | "awaiting_submission"
        | "scrubber_rejected"
        | "submitted"
        | "accepted"
        | "rejected"
        | "paid"
        | "partially_paid"
        | "denied"
        | "void";
      lines: components["schemas"]["ClaimLine"][];
      scrubs: components["schemas"]["ClaimScrub"][];
      acknowledgments: components["schemas"]["ClaimAcknowledgment"][];
      files: components["schemas"]["ClaimFile"][];
      postings: components["schemas"]["Posting"][];
      history: components["schemas"]["ClaimStatusChange"][];
    };
    ClaimLine: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      practiceId: string;
      /** Format: uuid */
      claimId: string;
      /** Format: uuid */
      invoiceLineId: string;
      lineNumber: number;
      controlNumber: string;
      code: string;
      modifiers: string[];
      units: number;
      chargeCents: number;
      dateOfService: string;
      diagnosisPointers: number[];
    };
    ClaimScrub: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      practiceId: string;
      /** Format: uuid */
      claimId: string;
      /** Format: date-time */
      at: string;
      blocking: boolean;
      edits: components["schemas"]["ScrubEdit"][];
    };
    ClaimAcknowledgment: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      practiceId: string;
      /** Format: uuid */
      fileId: string;
      /** Format: uuid */
      acknowledgesFileId: string | null;
      /** Format: uuid */
      claimId: string | null;
      /** @enum {string} */
      kind: "999" | "277CA";
      /** @enum {string} */
      outcome: "accepted" | "rejected" | "partially_accepted" | "pending" | "other";
      payerClaimNumber: string | null;
      details: {
        code: string;
        text: string;
        detail?: string;
      }[];
      /** Format: date-time */
      at: string;
    };
    ClaimFile: {
      /** Format: uuid */
      claimId: string;
      /** Format: uuid */
      fileId: string;
      name: string;
      /** @enum {string} */
      status: "pending" | "sent" | "failed" | "unknown" | "received" | "processed" | "rejected" | "duplicate";
      /** Format: date-time */
      sentAt: string | null;
      transactionControlNumber: string;
    };
    ClaimStatusChange: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      practiceId: string;
      /** Format: uuid */
      claimId: string;
      /** @enum {string|null} */
      fromStatus:
        | "awaiting_submission"
        | "scrubber_rejected"
        | "submitted"
        | "accepted"
        | "rejected"
        | "adjudicated"
        | "void"
        | null;
      /** @enum {string} */
      toStatus:
        | "awaiting_submission"
        | "scrubber_rejected"
        | "submitted"
        | "accepted"
        | "rejected"
        | "adjudicated"
        | "void";
      /** @enum {string|null} */
      fromAdjudication: "none" | "paid" | "partially_paid" | "denied" | null;
      /** @enum {string} */
      toAdjudication: "none" | "paid" | "partially_paid" | "denied";
      /** Format: date-time */
      at: string;
      actor: string;
      cause: {
        [key: string]: unknown;
      };
      /** @enum {string|null} */
      fromStage:
        | "awaiting_submission"
        | "scrubber_rejected"
        | "submitted"
        | "accepted"
        | "rejected"
        | "paid"
        | "partially_paid"
        | "denied"
        | "void"
        | null;
      /** @enum {string} */
      toStage:
        | "awaiting_submission"
        | "scrubber_rejected"
        | "submitted"
        | "accepted"
        | "rejected"
        | "paid"
        | "partially_paid"
        | "denied"
        | "void";
      /** @description who made the change, in words: a user's name, “Automation (on Kept)” */
      actorName: string;
      /** @description why, in words: “Nightly invoice creation run of Dec 5” */
      causeText: string | null;
    };
    remittance: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      practiceId: string;
      version: number;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
      /** Format: uuid */
      fileId: string;
      payerName: string;
      payerIdentifier: string;
      traceNumber: string;
      paymentMethod: string | null;
      paymentDate: string | null;
      totalPaidCents: number;
      providerAdjustmentCents: number;
      balanced: boolean;
      imbalances: components["schemas"]["Imbalance"][];
      providerAdjustments: components["schemas"]["ProviderAdjustment"][];
      /** @enum {string} */
      status: "posting" | "posted" | "partially_posted" | "needs_review";
      claimCount: number;
      contentSha256: string;
      nextPosition: number;
      claimCounts?: {
        posted: number;
        queued: number;
        dismissed: number;
      };
      claims?: components["schemas"]["RemittanceClaim"][];
      claimsTruncated?: boolean;
    };
    ProviderAdjustment: {
      providerId: string;
      fiscalPeriodDate: string;
      reason: string;
      reasonText: string | null;
      referenceId: string | null;
      amountCents: number;
    };
    posting_rule: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      practiceId: string;
      version: number;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
      /** Format: uuid */
      payerId: string | null;
      /** @enum {string} */
      groupCode: "CO" | "PR" | "OA" | "PI" | "CR";
      reasonCode: string;
      /** @enum {string} */
      action: "write_off" | "patient_responsibility" | "denial" | "informational" | "block";
    };
    clearinghouse_connection: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      practiceId: string;
      version: number;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
      name: string;
      /** @enum {string} */
      kind: "sftp" | "directory";
      host: string | null;
      port: number | null;
      username: string | null;
      /** @enum {string} */
      authKind: "password" | "private_key" | "none";
      hostKeySha256: string | null;
      outboundDir: string;
      inboundDir: string;
      submitterId: string;
      submitterName: string;
      submitterContactEmail: string | null;
      receiverId: string;
      receiverName: string;
      /** @enum {string} */
      usageIndicator: "T" | "P";
      active: boolean;
      /** @description whether a password or private key is stored (it is never returned) */
      hasSecret: boolean;
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
