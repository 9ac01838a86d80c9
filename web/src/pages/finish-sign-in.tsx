import { useNavigate, useSearchParams } from '@solidjs/router';
import type { LoginResponse } from '../../../shared/auth/roles.js';
import { partnershipPath } from '../../../shared/partnership/paths.js';
import { isPlatformPage, PLATFORM_HOME } from '../../../shared/platform/paths.js';
import { currentPartnership } from '../api/client.js';
import { getMyPartnerships } from '../api/partnerships.js';
import { safeReturnTo } from '../auth/cognito.js';
import { useApp } from '../state.js';

/** After a sign-in the portal accepted (with the password alone, or the code after it): where the person goes. */
export function useFinishSignIn(): (res: LoginResponse) => Promise<void> {
  const app = useApp();
  const navigate = useNavigate();
  const [params] = useSearchParams<{ next?: string }>();
  return async (res) => {
    const session = { token: res.token, expiresAt: res.expiresAt };
    const next = safeReturnTo(params.next);
    // A platform administrator works in no partnership: they start in platform administration.
    if (res.platformAdmin) {
      app.keepSession({ ...session, platformAdmin: true });
      return location.assign(isPlatformPage(next) ? next : PLATFORM_HOME);
    }
    app.signIn(session);
    // Platform pages (and any page, signing in outside a partnership) open at their own address.
    if (isPlatformPage(next)) return location.assign(next);
    // Someone who does not work in this partnership starts in one of theirs (one sign-in for all).
    const elsewhere = await partnershipToOpen();
    if (elsewhere) return location.assign(partnershipPath(elsewhere));
    if (app.platform) return location.assign(next);
    navigate(next, { replace: true });
  };
}

/** The partnership to open after sign-in when the person does not work in this one; null to stay. */
async function partnershipToOpen(): Promise<string | null> {
  const [here, mine] = await Promise.all([currentPartnership().catch(() => null), getMyPartnerships().then((r) => r.partnerships)]);
  return mine.length && !mine.some((p) => p.id === here) ? mine[0]!.id : null;
}
