import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  canTransition,
  carryForward,
  certifyRefusal,
  editableIn,
  isEditable,
  nextStatus,
  RETURN_ACTIONS,
  RETURN_TRANSITIONS,
  sectionProgress,
  sectionToDo,
  submitErrors,
  type SectionLike,
} from './rules.js';
import { RETURN_STATUSES, type Risk } from './schema.js';

const names = new Map([
  ['family-help', 'Family Help and Early Intervention'],
  ['kinship', 'Strengthening Kinship Care'],
  ['safeguarding', 'Improving Safeguarding and Multi-Agency Collaboration'],
]);
const risk: Risk = { title: 'Reform demand on staffing', description: '', likelihood: 'B', impact: 'II', mitigation: '', owner: '' };
const complete = (workstreamId: string, over: Partial<SectionLike> = {}): SectionLike => ({
  workstreamId,
  confidence: 'green',
  narrative: 'On track and reported to the board.',
  milestones: [],
  risks: [],
  escalations: [],
  metrics: [],
  ...over,
});

describe('submitErrors', () => {
  it('when every required section is complete, there are no errors', () => {
    expect(submitErrors([complete('family-help'), complete('kinship')], ['family-help', 'kinship'], names)).toEqual([]);
  });

  it('when confidence or narrative is missing, each is named by path with a message that says how to fix it', () => {
    const errors = submitErrors([complete('family-help', { confidence: null }), complete('kinship', { narrative: '   ' })], ['family-help', 'kinship'], names);
    expect(errors).toEqual([
      { path: 'sections[0].confidence', message: 'Choose a delivery confidence for Family Help and Early Intervention' },
      { path: 'sections[1].narrative', message: 'Enter a progress narrative for Strengthening Kinship Care: what has happened this quarter' },
    ]);
  });

  it.each(['red', 'amber-red'])('when a %s section has no risk or escalation, the error is on its risks', (confidence) => {
    const errors = submitErrors([complete('family-help'), complete('safeguarding', { confidence })], ['family-help', 'safeguarding'], names);
    expect(errors.map((e) => e.path)).toEqual(['sections[1].risks']);
    expect(errors[0]?.message).toMatch(/^Add at least one risk or escalation for Improving Safeguarding/);
    expect(errors[0]?.message).toContain(confidence === 'red' ? 'Red' : 'Amber/Red');
  });

  it('when a red section has a risk, or an escalation, it passes', () => {
    expect(submitErrors([complete('kinship', { confidence: 'red', risks: [risk] })], ['kinship'])).toEqual([]);
    expect(submitErrors([complete('kinship', { confidence: 'amber-red', escalations: [{ summary: 'Need a decision' }] })], ['kinship'])).toEqual([]);
  });

  it.each(['green', 'amber-green', 'amber'])('when a %s section has no risks, it passes', (confidence) => {
    expect(submitErrors([complete('kinship', { confidence })], ['kinship'])).toEqual([]);
  });

  it('when a required workstream has no section, it is named on sections', () => {
    expect(submitErrors([complete('kinship')], ['family-help', 'kinship'], names)).toEqual([
      { path: 'sections', message: 'Complete the section for Family Help and Early Intervention' },
    ]);
  });

  it('when no names are given, or names come as a record, messages still read well', () => {
    expect(submitErrors([complete('kinship', { confidence: undefined })], ['kinship'])[0]?.message).toBe('Choose a delivery confidence for kinship');
    expect(submitErrors([complete('kinship', { confidence: undefined })], ['kinship'], { kinship: 'Kinship' })[0]?.message).toBe('Choose a delivery confidence for Kinship');
  });

  it('when a section is empty and red-rated nothing else, every problem is listed in field order', () => {
    const errors = submitErrors([{ workstreamId: 'kinship', confidence: null, narrative: '' }], ['kinship']);
    expect(errors.map((e) => e.path)).toEqual(['sections[0].confidence', 'sections[0].narrative']);
  });
});

