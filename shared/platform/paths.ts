/**
 * Platform administration's pages live outside every partnership (`/platform`, `/platform/new`):
 * the platform administrator works in none, so these addresses never name one and the SPA runs
 * them without a partnership's base.
 */

/** The platform administrator's home: the partnerships the service hosts. */
export const PLATFORM_HOME = '/platform';

/** Whether a page address is one of platform administration's (`/platform`, `/platform/new`...), not a partnership's. */
export function isPlatformPage(pathname: string): boolean {
  return pathname === PLATFORM_HOME || pathname.startsWith(`${PLATFORM_HOME}/`);
}
