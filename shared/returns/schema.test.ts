import { describe, expect, it } from 'vitest';
import { formatPath } from '../http/problem.js';
import {
  compareRisks,
  CONFIDENCE_LABELS,
  CONFIDENCE_LEVELS,
  CONFIDENCE_MEANINGS,
  IMPACT_LABELS,
  IMPACTS,
  LIKELIHOOD_LABELS,
  LIKELIHOODS,
  MILESTONE_STATUS_LABELS,
  MILESTONE_STATUSES,
  parseRiskRating,
  RETURN_STATUSES,
  RETURN_STATUS_LABELS,
  ReturnReturnRequest,
  ReturnSectionInput,
  ReturnView,
  riskRating,
  riskRatingLabel,
  riskScore,
  SaveReturnRequest,
  SubmitRequest,
  type Impact,
  type Likelihood,
} from './schema.js';

const paths = (r: { error?: { issues: { path: PropertyKey[] }[] } }) => r.error?.issues.map((i) => formatPath(i.path)) ?? [];
const risk = { title: 'Reform demand on staffing', description: 'Vacancies', likelihood: 'B', impact: 'II', mitigation: 'Recruitment campaign', owner: 'Head of Service' };

describe('scales and labels', () => {
  it('when the confidence scale is listed, it runs best to worst with a label and a full meaning for each', () => {
    expect(CONFIDENCE_LEVELS).toEqual(['green', 'amber-green', 'amber', 'amber-red', 'red']);
    expect(Object.values(CONFIDENCE_LABELS)).toEqual(['Green', 'Amber/Green', 'Amber', 'Amber/Red', 'Red']);
    expect(CONFIDENCE_MEANINGS.green).toMatch(/highly likely/i);
    expect(CONFIDENCE_MEANINGS['amber-green']).toMatch(/probable/i);
    expect(CONFIDENCE_MEANINGS.amber).toMatch(/feasible.*significant issues/i);
    expect(CONFIDENCE_MEANINGS['amber-red']).toMatch(/in doubt.*urgent action/i);
    expect(CONFIDENCE_MEANINGS.red).toMatch(/unachievable/i);
    for (const c of CONFIDENCE_LEVELS) expect(CONFIDENCE_MEANINGS[c].length).toBeGreaterThan(60);
  });

  it('when milestone, likelihood, impact and return statuses are listed, each has its label', () => {
    expect(MILESTONE_STATUSES).toEqual(['not-started', 'on-track', 'at-risk', 'off-track', 'complete']);
    expect(MILESTONE_STATUS_LABELS['off-track']).toBe('Off track');
    expect(LIKELIHOOD_LABELS).toEqual({ A: 'Very likely', B: 'Likely', C: 'Unlikely', D: 'Rare' });
    expect(IMPACT_LABELS).toEqual({ I: 'Catastrophic', II: 'Major', III: 'Moderate', IV: 'Minor' });
    expect(RETURN_STATUSES).toEqual(['not-started', 'draft', 'awaiting-certification', 'submitted', 'returned', 'accepted']);
    expect(RETURN_STATUS_LABELS['awaiting-certification']).toBe('Awaiting certification');
  });
});