describe('sectionProgress', () => {
  it('when nothing is entered, it is not started', () => {
    expect(sectionProgress({ workstreamId: 'kinship', confidence: null, narrative: '', milestones: [], risks: [], escalations: [], metrics: [] })).toBe('not-started');
    expect(sectionProgress({ workstreamId: 'kinship' })).toBe('not-started');
  });

  it('when anything is entered but the section would not pass submission, it is in progress', () => {
    expect(sectionProgress({ workstreamId: 'kinship', confidence: 'amber' })).toBe('in-progress');
    expect(sectionProgress({ workstreamId: 'kinship', narrative: 'Started' })).toBe('in-progress');
    expect(sectionProgress({ workstreamId: 'kinship', metrics: [{ name: 'x', value: 1 }] })).toBe('in-progress');
    expect(sectionProgress(complete('kinship', { confidence: 'red' }))).toBe('in-progress');
  });

  it('when it would pass submission, it is completed', () => {
    expect(sectionProgress(complete('kinship'))).toBe('completed');
    expect(sectionProgress(complete('kinship', { confidence: 'red', risks: [risk] }))).toBe('completed');
  });

  it('when the narrative is still carried forward from last quarter, it is in progress until edited', () => {
    expect(sectionProgress(complete('kinship', { carriedForward: true }))).toBe('in-progress');
    expect(sectionProgress(complete('kinship', { carriedForward: false }))).toBe('completed');
  });
});

describe('carryForward', () => {
  const previous = [
    {
      workstreamId: 'family-help',
      confidence: 'amber-green' as const,
      narrative: 'Threshold document launched.',
      milestones: [
        { milestoneId: 'fh-threshold-launch', status: 'complete', note: 'Launched 1 April' },
        { milestoneId: 'fh-old', status: 'on-track', note: 'Closed since' },
      ],
      risks: [risk],
      escalations: [{ summary: 'Decision needed on funding' }],
      metrics: [{ name: 'Families supported', value: 120 }],
    },
    { workstreamId: 'no-longer-required', confidence: 'green' as const, narrative: 'Old', milestones: [], risks: [] },
  ];

  it('when there is a previous accepted section, confidence, narrative, milestone updates and risks carry; escalations and metrics do not', () => {
    const [fh] = carryForward(previous, ['family-help']);
    expect(fh).toEqual({
      workstreamId: 'family-help',
      confidence: 'amber-green',
      narrative: 'Threshold document launched.',
      carriedForward: true,
      milestones: previous[0]!.milestones,
      risks: [risk],
      escalations: [],
      metrics: [],
    });
  });

  it('when a required workstream has no previous section, it gets an empty section, in the required order', () => {
    const out = carryForward(previous, ['kinship', 'family-help']);
    expect(out.map((s) => s.workstreamId)).toEqual(['kinship', 'family-help']);
    expect(out[0]).toEqual({ workstreamId: 'kinship', confidence: null, narrative: '', carriedForward: false, milestones: [], risks: [], escalations: [], metrics: [] });
  });

  it('when a previous section is for a workstream no longer required, it is dropped', () => {
    expect(carryForward(previous, ['family-help']).map((s) => s.workstreamId)).toEqual(['family-help']);
  });

  it('when there is no previous return at all, every required section is empty and not started', () => {
    const out = carryForward([], ['family-help', 'kinship']);
    expect(out.map((s) => sectionProgress(s))).toEqual(['not-started', 'not-started']);
  });

  it('when the previous narrative was blank, it is not marked as carried forward', () => {
    expect(carryForward([{ workstreamId: 'kinship', confidence: 'green', narrative: '  ' }], ['kinship'])[0]?.carriedForward).toBe(false);
  });

  it('when open milestones are given, updates for closed milestones are dropped', () => {
    const [fh] = carryForward(previous, ['family-help'], { openMilestoneIds: ['fh-threshold-launch'] });
    expect(fh?.milestones.map((m) => m.milestoneId)).toEqual(['fh-threshold-launch']);
  });

  it('when the carried draft is edited, the previous accepted sections are unchanged', () => {
    const [fh] = carryForward(previous, ['family-help']);
    fh!.milestones[0]!.note = 'changed';
    (fh!.risks[0] as Risk).title = 'changed';
    expect(previous[0]!.milestones[0]!.note).toBe('Launched 1 April');
    expect(risk.title).toBe('Reform demand on staffing');
  });

  it('when a carried section is shown in the task list, it is in progress until the narrative is edited', () => {
    expect(sectionProgress(carryForward(previous, ['family-help'])[0]!)).toBe('in-progress');
  });
});

