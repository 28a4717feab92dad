import type { Actor, StatusChangeListener, TransportResolver } from "@billcycle/app";
import type { Clock, Permission, Role, TokenScope } from "@billcycle/core";
import type { Database } from "@billcycle/db";
import type { Logger } from "./logger";

export type AppDeps = {
  database: Database;
  clock: Clock;
  logger: Logger;
  /** Hears appointment status changes after commit (the engine's on-Kept path subscribes here). */
  statusListeners?: StatusChangeListener[];
  /** How to reach each practice's clearinghouse (default: its connection, else the directory drop). */
  transportFor?: TransportResolver;
  /** Directory of the built web app, served at / when present. */
  webRoot?: string | undefined;
  /** Behind a reverse proxy: take the client address from X-Forwarded-For (default false: the socket's). */
  trustProxy?: boolean;
  /** Production mode (`--production` or NODE_ENV=production): no demo data, stricter defaults. */
  production?: boolean;
};

export type AuthUser = {
  id: string;
  email: string;
  name: string;
  via: string;
  /** Set when the request came with an API token (absent for a session): its scopes limit the role. */
  token?: { id: string; scopes: readonly TokenScope[] } | undefined;
};

export type HonoEnv = {
  Variables: {
    user: AuthUser | null;
    actor: Actor & { practiceId: string; role: Role };
    requestId: string;
    permission: Permission;
  };
};