describe('risk ratings', () => {
  it('when a rating is made from the seed risks, it reads as the council writes it', () => {
    expect(riskRating('D', 'II')).toBe('DII');
    expect(riskRating('B', 'II')).toBe('BII');
    expect(riskRating('C', 'III')).toBe('CIII');
    expect(riskRatingLabel('B', 'II')).toBe('BII: likely, major impact');
  });

  it('when every rating is written and read back, it round-trips', () => {
    for (const l of LIKELIHOODS) for (const i of IMPACTS) expect(parseRiskRating(riskRating(l, i))).toEqual({ likelihood: l, impact: i });
    expect(parseRiskRating('bii')).toEqual({ likelihood: 'B', impact: 'II' });
    expect(parseRiskRating('EII')).toBeNull();
    expect(parseRiskRating('AIIII')).toBeNull();
    expect(parseRiskRating('A')).toBeNull();
  });

  it('when scored, AI is the highest (16), DIV the lowest (1), and the score never rises as either axis improves', () => {
    expect(riskScore('A', 'I')).toBe(16);
    expect(riskScore('D', 'IV')).toBe(1);
    for (const [li, l] of LIKELIHOODS.entries()) {
      for (const [ii, i] of IMPACTS.entries()) {
        if (li + 1 < LIKELIHOODS.length) expect(riskScore(LIKELIHOODS[li + 1]!, i)).toBeLessThan(riskScore(l, i));
        if (ii + 1 < IMPACTS.length) expect(riskScore(l, IMPACTS[ii + 1]!)).toBeLessThan(riskScore(l, i));
      }
    }
  });

  it('when risks are sorted, the worst comes first and equal scores put the graver impact first', () => {
    const all = LIKELIHOODS.flatMap((likelihood) => IMPACTS.map((impact) => ({ likelihood, impact }) as { likelihood: Likelihood; impact: Impact }));
    const sorted = [...all]
      .reverse()
      .sort(compareRisks)
      .map((r) => riskRating(r.likelihood, r.impact));
    expect(sorted[0]).toBe('AI');
    expect(sorted.at(-1)).toBe('DIV');
    // AII and BI both score 12: the catastrophic impact ranks first.
    expect(sorted.indexOf('BI')).toBeLessThan(sorted.indexOf('AII'));
    expect(sorted.slice(0, 3)).toEqual(['AI', 'BI', 'AII']);
  });
});

