import type { Principal } from '../auth/tokens.js';

/** Hono environment shared by every sub-app. */
export interface AppEnv {
  Variables: {
    requestId: string;
    /** The verified user; set by `authenticate` on protected routes. */
    user: Principal;
    /** Request time from the injected clock (tests control it). */
    now: Date;
  };
}
