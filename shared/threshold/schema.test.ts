import { describe, expect, it } from 'vitest';
import { deriveStatus, SignOffRequest, versionIdFor } from './schema.js';

const req = { requiredAgencyIds: ['council', 'police', 'health'] };
const d = (agencyId: string, decision: 'approve' | 'request-changes', at = '2026-03-01T00:00:00Z') => ({ agencyId, decision, at });

describe('threshold version status', () => {
  it('when no partner has decided, it is awaiting sign-off', () => {
    expect(deriveStatus(req, [], true)).toEqual({ status: 'awaiting-sign-off', signedOffAt: null });
  });
  it('when every required partner approved, it is signed off on the last approval', () => {
    const r = deriveStatus(
      req,
      [d('council', 'approve', '2026-03-01T00:00:00Z'), d('police', 'approve', '2026-03-09T00:00:00Z'), d('health', 'approve', '2026-03-05T00:00:00Z')],
      true,
    );
    expect(r).toEqual({ status: 'signed-off', signedOffAt: '2026-03-09T00:00:00Z' });
  });
  it('when one partner requests changes, it is changes-requested even if the others approved', () => {
    expect(deriveStatus(req, [d('council', 'approve'), d('police', 'approve'), d('health', 'request-changes')], true).status).toBe('changes-requested');
  });
  it('when a newer version exists, it is superseded whatever the decisions, keeping its sign-off date', () => {
    expect(deriveStatus(req, [], false).status).toBe('superseded');
    const all = ['council', 'police', 'health'].map((a) => d(a, 'approve'));
    expect(deriveStatus(req, all, false)).toEqual({ status: 'superseded', signedOffAt: '2026-03-01T00:00:00Z' });
  });
  it('when an agency that is not required approves, it does not count', () => {
    expect(deriveStatus({ requiredAgencyIds: ['council'] }, [d('police', 'approve')], true).status).toBe('awaiting-sign-off');
  });
});

describe('sign-off request', () => {
  it('when changes are requested without a comment, the comment field is named', () => {
    const r = SignOffRequest.safeParse({ decision: 'request-changes' });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['comment']);
  });
  it('when approving, a comment is optional', () => {
    expect(SignOffRequest.safeParse({ decision: 'approve' }).success).toBe(true);
  });
  it('when labels are turned into ids, they are URL-safe', () => {
    expect(versionIdFor('v4.1')).toBe('v4-1');
    expect(versionIdFor(' V 5.0 final ')).toBe('v-5-0-final');
  });
});
