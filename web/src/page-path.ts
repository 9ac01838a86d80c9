import { useLocation } from '@solidjs/router';
import { pageOfPath } from '../../shared/partnership/paths.js';

/**
 * This page's address as the routes are written: without the partnership the address names
 * (`/p/mscp/returns` -> `/returns`), for role checks and for the way back after signing in.
 */
export function usePagePath(): () => string {
  const loc = useLocation();
  return () => pageOfPath(loc.pathname);
}
