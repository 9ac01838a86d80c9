import type { Role } from '../../shared/auth/roles.js';

export interface NavItem {
  href: string;
  label: string;
}

/**
 * What each role may use, in menu order. Routes check the same table, so a link never leads to a
 * page the role cannot open, and typing a URL does not open one either.
 */
export const NAV: Record<Role, NavItem[]> = {
  lead: [
    { href: '/', label: 'Home' },
    { href: '/returns', label: 'Returns' },
    { href: '/threshold', label: 'Threshold document' },
    { href: '/kinship', label: 'Kinship offer' },
    { href: '/readiness', label: 'Readiness' },
    { href: '/tracker', label: 'Tracker' },
    { href: '/reports', label: 'Yearly reports' },
    { href: '/measures', label: 'Outcome measures' },
    { href: '/programme', label: 'Programme set-up' },
    { href: '/people', label: 'People' },
    { href: '/audit', label: 'Audit trail' },
  ],
  partner: [
    { href: '/', label: 'Home' },
    { href: '/our-return', label: 'Our return' },
    { href: '/threshold', label: 'Threshold document' },
    { href: '/kinship', label: 'Kinship offer' },
    { href: '/readiness', label: 'Readiness' },
    { href: '/measures', label: 'Outcome measures' },
  ],
  executive: [
    { href: '/', label: 'Home (tracker)' },
    { href: '/reports', label: 'Yearly reports' },
    { href: '/measures', label: 'Outcome measures' },
    { href: '/threshold', label: 'Threshold document' },
    { href: '/kinship', label: 'Kinship offer' },
    { href: '/readiness', label: 'Readiness' },
  ],
};

/**
 * Areas each role may open, including their sub-pages (e.g. `/returns/2026-27-Q3/kent-police`).
 * Executives read returns (read-only) so every tracker figure can link through to its detail.
 */
const AREAS: Record<Role, string[]> = {
  lead: ['/returns', '/threshold', '/kinship', '/readiness', '/tracker', '/board-report', '/reports', '/measures', '/programme', '/people', '/audit'],
  partner: ['/our-return', '/threshold', '/kinship', '/readiness', '/measures'],
  executive: ['/tracker', '/board-report', '/reports', '/measures', '/returns', '/threshold', '/kinship', '/readiness'],
};

/** What an agency administrator (a partner with that flag) may use besides a partner's areas. */
const AGENCY_ADMIN: NavItem = { href: '/people', label: 'People' };

/** The menu of a signed-in person: their role's, and People for an agency administrator. */
export function navFor(me: { role: Role; agencyAdmin?: boolean }): NavItem[] {
  return me.role === 'partner' && me.agencyAdmin ? [...NAV.partner, AGENCY_ADMIN] : NAV[me.role];
}

/** Whether a role (an agency administrator, with `agencyAdmin`) may open a path. The API checks the same rules again on every request. */
export function canOpen(role: Role, path: string, agencyAdmin = false): boolean {
  const p = path.length > 1 ? path.replace(/\/+$/, '') : path;
  // Everyone's own settings, and the partnerships they work in.
  if (p === '/settings' || p.startsWith('/settings/') || p === '/partnerships') return true;
  const areas = role === 'partner' && agencyAdmin ? [...AREAS.partner, AGENCY_ADMIN.href] : AREAS[role];
  return p === '/' || areas.some((a) => p === a || p.startsWith(`${a}/`));
}

/** The platform administrator's menu, on platform pages (outside every partnership). */
export const PLATFORM_NAV: NavItem[] = [
  { href: '/platform', label: 'Partnerships' },
  { href: '/platform/new', label: 'Create a partnership' },
];
