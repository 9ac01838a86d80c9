import { describe, expect, it } from 'vitest';
import { canOpen, NAV } from './nav.js';

describe('navigation by role', () => {
  it('when the user is a partner, it offers their own return but not the lead tools', () => {
    expect(NAV.partner.map((i) => i.href)).toEqual(['/', '/our-return', '/threshold', '/kinship', '/readiness']);
    expect(canOpen('partner', '/returns')).toBe(false);
    expect(canOpen('partner', '/tracker')).toBe(false);
  });

  it('when the user is an executive, it lets them open the tracker but no return', () => {
    expect(canOpen('executive', '/tracker')).toBe(true);
    expect(canOpen('executive', '/our-return')).toBe(false);
    expect(canOpen('executive', '/returns')).toBe(false);
  });

  it('when the user is the lead, it offers every area except a single agency return', () => {
    expect(NAV.lead.map((i) => i.label)).toEqual(['Home', 'Returns', 'Threshold document', 'Kinship offer', 'Readiness', 'Tracker']);
    expect(canOpen('lead', '/our-return')).toBe(false);
  });
});
