import type { Principal } from '../auth/tokens.js';
import type { Services } from '../services/index.js';
import type { ConfirmedFinding } from '../../shared/pii/policy.js';

/** Hono environment shared by every sub-app. */
export interface AppEnv {
  Variables: {
    requestId: string;
    /** The verified user; set by `authenticate` on protected routes. */
    user: Principal;
    /** Request time from the injected clock (tests control it). */
    now: Date;
    /** The partnership the request's path names (`/api/p/{partnershipId}/...`), once known to exist. */
    partnershipId: string;
    /** That partnership's services: routes see these only. */
    services: Services;
    /** Possible personal data the person confirmed in this request; audited with the write. */
    personalDataConfirmed: ConfirmedFinding[] | undefined;
  };
}
