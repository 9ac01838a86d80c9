import { describe, expect, it } from 'vitest';
import { cannotSign, whyCannotSign } from './sign-rule.js';

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

describe('whyCannotSign', () => {
  const names: Record<string, string> = { 'kent-police': 'Kent Police', 'medway-schools': 'Medway schools' };
  const agencyName = (id: string) => names[id];
  const day = (iso: string) => `day ${iso.slice(0, 10)}`;
  const v = { ...version, versionLabel: 'v4.0' };

  it('when the signatory can decide, there is nothing to say', () => {
    expect(whyCannotSign(signatory, v, agencyName, day)).toBeNull();
  });

  it('when someone cannot decide, the words say why, naming their agency', () => {
    expect(whyCannotSign({ ...signatory, role: 'lead' }, v, agencyName, day)).toMatch(/^The programme lead issues threshold document versions\./);
    expect(whyCannotSign({ ...signatory, role: 'executive' }, v, agencyName, day)).toBe(
      'Partnership executive members follow sign-off here, but do not sign the threshold document.',
    );
    expect(whyCannotSign({ ...signatory, signatory: false }, v, agencyName, day)).toMatch(/Your account is not a signatory\.$/);
    expect(whyCannotSign({ ...signatory, agencyId: 'medway-schools' }, v, agencyName, day)).toBe('Medway schools is not one of the partners that sign the threshold document.');
    expect(whyCannotSign({ ...signatory, agencyId: null }, v, agencyName, day)).toBe('Your agency is not one of the partners that sign the threshold document.');
    expect(whyCannotSign(signatory, { ...v, status: 'superseded' }, agencyName, day)).toBe('This version has been superseded by a newer one.');
  });

  it('when the agency has decided, the words say what, and when', () => {
    const decision = { agencyId: 'kent-police', decision: 'request-changes' as const, at: '2026-11-01T10:00:00Z' };
    expect(whyCannotSign(signatory, { ...v, decisions: [decision] as never }, agencyName, day)).toBe(
      'Kent Police recorded its decision on v4.0 (changes requested) on day 2026-11-01. Decisions are permanent; you will be asked again when a new version is issued.',
    );
  });
});
