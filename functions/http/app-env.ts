import type { Principal } from '../auth/tokens.js';
import type { ConfirmedFinding } from '../../shared/pii/policy.js';

/** Hono environment shared by every sub-app. */
export interface AppEnv {
  Variables: {
    requestId: string;
    /** The verified user; set by `authenticate` on protected routes. */
    user: Principal;
    /** Request time from the injected clock (tests control it). */
    now: Date;
    /** Possible personal data the person confirmed in this request; audited with the write. */
    personalDataConfirmed: ConfirmedFinding[] | undefined;
  };
}
