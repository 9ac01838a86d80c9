import { partnershipOfPath } from '../../../shared/partnership/paths.js';

/**
 * The partnership the app works in: the one its address names (`/p/mscp/...`, as links in email
 * do), else the one this tab last worked in, else the deployment's own (from `/api/config`). The
 * typed clients (client.ts) address it with a placeholder that their fetch fills in, so they can be
 * built before it is known.
 */
export const THIS_PARTNERSHIP = '~';
const REMEMBERED = 'portal.partnership';
/** The partnership the address names, else the one this tab last worked in (for an address that names none). */
function partnershipOfTab(): string | null {
  if (typeof location === 'undefined') return null;
  const store = typeof sessionStorage === 'undefined' ? null : sessionStorage;
  const named = partnershipOfPath(location.pathname);
  if (named) store?.setItem(REMEMBERED, named);
  return named ?? store?.getItem(REMEMBERED) ?? null;
}
const named = partnershipOfTab();
let partnership: Promise<string> | null = named ? Promise.resolve(named) : null;
/** The partnership this page works in (asked of the server once per tab when the address names none). */
export function currentPartnership(): Promise<string> {
  partnership ??= fetch('/api/config', { headers: { Accept: 'application/json' } })
    .then((r) => r.json() as Promise<{ partnershipId: string }>)
    .then((c) => {
      if (typeof sessionStorage !== 'undefined') sessionStorage.setItem(REMEMBERED, c.partnershipId);
      return c.partnershipId;
    })
    .catch((err: unknown) => {
      partnership = null;
      throw err;
    });
  return partnership;
}
const PLACEHOLDER = new RegExp(`^(/api(?:/public)?/p/)${THIS_PARTNERSHIP}(?=/|$)`);
/** `url` with the placeholder partnership replaced by this page's; any other address as it is. */
export async function withPartnership(url: string): Promise<string> {
  const path = new URL(url, 'http://portal');
  if (!PLACEHOLDER.test(path.pathname)) return url;
  const pid = await currentPartnership();
  return `${path.pathname.replace(PLACEHOLDER, `$1${encodeURIComponent(pid)}`)}${path.search}`;
}