describe('ReturnSectionInput', () => {
  it('when a draft section has only its workstream, it parses with empty defaults', () => {
    expect(ReturnSectionInput.parse({ workstreamId: 'kinship' })).toEqual({
      workstreamId: 'kinship',
      narrative: '',
      milestones: [],
      risks: [],
      escalations: [],
      metrics: [],
      indicators: [],
    });
  });

  it('when confidence is null or the narrative empty, it is still a valid draft', () => {
    expect(ReturnSectionInput.safeParse({ workstreamId: 'kinship', confidence: null, narrative: '' }).success).toBe(true);
  });

  it('when the contract example is sent, it parses unchanged', () => {
    const section = {
      workstreamId: 'safeguarding',
      confidence: 'amber',
      narrative: 'MACPT design agreed with police and health.',
      milestones: [{ milestoneId: 'macpt-design-agreed', status: 'on-track', note: 'Design workshop held' }],
      risks: [risk],
      escalations: [{ summary: 'Agree police staffing for the MACPT' }],
      metrics: [{ name: 'Child protection plans', value: 331 }],
      indicators: [{ indicatorId: 'child-protection-plans', value: 331, belowThreshold: false, note: 'Down from 338', confirmed: false }],
    };
    expect(ReturnSectionInput.parse(section)).toEqual(section);
  });

  it('when a field is unknown or an enum value wrong, the path names it', () => {
    expect(paths(ReturnSectionInput.safeParse({ workstreamId: 'kinship', colour: 'red' }))).toEqual(['(body)']);
    expect(paths(ReturnSectionInput.safeParse({ workstreamId: 'kinship', confidence: 'purple' }))).toEqual(['confidence']);
    expect(paths(ReturnSectionInput.safeParse({ workstreamId: 'kinship', milestones: [{ milestoneId: 'm1', status: 'done' }] }))).toEqual(['milestones[0].status']);
    expect(paths(ReturnSectionInput.safeParse({ workstreamId: 'kinship', risks: [{ ...risk, likelihood: 'E' }] }))).toEqual(['risks[0].likelihood']);
    expect(paths(ReturnSectionInput.safeParse({ workstreamId: 'kinship', risks: [{ ...risk, impact: 'V' }] }))).toEqual(['risks[0].impact']);
  });

  it('when text is longer than its limit, it is refused at that field', () => {
    expect(paths(ReturnSectionInput.safeParse({ workstreamId: 'kinship', narrative: 'x'.repeat(5001) }))).toEqual(['narrative']);
    expect(ReturnSectionInput.safeParse({ workstreamId: 'kinship', narrative: 'x'.repeat(5000) }).success).toBe(true);
    expect(paths(ReturnSectionInput.safeParse({ workstreamId: 'kinship', risks: [{ ...risk, title: 'x'.repeat(201) }] }))).toEqual(['risks[0].title']);
    expect(paths(ReturnSectionInput.safeParse({ workstreamId: 'kinship', milestones: [{ milestoneId: 'm1', status: 'complete', note: 'x'.repeat(2001) }] }))).toEqual([
      'milestones[0].note',
    ]);
    expect(paths(ReturnSectionInput.safeParse({ workstreamId: 'kinship', escalations: [{ summary: 'x'.repeat(1001) }] }))).toEqual(['escalations[0].summary']);
  });

  it('when a required text is blank, it is refused', () => {
    expect(paths(ReturnSectionInput.safeParse({ workstreamId: 'kinship', risks: [{ ...risk, title: '   ' }] }))).toEqual(['risks[0].title']);
    expect(paths(ReturnSectionInput.safeParse({ workstreamId: 'kinship', escalations: [{ summary: '' }] }))).toEqual(['escalations[0].summary']);
    expect(paths(ReturnSectionInput.safeParse({ workstreamId: 'kinship', metrics: [{ name: '', value: 1 }] }))).toEqual(['metrics[0].name']);
  });

  it('when lists are longer than their limits, they are refused', () => {
    const many = <T>(n: number, x: (i: number) => T) => Array.from({ length: n }, (_, i) => x(i));
    expect(paths(ReturnSectionInput.safeParse({ workstreamId: 'kinship', risks: many(21, () => risk) }))).toEqual(['risks']);
    expect(paths(ReturnSectionInput.safeParse({ workstreamId: 'kinship', escalations: many(11, () => ({ summary: 's' })) }))).toEqual(['escalations']);
    expect(paths(ReturnSectionInput.safeParse({ workstreamId: 'kinship', metrics: many(21, (i) => ({ name: `m${i}`, value: i })) }))).toEqual(['metrics']);
    expect(paths(ReturnSectionInput.safeParse({ workstreamId: 'kinship', milestones: many(51, (i) => ({ milestoneId: `m${i}`, status: 'on-track' })) }))).toEqual(['milestones']);
  });

  it('when a metric value is not a finite number, it is refused', () => {
    for (const value of ['12', Number.NaN, Number.POSITIVE_INFINITY, null]) {
      expect(paths(ReturnSectionInput.safeParse({ workstreamId: 'kinship', metrics: [{ name: 'n', value }] })), String(value)).toEqual(['metrics[0].value']);
    }
    expect(ReturnSectionInput.safeParse({ workstreamId: 'kinship', metrics: [{ name: 'Budget (£m)', value: -2.7 }] }).success).toBe(true);
  });

  it('when ids are not slugs, they are refused', () => {
    expect(paths(ReturnSectionInput.safeParse({ workstreamId: 'Family Help' }))).toEqual(['workstreamId']);
    expect(paths(ReturnSectionInput.safeParse({ workstreamId: 'kinship', milestones: [{ milestoneId: 'Bad Id', status: 'on-track' }] }))).toEqual(['milestones[0].milestoneId']);
    expect(paths(ReturnSectionInput.safeParse({ workstreamId: 'kinship', milestones: [{ milestoneId: 'm'.repeat(101), status: 'on-track' }] }))).toEqual([
      'milestones[0].milestoneId',
    ]);
  });

  it('when one milestone is updated twice, the second update is named', () => {
    const r = ReturnSectionInput.safeParse({
      workstreamId: 'kinship',
      milestones: [
        { milestoneId: 'm1', status: 'on-track' },
        { milestoneId: 'm1', status: 'complete' },
      ],
    });
    expect(paths(r)).toEqual(['milestones[1].milestoneId']);
  });
});