describe('lifecycle', () => {
  it.each([
    ['not-started', 'save', 'draft'],
    ['draft', 'save', 'draft'],
    ['draft', 'submit', 'submitted'],
    ['returned', 'save', 'returned'],
    ['returned', 'submit', 'submitted'],
    ['submitted', 'accept', 'accepted'],
    ['submitted', 'return', 'returned'],
    ['accepted', 'reopen', 'returned'],
    ['draft', 'send-for-certification', 'awaiting-certification'],
    ['returned', 'send-for-certification', 'awaiting-certification'],
    ['awaiting-certification', 'certify', 'submitted'],
    ['awaiting-certification', 'send-back', 'draft'],
  ] as const)('when a %s return gets %s, it becomes %s', (from, action, to) => {
    expect(canTransition(from, action)).toBe(true);
    expect(nextStatus(from, action)).toBe(to);
  });

  it.each([
    ['not-started', 'submit'],
    ['not-started', 'accept'],
    ['draft', 'accept'],
    ['draft', 'return'],
    ['returned', 'accept'],
    ['returned', 'return'],
    ['submitted', 'save'],
    ['submitted', 'submit'],
    ['accepted', 'save'],
    ['accepted', 'submit'],
    ['accepted', 'accept'],
    ['accepted', 'return'],
    ['not-started', 'reopen'],
    ['draft', 'reopen'],
    ['returned', 'reopen'],
    ['submitted', 'reopen'],
    ['not-started', 'send-for-certification'],
    ['submitted', 'send-for-certification'],
    ['draft', 'certify'],
    ['submitted', 'certify'],
    ['returned', 'send-back'],
    ['awaiting-certification', 'save'],
    ['awaiting-certification', 'submit'],
    ['awaiting-certification', 'accept'],
    ['awaiting-certification', 'return'],
    ['awaiting-certification', 'reopen'],
  ] as const)('when a %s return gets %s, it is refused', (from, action) => {
    expect(canTransition(from, action)).toBe(false);
    expect(nextStatus(from, action)).toBeNull();
  });

  it('when every status and action is tried, exactly the listed transitions are allowed', () => {
    const allowed = RETURN_STATUSES.flatMap((s) => RETURN_ACTIONS.filter((a) => canTransition(s, a)).map((a) => `${s}:${a}`));
    expect(allowed).toHaveLength(Object.values(RETURN_TRANSITIONS).reduce((n, t) => n + Object.keys(t).length, 0));
    expect(allowed).toHaveLength(12);
  });

  it('when asked which statuses the agency can edit, it is not started, draft and returned', () => {
    expect(RETURN_STATUSES.filter(isEditable)).toEqual(['not-started', 'draft', 'returned']);
  });

  it('when a return is accepted, only the lead reopening it leads out of it (back to the agency)', () => {
    expect(RETURN_ACTIONS.filter((a) => canTransition('accepted', a))).toEqual(['reopen']);
    expect(isEditable('accepted')).toBe(false);
  });

  it('when the partner opens a return, they can change it only while its status allows and its period is open', () => {
    const open = { status: 'open' };
    expect(editableIn({ status: 'draft' }, open)).toBe(true);
    expect(editableIn({ status: 'returned' }, open)).toBe(true);
    expect(editableIn({ status: 'submitted' }, open)).toBe(false);
    expect(editableIn({ status: 'draft' }, { status: 'closed' })).toBe(false);
    expect(editableIn({ status: 'draft' }, null)).toBe(false);
    expect(editableIn({ status: 'not-started' }, undefined)).toBe(false);
  });
});

