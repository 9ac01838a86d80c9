import { describe, expect, it } from 'vitest';
import { canOpen, NAV, navFor } from './nav.js';

describe('navigation by role', () => {
  it('when the user is a partner, it offers their own return but not the lead tools', () => {
    expect(NAV.partner.map((i) => i.href)).toEqual(['/', '/our-return', '/threshold', '/kinship', '/readiness', '/measures']);
    expect(canOpen('partner', '/returns')).toBe(false);
    expect(canOpen('partner', '/tracker')).toBe(false);
  });

  it('when the user is an executive, it lets them open the tracker and read returns, but not a partner return form', () => {
    expect(canOpen('executive', '/tracker')).toBe(true);
    expect(canOpen('executive', '/board-report')).toBe(true);
    expect(canOpen('executive', '/returns/2026-27-Q3/kent-police')).toBe(true);
    expect(canOpen('executive', '/our-return')).toBe(false);
  });

  it('when anyone signed in opens their own settings or the partnerships they work in, it opens; a look-alike does not', () => {
    for (const role of ['lead', 'partner', 'executive'] as const) {
      expect(canOpen(role, '/settings/notifications')).toBe(true);
      expect(canOpen(role, '/partnerships')).toBe(true);
      expect(canOpen(role, '/partnerships-elsewhere')).toBe(false);
    }
  });

  it('when a path is a sub-page of an allowed area, it opens; a look-alike prefix does not', () => {
    expect(canOpen('partner', '/our-return/section/kinship')).toBe(true);
    expect(canOpen('partner', '/our-returns-hack')).toBe(false);
    expect(canOpen('partner', '/returns/2026-27-Q3/kent-police')).toBe(false);
  });

  it('when the user is the lead, it offers every area except a single agency return', () => {
    expect(NAV.lead.map((i) => i.label)).toEqual([
      'Home',
      'Returns',
      'Threshold document',
      'Kinship offer',
      'Readiness',
      'Tracker',
      'Yearly reports',
      'Outcome measures',
      'Programme set-up',
      'People',
      'Audit trail',
    ]);
    expect(canOpen('lead', '/our-return')).toBe(false);
  });

  it('when anyone signed in looks for outcome measures, they are offered and open, with each workstream page and the lead forms', () => {
    for (const role of ['lead', 'partner', 'executive'] as const) {
      expect(NAV[role].map((i) => i.label)).toContain('Outcome measures');
      expect(canOpen(role, '/measures')).toBe(true);
      expect(canOpen(role, '/measures/kinship')).toBe(true);
    }
    expect(canOpen('lead', '/measures/kinship/new')).toBe(true);
    expect(canOpen('executive', '/measures-elsewhere')).toBe(false);
  });

  it('when the user is not the lead, the audit trail is neither offered nor opened', () => {
    for (const role of ['partner', 'executive'] as const) {
      expect(NAV[role].map((i) => i.href)).not.toContain('/audit');
      expect(canOpen(role, '/audit')).toBe(false);
    }
    expect(canOpen('lead', '/audit')).toBe(true);
  });

  it('when a partner administers their agency, People is offered and opens; other partners and the executive get neither', () => {
    expect(navFor({ role: 'partner', agencyAdmin: true }).map((i) => i.href)).toContain('/people');
    expect(canOpen('partner', '/people/abc/change', true)).toBe(true);
    expect(navFor({ role: 'partner', agencyAdmin: false }).map((i) => i.href)).not.toContain('/people');
    expect(canOpen('partner', '/people')).toBe(false);
    expect(canOpen('executive', '/people', true)).toBe(false);
    expect(navFor({ role: 'lead' }).map((i) => i.href)).toContain('/people');
  });
});
