/**
 * Every partnership's pages and API live under its id, so links in emails and bookmarks open the
 * right one: `/p/{partnershipId}/...` in the SPA, `/api/p/{partnershipId}/...` in the API and
 * `/api/public/p/{partnershipId}/...` for what anyone can read.
 */

/** The SPA's base for a partnership: `/p/mscp`. */
export const partnershipPath = (partnershipId: string) => `/p/${encodeURIComponent(partnershipId)}`;

/** A partnership's signed-in API: `/api/p/mscp`. */
export const partnershipApiPath = (partnershipId: string) => `/api${partnershipPath(partnershipId)}`;

/** A partnership's public API: `/api/public/p/mscp`. */
export const publicApiPath = (partnershipId: string) => `/api/public${partnershipPath(partnershipId)}`;

/** The address of a partnership's pages on a portal: `https://portal.example/p/mscp`. */
export const partnershipUrl = (portalUrl: string, partnershipId: string) => `${portalUrl.replace(/\/+$/, '')}${partnershipPath(partnershipId)}`;

/** The partnership a page address names (`/p/mscp/returns` -> `mscp`), or null when it names none. */
export function partnershipOfPath(pathname: string): string | null {
  const m = /^\/p\/([a-z0-9]+(?:-[a-z0-9]+)*)(?:\/|$)/.exec(pathname);
  return m ? m[1]! : null;
}

/**
 * A page address as the pages are written, without the partnership the address names:
 * `/p/mscp/returns` -> `/returns`, `/p/mscp` -> `/`; an address naming none stays as it is.
 */
export function pageOfPath(pathname: string): string {
  const named = partnershipOfPath(pathname);
  return named ? pathname.slice(partnershipPath(named).length) || '/' : pathname;
}