describe('sectionToDo', () => {
  it('when a section is saved without a narrative or confidence, it lists both in plain English', () => {
    expect(sectionToDo({ workstreamId: 'kinship', confidence: null, narrative: '', risks: [{}] })).toEqual([
      'Choose a delivery confidence',
      'Enter a progress narrative: what has happened this quarter',
    ]);
  });
  it('when a red section has no risk or escalation, it says so', () => {
    expect(sectionToDo({ workstreamId: 'kinship', confidence: 'red', narrative: 'Text' })).toEqual([
      'Add at least one risk or escalation: a Red delivery confidence needs to say what is in the way and what is being done',
    ]);
  });
  it("when the narrative is still last quarter's, it asks for it to be checked", () => {
    expect(sectionToDo({ workstreamId: 'kinship', confidence: 'green', narrative: 'Old text', carriedForward: true })).toEqual([
      "Check last quarter's progress narrative and update it for this quarter",
    ]);
  });
  it('when a section is complete or not started, there is nothing to list', () => {
    expect(sectionToDo({ workstreamId: 'kinship', confidence: 'green', narrative: 'Done' })).toEqual([]);
    expect(sectionToDo({ workstreamId: 'kinship' })).toEqual([]);
  });
});

describe('who may certify a return', () => {
  const signatory = { role: 'partner', email: 'morgan@council.example', agencyId: 'medway-council', signatory: true };

  it('when a signatory at the agency did not prepare it, they may certify it', () => {
    expect(certifyRefusal(signatory, 'medway-council', 'casey@council.example')).toBeNull();
  });

  it.each([
    ['the preparer (whatever the case of their email)', { ...signatory }, 'medway-council', 'Morgan@Council.example', /another signatory/],
    ['a partner who is not a signatory', { ...signatory, signatory: false }, 'medway-council', 'casey@council.example', /Only a signatory at your agency/],
    ["another agency's signatory", { ...signatory, agencyId: 'kent-police' }, 'medway-council', 'casey@council.example', /Only a signatory at the agency/],
    ['the programme lead', { ...signatory, role: 'lead' }, 'medway-council', 'casey@council.example', /Only a signatory at the agency/],
    ['an executive', { ...signatory, role: 'executive', agencyId: null }, 'medway-council', 'casey@council.example', /Only a signatory at the agency/],
  ] as const)('when %s asks, they are refused with a reason', (_who, user, agencyId, preparedBy, reason) => {
    expect(certifyRefusal(user, agencyId, preparedBy)).toMatch(reason);
  });

  it('when anyone at all asks, the person who prepared the return is never its certifier', () => {
    fc.assert(
      fc.property(
        fc.record({ role: fc.constantFrom('partner', 'lead', 'executive'), email: fc.emailAddress(), agencyId: fc.constantFrom('a', 'b', null), signatory: fc.boolean() }),
        fc.constantFrom('a', 'b'),
        (user, agencyId) => certifyRefusal(user, agencyId, user.email.toUpperCase()) !== null,
      ),
    );
  });
});

describe('a section with outcome indicators', () => {
  const complete = { workstreamId: 'placement-sufficiency', confidence: 'green', narrative: 'On track.', carriedForward: false };
  const due = [{ id: 'children-in-care', name: 'Children in care' }];

  it('when an indicator due has no value yet, the section is in progress and says which value to enter', () => {
    expect(sectionProgress(complete, due)).toBe('in-progress');
    expect(sectionToDo(complete, due)).toEqual([expect.stringContaining('"Children in care"')]);
  });

  it('when it has its value, "fewer than N", or a note saying why there is none, the section is completed', () => {
    for (const v of [
      { value: 548, belowThreshold: false, note: '' },
      { value: null, belowThreshold: true, note: '' },
      { value: null, belowThreshold: false, note: 'The census is late this quarter.' },
    ])
      expect(sectionProgress({ ...complete, indicators: [{ indicatorId: 'children-in-care', confirmed: false, ...v }] }, due)).toBe('completed');
  });

  it('when no indicator is due, indicator values alone make a section started, not completed', () => {
    expect(sectionProgress({ workstreamId: 'kinship', indicators: [{ indicatorId: 'x', value: 1, belowThreshold: false, note: '', confirmed: false }] })).toBe('in-progress');
  });
});
