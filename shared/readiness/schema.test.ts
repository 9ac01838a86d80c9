import { describe, expect, it } from 'vitest';
import { AssessmentRequest, scoreAgency, scoreWorkstream, type Assessment, type Criterion } from './schema.js';

const crit = (id: string, agencyIds: string[], over: Partial<Criterion> = {}): Criterion => ({
  id,
  workstreamId: 'safeguarding',
  title: id,
  description: '',
  agencyIds,
  evidenceExpected: '',
  targetDate: '2027-01-31',
  derivedFrom: null,
  version: 1,
  ...over,
});
const a = (criterionId: string, agencyId: string, status: Assessment['status'], confirmed = false, targetDate: string | null = null): Assessment => ({
  criterionId,
  agencyId,
  workstreamId: 'safeguarding',
  status,
  evidence: 'e',
  links: [],
  targetDate,
  reason: status === 'not-applicable' ? 'n/a' : null,
  updatedBy: 'x',
  updatedAt: 't',
  version: 1,
  validation: confirmed ? { outcome: 'confirmed', comment: '', by: 'lead', byName: 'Lead', at: 't' } : null,
});

describe('readiness scores', () => {
  const criteria = [crit('c1', ['police', 'council']), crit('c2', ['police']), crit('c3', ['police']), crit('c4', ['council'])];
  it('when an agency is ready on some criteria, confirmed counts only the lead-confirmed ones', () => {
    const s = scoreAgency('police', criteria, [a('c1', 'police', 'ready', true), a('c2', 'police', 'ready')], '2026-11-22');
    expect(s).toMatchObject({ applicable: 3, selfAssessed: 2, confirmed: 1, selfAssessedPercent: 67, confirmedPercent: 33 });
  });
  it('when a criterion is not applicable to the agency, it leaves the denominator', () => {
    const s = scoreAgency('police', criteria, [a('c3', 'police', 'not-applicable')], '2026-11-22');
    expect(s.applicable).toBe(2);
  });
  it('when a target date has passed and the agency is not ready, it counts as overdue', () => {
    const s = scoreAgency('police', criteria, [a('c2', 'police', 'in-progress', false, '2026-10-31')], '2026-11-22');
    expect(s.overdue).toBe(1);
  });
  it('when nothing applies, percentages are zero rather than NaN', () => {
    expect(scoreAgency('health', criteria, [], '2026-11-22').confirmedPercent).toBe(0);
  });
  it('when a derived criterion holds, it counts once in the workstream score', () => {
    const withDerived = [...criteria, crit('d1', [], { derivedFrom: 'threshold-signed-off' })];
    const s = scoreWorkstream(withDerived, [], { d1: true }, '2026-11-22');
    expect(s).toMatchObject({ applicable: 6, confirmed: 1, selfAssessed: 1 });
  });
});

describe('assessment request', () => {
  it('when not applicable has no reason, reason is named', () => {
    const r = AssessmentRequest.safeParse({ status: 'not-applicable' });
    expect(r.error?.issues[0]?.path).toEqual(['reason']);
  });
  it('when ready has no evidence, evidence is named', () => {
    expect(AssessmentRequest.safeParse({ status: 'ready' }).error?.issues[0]?.path).toEqual(['evidence']);
  });
  it('when a link is not a web address, it gets one message, not two', () => {
    for (const bad of ['not a link', 'ftp://example.org/file', 'https://', 'www.example.org']) {
      const r = AssessmentRequest.safeParse({ status: 'in-progress', links: [bad] });
      expect(r.error?.issues.map((i) => i.message)).toEqual(['Enter a full web address starting with https://, for example https://www.example.org/evidence']);
    }
    expect(AssessmentRequest.safeParse({ status: 'in-progress', links: ['https://www.example.org/evidence'] }).success).toBe(true);
  });

  it('when a link is not a web address, it is refused', () => {
    expect(AssessmentRequest.safeParse({ status: 'in-progress', links: ['javascript:alert(1)'] }).success).toBe(false);
  });
});
