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
  ],
  partner: [
    { href: '/', label: 'Home' },
    { href: '/our-return', label: 'Our return' },
    { href: '/threshold', label: 'Threshold document' },
    { href: '/kinship', label: 'Kinship offer' },
    { href: '/readiness', label: 'Readiness' },
  ],
  executive: [
    { href: '/', label: 'Home (tracker)' },
    { href: '/threshold', label: 'Threshold document' },
    { href: '/kinship', label: 'Kinship offer' },
    { href: '/readiness', label: 'Readiness' },
  ],
};

/** Whether a role may open a path (the executive's tracker is their home page, `/tracker` too). */
export function canOpen(role: Role, path: string): boolean {
  if (role === 'executive' && path === '/tracker') return true;
  return NAV[role].some((item) => item.href === path);
}