describe('SaveReturnRequest', () => {
  it('when sections are unique, it parses', () => {
    expect(SaveReturnRequest.safeParse({ sections: [{ workstreamId: 'kinship' }, { workstreamId: 'family-help' }] }).success).toBe(true);
    expect(SaveReturnRequest.safeParse({ sections: [] }).success).toBe(true);
  });

  it('when a workstream appears twice, the error is on the repeated section’s workstreamId', () => {
    const r = SaveReturnRequest.safeParse({ sections: [{ workstreamId: 'kinship' }, { workstreamId: 'family-help' }, { workstreamId: 'kinship' }] });
    expect(paths(r)).toEqual(['sections[2].workstreamId']);
  });

  it('when a section is invalid, the path includes its index', () => {
    expect(paths(SaveReturnRequest.safeParse({ sections: [{ workstreamId: 'kinship' }, { workstreamId: 'care-leavers', confidence: 'blue' }] }))).toEqual([
      'sections[1].confidence',
    ]);
  });

  it('when there are more than 20 sections or unknown top-level fields, it is refused', () => {
    const sections = Array.from({ length: 21 }, (_, i) => ({ workstreamId: `ws-${i}` }));
    expect(paths(SaveReturnRequest.safeParse({ sections }))).toEqual(['sections']);
    expect(SaveReturnRequest.safeParse({ sections: [], status: 'accepted' }).success).toBe(false);
    expect(SaveReturnRequest.safeParse({}).success).toBe(false);
  });
});

describe('SubmitRequest and ReturnReturnRequest', () => {
  it('when submit has no body fields or acknowledges warnings, it parses; anything else is refused', () => {
    expect(SubmitRequest.parse({})).toEqual({});
    expect(SubmitRequest.parse({ acknowledgeWarnings: true })).toEqual({ acknowledgeWarnings: true });
    expect(SubmitRequest.safeParse({ acknowledgeWarnings: 'yes' }).success).toBe(false);
    expect(SubmitRequest.safeParse({ force: true }).success).toBe(false);
  });

  it('when the lead returns a return, a comment of 1 to 2,000 characters is needed', () => {
    expect(ReturnReturnRequest.parse({ comment: '  Add the staffing risk.  ' })).toEqual({ comment: 'Add the staffing risk.' });
    expect(paths(ReturnReturnRequest.safeParse({ comment: '   ' }))).toEqual(['comment']);
    expect(paths(ReturnReturnRequest.safeParse({}))).toEqual(['comment']);
    expect(paths(ReturnReturnRequest.safeParse({ comment: 'x'.repeat(2001) }))).toEqual(['comment']);
    expect(ReturnReturnRequest.safeParse({ comment: 'ok', extra: 1 }).success).toBe(false);
  });
});

describe('ReturnView', () => {
  it('when the contract example is parsed, it is accepted', () => {
    const view = {
      periodId: '2026-27-Q3',
      agencyId: 'kent-police',
      status: 'draft',
      version: 3,
      sections: [
        {
          workstreamId: 'safeguarding',
          confidence: 'amber',
          narrative: '...',
          carriedForward: false,
          milestones: [{ milestoneId: 'macpt-design', status: 'on-track', note: '...' }],
          risks: [risk],
          escalations: [{ summary: '...' }],
          metrics: [{ name: '...', value: 12 }],
          indicators: [{ indicatorId: 'children-in-care', value: 548, belowThreshold: false, note: '', confirmed: false }],
        },
      ],
      review: { comments: [{ comment: 'Add the staffing risk', by: 'lead@mscp.example', byName: 'Programme Lead', at: '2026-11-01T10:00:00.000Z' }] },
      submittedBy: null,
      submittedAt: null,
      acceptedBy: null,
      acceptedAt: null,
      updatedAt: '2026-11-02T10:00:00.000Z',
      warnings: [{ path: 'sections[0].narrative', kind: 'nhs-number', message: '...' }],
    };
    expect(ReturnView.parse(view)).toEqual(view);
  });

  it('when a return is not started, version 0 and null confidence are valid', () => {
    const r = ReturnView.safeParse({
      periodId: '2026-27-Q3',
      agencyId: 'kent-police',
      status: 'not-started',
      version: 0,
      sections: [{ workstreamId: 'safeguarding', confidence: null, narrative: '', milestones: [], risks: [], escalations: [], metrics: [], indicators: [] }],
      review: { comments: [] },
      submittedBy: null,
      submittedAt: null,
      acceptedBy: null,
      acceptedAt: null,
      updatedAt: null,
      warnings: [],
    });
    expect(r.success).toBe(true);
  });
});
