import { describe, expect, it } from 'vitest';
import { cannotSign } from './sign-rule.js';

const version = { requiredAgencyIds: ['medway-council', 'kent-police'], status: 'awaiting-sign-off' as const, decisions: [] };
const signatory = { role: 'partner' as const, signatory: true, agencyId: 'kent-police' };

describe('cannotSign', () => {
  it('when the signatory of a required agency has not decided on the current version, they can sign', () => {
    expect(cannotSign(signatory, version)).toBeNull();
  });

  it('when someone is not a signatory of a required agency, the reason says which rule stops them, in order', () => {
    expect(cannotSign({ ...signatory, role: 'lead' }, version)).toEqual({ reason: 'lead' });
    expect(cannotSign({ ...signatory, role: 'executive' }, version)).toEqual({ reason: 'executive' });
    expect(cannotSign({ ...signatory, signatory: false }, version)).toEqual({ reason: 'not-signatory' });
    expect(cannotSign({ ...signatory, agencyId: 'medway-schools' }, version)).toEqual({ reason: 'not-required' });
    expect(cannotSign({ ...signatory, agencyId: null }, version)).toEqual({ reason: 'not-required' });
  });

  it('when the version is superseded or the agency has decided, no further decision can be recorded', () => {
    expect(cannotSign(signatory, { ...version, status: 'superseded' })).toEqual({ reason: 'superseded' });
    const decision = { agencyId: 'kent-police', decision: 'approve' as const, at: '2026-11-01T10:00:00Z' };
    expect(cannotSign(signatory, { ...version, decisions: [decision] as never })).toEqual({ reason: 'decided', decision });
  });
});
