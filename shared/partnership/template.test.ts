import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CreatePeriodRequest, Period } from '../periods/period.js';
import { CreateCriterionRequest } from '../readiness/schema.js';
import { CriterionView } from '../readiness/views.js';
import { ThresholdConfigRequest } from '../threshold/schema.js';
import { Agency, AGENCY_TYPES, Partnership, Workstream } from './schema.js';
import { dueDateFor, instantiateTemplate, PartnershipTemplate, type PartnershipConfiguration, type TemplateChoices, targetDateFor } from './template.js';

const TEMPLATE: PartnershipTemplate = {
  id: 'test-template',
  name: 'Test template',
  description: 'A small template for tests.',
  version: 1,
  requiredAgencyTypes: ['local-authority', 'police', 'health'],
  workstreams: [
    {
      id: 'family-help',
      name: 'Family Help',
      description: '',
      order: 1,
      contributingAgencyTypes: ['local-authority', 'police', 'health', 'education'],
      leadAgencyType: 'local-authority',
    },
    { id: 'sufficiency', name: 'Sufficiency', description: '', order: 2, contributingAgencyTypes: ['local-authority', 'health'], leadAgencyType: 'local-authority' },
  ],
  readinessCriteria: [
    {
      id: 'threshold-signed',
      workstreamId: 'family-help',
      title: 'Threshold signed off',
      description: '',
      evidenceExpected: '',
      agencyTypes: [],
      targetMonth: 1,
      derivedFrom: 'threshold-signed-off',
    },
    {
      id: 'teams-formed',
      workstreamId: 'family-help',
      title: 'Teams formed',
      description: '',
      evidenceExpected: 'Team structures.',
      agencyTypes: ['local-authority', 'education'],
      targetMonth: 9,
      derivedFrom: null,
    },
    {
      id: 'schools-briefed',
      workstreamId: 'family-help',
      title: 'Schools briefed',
      description: '',
      evidenceExpected: '',
      agencyTypes: ['education'],
      targetMonth: null,
      derivedFrom: null,
    },
    {
      id: 'health-assessments',
      workstreamId: 'sufficiency',
      title: 'Health assessments on time',
      description: '',
      evidenceExpected: '',
      agencyTypes: ['health'],
      targetMonth: 12,
      derivedFrom: null,
    },
  ],
  reportingCalendar: { quarters: [1, 2, 3, 4], dueDate: { rule: 'end-of-next-month' } },
  defaultSettings: { reminderWorkingDays: 5, signOffReminderDays: 14, certifyReturns: false },
  thresholdSignatoryAgencyTypes: ['local-authority', 'police', 'health'],
};

const AGENCIES: TemplateChoices['agencies'] = [
  { id: 'county-council', name: 'County Council', type: 'local-authority', statutory: true },
  { id: 'county-police', name: 'County Police', type: 'police', statutory: true },
  { id: 'county-icb', name: 'County ICB', type: 'health', statutory: true },
  { id: 'county-trust', name: 'County Community Health Trust', type: 'health', statutory: false },
  { id: 'county-schools', name: 'County schools', type: 'education', statutory: false },
];

const CHOICES: TemplateChoices = { id: 'cscp', name: 'County Safeguarding Children Partnership', shortName: 'CSCP', agencies: AGENCIES, firstYear: 2026 };

function instantiate(choices: TemplateChoices = CHOICES, template: PartnershipTemplate = TEMPLATE): PartnershipConfiguration {
  const result = instantiateTemplate(template, choices);
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.errors)}`);
  return result.value;
}

const pathsOf = (input: unknown) => {
  const r = PartnershipTemplate.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => i.path.join('.'));
};

const refusal = (choices: TemplateChoices, context = {}, template: PartnershipTemplate = TEMPLATE) => {
  const result = instantiateTemplate(template, choices, context);
  return result.ok ? [] : result.errors;
};

describe('the PartnershipTemplate schema', () => {
  it('when the template is well formed, it is accepted as it is', () => {
    expect(PartnershipTemplate.parse(TEMPLATE)).toEqual(TEMPLATE);
  });

  it('when a field is unknown, missing, too long or not a slug, the field is named', () => {
    expect(pathsOf({ ...TEMPLATE, colour: 'blue' })).toEqual(['']);
    expect(PartnershipTemplate.safeParse({ ...TEMPLATE, colour: 'blue' }).error?.issues[0]).toMatchObject({ code: 'unrecognized_keys', keys: ['colour'] });
    const { version: _v, ...noVersion } = TEMPLATE;
    expect(pathsOf(noVersion)).toEqual(['version']);
    expect(pathsOf({ ...TEMPLATE, name: 'x'.repeat(201) })).toEqual(['name']);
    expect(pathsOf({ ...TEMPLATE, id: 'Not A Slug' })).toEqual(['id']);
    expect(pathsOf({ ...TEMPLATE, description: 'x'.repeat(2001) })).toEqual(['description']);
    const longTitle = TEMPLATE.readinessCriteria.map((c, i) => (i === 1 ? { ...c, title: 'x'.repeat(201) } : c));
    expect(pathsOf({ ...TEMPLATE, readinessCriteria: longTitle })).toEqual(['readinessCriteria.1.title']);
    const longEvidence = TEMPLATE.readinessCriteria.map((c, i) => (i === 1 ? { ...c, evidenceExpected: 'x'.repeat(2001) } : c));
    expect(pathsOf({ ...TEMPLATE, readinessCriteria: longEvidence })).toEqual(['readinessCriteria.1.evidenceExpected']);
  });

  it('when a workstream is led by a type that does not contribute, or lists a type twice, the field is named', () => {
    const [first, second] = TEMPLATE.workstreams as [PartnershipTemplate['workstreams'][number], PartnershipTemplate['workstreams'][number]];
    expect(pathsOf({ ...TEMPLATE, workstreams: [first, { ...second, leadAgencyType: 'police' }] })).toEqual(['workstreams.1.leadAgencyType']);
    expect(pathsOf({ ...TEMPLATE, workstreams: [first, { ...second, contributingAgencyTypes: ['local-authority', 'health', 'health'] }] })).toEqual([
      'workstreams.1.contributingAgencyTypes.2',
    ]);
  });

  it('when two workstreams share an id or an order, the second is named', () => {
    const [first, second] = TEMPLATE.workstreams as [PartnershipTemplate['workstreams'][number], PartnershipTemplate['workstreams'][number]];
    expect(pathsOf({ ...TEMPLATE, workstreams: [first, { ...second, id: 'family-help' }], readinessCriteria: [] })).toEqual(['workstreams.1.id']);
    expect(pathsOf({ ...TEMPLATE, workstreams: [first, { ...second, order: 1 }] })).toEqual(['workstreams.1.order']);
  });

  it('when two workstreams are marked as setting up the MACPTs, the second is named', () => {
    const [first, second] = TEMPLATE.workstreams as [PartnershipTemplate['workstreams'][number], PartnershipTemplate['workstreams'][number]];
    expect(
      pathsOf({
        ...TEMPLATE,
        workstreams: [
          { ...first, macpt: true },
          { ...second, macpt: false },
        ],
      }),
    ).toEqual([]);
    expect(
      pathsOf({
        ...TEMPLATE,
        workstreams: [
          { ...first, macpt: true },
          { ...second, macpt: true },
        ],
      }),
    ).toEqual(['workstreams.1.macpt']);
  });

  it('when a criterion names an unknown workstream, a type that does not contribute, or mixes derived and assessed, the field is named', () => {
    const change = (i: number, patch: Partial<PartnershipTemplate['readinessCriteria'][number]>) => ({
      ...TEMPLATE,
      readinessCriteria: TEMPLATE.readinessCriteria.map((c, j) => (j === i ? { ...c, ...patch } : c)),
    });
    expect(pathsOf(change(1, { workstreamId: 'nowhere' }))).toEqual(['readinessCriteria.1.workstreamId']);
    expect(pathsOf(change(3, { agencyTypes: ['health', 'police'] }))).toEqual(['readinessCriteria.3.agencyTypes.1']);
    expect(pathsOf(change(0, { agencyTypes: ['police'] }))).toEqual(['readinessCriteria.0.agencyTypes']);
    expect(pathsOf(change(1, { agencyTypes: [] }))).toEqual(['readinessCriteria.1.agencyTypes']);
    expect(pathsOf(change(2, { id: 'teams-formed' }))).toEqual(['readinessCriteria.2.id']);
    expect(pathsOf(change(1, { targetMonth: 0 }))).toEqual(['readinessCriteria.1.targetMonth']);
  });

  it('when the calendar repeats a quarter or the settings are out of range, the field is named', () => {
    expect(pathsOf({ ...TEMPLATE, reportingCalendar: { ...TEMPLATE.reportingCalendar, quarters: [1, 1] } })).toEqual(['reportingCalendar.quarters.1']);
    expect(pathsOf({ ...TEMPLATE, reportingCalendar: { quarters: [1], dueDate: { rule: 'days-after-quarter-end', days: 0 } } })).toEqual(['reportingCalendar.dueDate.days']);
    expect(pathsOf({ ...TEMPLATE, defaultSettings: { ...TEMPLATE.defaultSettings, reminderWorkingDays: 21 } })).toEqual(['defaultSettings.reminderWorkingDays']);
    expect(pathsOf({ ...TEMPLATE, thresholdSignatoryAgencyTypes: [] })).toEqual(['thresholdSignatoryAgencyTypes']);
  });
});

describe('dates from the calendar', () => {
  it('when a quarter ends, its return is due at the end of the next month, or a number of days later', () => {
    expect(['2026-27-Q1', '2026-27-Q2', '2026-27-Q3', '2026-27-Q4'].map((id) => dueDateFor(id, { rule: 'end-of-next-month' }))).toEqual([
      '2026-07-31',
      '2026-10-31',
      '2027-01-31',
      '2027-04-30',
    ]);
    expect(dueDateFor('2026-27-Q4', { rule: 'days-after-quarter-end', days: 31 })).toBe('2027-05-01');
    expect(dueDateFor('2027-28-Q3', { rule: 'days-after-quarter-end', days: 59 })).toBe('2028-02-28');
  });

  it("when a target month is counted from April of the first year, it lands on that month's last day", () => {
    expect([1, 9, 10, 11, 12, 13].map((n) => targetDateFor(2026, n))).toEqual(['2026-04-30', '2026-12-31', '2027-01-31', '2027-02-28', '2027-03-31', '2027-04-30']);
    expect(targetDateFor(2027, 11)).toBe('2028-02-29');
  });
});

describe('instantiateTemplate', () => {
  it('when agency types become ids, each workstream gets every agency of its types and is led by the statutory one', () => {
    const { workstreams } = instantiate();
    expect(workstreams).toEqual([
      {
        id: 'family-help',
        name: 'Family Help',
        description: '',
        leadAgencyId: 'county-council',
        contributingAgencyIds: ['county-council', 'county-police', 'county-icb', 'county-trust', 'county-schools'],
        order: 1,
      },
      {
        id: 'sufficiency',
        name: 'Sufficiency',
        description: '',
        leadAgencyId: 'county-council',
        contributingAgencyIds: ['county-council', 'county-icb', 'county-trust'],
        order: 2,
      },
    ]);
  });

  it('when the template marks a workstream MACPT, the partnership’s workstream of that id carries the mark, renamed or not; the others do not', () => {
    const [first, second] = TEMPLATE.workstreams as [PartnershipTemplate['workstreams'][number], PartnershipTemplate['workstreams'][number]];
    const marked = { ...TEMPLATE, workstreams: [first, { ...second, name: 'Child protection together', macpt: true }] };
    expect(instantiate(CHOICES, marked).workstreams.map((w) => [w.id, w.name, w.macpt])).toEqual([
      ['family-help', 'Family Help', undefined],
      ['sufficiency', 'Child protection together', true],
    ]);
    expect(instantiate().workstreams.some((w) => 'macpt' in w)).toBe(false);
  });

  it('when criteria, signatories, periods and settings are made, they carry the ids and dates of this partnership', () => {
    const config = instantiate({ ...CHOICES, settings: { certifyReturns: true } });
    expect(config.readiness.criteria.map((c) => [c.id, c.agencyIds, c.targetDate])).toEqual([
      ['threshold-signed', [], '2026-04-30'],
      ['teams-formed', ['county-council', 'county-schools'], '2026-12-31'],
      ['schools-briefed', ['county-schools'], null],
      ['health-assessments', ['county-icb', 'county-trust'], '2027-03-31'],
    ]);
    expect(config.threshold).toEqual({ requiredAgencyIds: ['county-council', 'county-police', 'county-icb'] });
    expect(config.periods.map((p) => [p.id, p.dueDate, p.status])).toEqual([
      ['2026-27-Q1', '2026-07-31', 'open'],
      ['2026-27-Q2', '2026-10-31', 'open'],
      ['2026-27-Q3', '2027-01-31', 'open'],
      ['2026-27-Q4', '2027-04-30', 'open'],
    ]);
    expect(config.partnership).toEqual({
      id: 'cscp',
      name: 'County Safeguarding Children Partnership',
      shortName: 'CSCP',
      reminderWorkingDays: 5,
      signOffReminderDays: 14,
      certifyReturns: true,
    });
    expect(config.omittedCriterionIds).toEqual([]);
    expect(config.template).toEqual({ id: 'test-template', version: 1 });
  });

  it('when its output is read by the schemas the API and seed use, every part is accepted', () => {
    const config = instantiate();
    expect(Partnership.strict().parse(config.partnership)).toEqual(config.partnership);
    for (const a of config.agencies) expect(Agency.strict().parse(a)).toEqual(a);
    for (const w of config.workstreams) expect(Workstream.strict().parse(w)).toEqual(w);
    for (const p of config.periods) {
      expect(Period.strict().parse(p)).toEqual(p);
      expect(CreatePeriodRequest.parse({ id: p.id, dueDate: p.dueDate })).toEqual({ id: p.id, dueDate: p.dueDate });
    }
    for (const c of config.readiness.criteria) {
      expect(CriterionView.omit({ version: true }).strict().parse(c)).toEqual(c);
      if (!c.derivedFrom) {
        const { workstreamId: _w, derivedFrom: _d, ...request } = c;
        expect(CreateCriterionRequest.parse(request)).toEqual(request);
      }
    }
    expect(ThresholdConfigRequest.parse(config.threshold)).toEqual(config.threshold);
  });

  it('when no agency has a type a criterion needs, the criterion is left out and listed', () => {
    const config = instantiate({ ...CHOICES, agencies: AGENCIES.filter((a) => a.type !== 'education') });
    expect(config.omittedCriterionIds).toEqual(['schools-briefed']);
    expect(config.readiness.criteria.find((c) => c.id === 'teams-formed')?.agencyIds).toEqual(['county-council']);
  });

  it('when there is no local authority, it is refused on agencies, once', () => {
    const errors = refusal({ ...CHOICES, agencies: AGENCIES.filter((a) => a.type !== 'local-authority') });
    expect(errors).toEqual([{ path: 'agencies', message: 'Add a local authority agency: every partnership made from "Test template" has one' }]);
  });

  it('when the type that leads a workstream is missing, the workstream is named', () => {
    const [first, second] = TEMPLATE.workstreams as [PartnershipTemplate['workstreams'][number], PartnershipTemplate['workstreams'][number]];
    const template = {
      ...TEMPLATE,
      requiredAgencyTypes: [],
      workstreams: [first, { ...second, contributingAgencyTypes: ['voluntary' as const], leadAgencyType: 'voluntary' as const }],
    };
    expect(refusal(CHOICES, {}, { ...template, readinessCriteria: TEMPLATE.readinessCriteria.slice(0, 3) })).toEqual([
      { path: 'agencies', message: 'Add a voluntary sector agency: it leads the workstream "Sufficiency"' },
    ]);
  });

  it('when the id is taken or an agency id is given twice, those fields are named', () => {
    const agencies = [...AGENCIES, { id: 'county-police', name: 'County Police again', type: 'police' as const, statutory: true }];
    expect(refusal({ ...CHOICES, agencies }, { existingPartnershipIds: ['mscp', 'cscp'] }).map((e) => e.path)).toEqual(['id', 'agencies[5].id']);
  });

  it('when no signatory agency is statutory, the threshold document has nobody to sign and it is refused', () => {
    const agencies = AGENCIES.map((a) => ({ ...a, statutory: false }));
    expect(refusal({ ...CHOICES, agencies })).toEqual([
      {
        path: 'agencies',
        message: 'Mark at least one agency of these types as a statutory partner, to sign the threshold document: local authority, police, health (integrated care board)',
      },
    ]);
  });

  it("when the choices or an edited template are not valid, every bad field is named, the template's under template.", () => {
    const errors = refusal({ ...CHOICES, shortName: 'x'.repeat(41), firstYear: 1999, colour: 'red' } as TemplateChoices, {}, { ...TEMPLATE, name: '' });
    expect(errors.map((e) => e.path)).toEqual(['template.name', 'shortName', 'firstYear', 'colour']);
  });
});

// ---------------------------------------------------------------------------------------------
// Property: whatever the agencies and the template's types, the ids in the result are the partnership's.

const agencyArb = fc.record({
  id: fc.stringMatching(/^[a-z][a-z0-9]{1,10}$/),
  name: fc.constant('An agency'),
  type: fc.constantFrom(...AGENCY_TYPES),
  statutory: fc.boolean(),
});
/** The three statutory partners (hyphenated ids, so never equal to a generated one), then any others. */
const agenciesArb = fc
  .uniqueArray(agencyArb, { selector: (a) => a.id, maxLength: 8 })
  .map((others) => [
    { id: 'the-council', name: 'Council', type: 'local-authority' as const, statutory: true },
    { id: 'the-police', name: 'Police', type: 'police' as const, statutory: true },
    { id: 'the-icb', name: 'ICB', type: 'health' as const, statutory: true },
    ...others,
  ]);
const workstreamTypesArb = fc
  .subarray([...AGENCY_TYPES], { minLength: 1 })
  .chain((types) => fc.record({ types: fc.constant(types), lead: fc.constantFrom(...types), criteria: fc.array(fc.subarray(types, { minLength: 1 }), { maxLength: 4 }) }));
const templateArb = fc.array(workstreamTypesArb, { minLength: 1, maxLength: 6 }).map(
  (ws): PartnershipTemplate => ({
    ...TEMPLATE,
    workstreams: ws.map((w, i) => ({ id: `ws-${i}`, name: `Workstream ${i}`, description: '', order: i, contributingAgencyTypes: w.types, leadAgencyType: w.lead })),
    readinessCriteria: ws.flatMap((w, i) =>
      w.criteria.map((agencyTypes, j) => ({
        id: `c-${i}-${j}`,
        workstreamId: `ws-${i}`,
        title: 'A criterion',
        description: '',
        evidenceExpected: '',
        agencyTypes,
        targetMonth: null,
        derivedFrom: null,
      })),
    ),
  }),
);

describe('instantiateTemplate, for any agencies and template', () => {
  it('when it succeeds, every workstream and criterion names only agencies of the partnership, of the right types; when it refuses, a lead type is missing', () => {
    fc.assert(
      fc.property(agenciesArb, templateArb, (agencies, template) => {
        const result = instantiateTemplate(template, { ...CHOICES, agencies });
        const types = new Map(agencies.map((a) => [a.id, a.type]));
        const present = new Set<(typeof AGENCY_TYPES)[number]>(agencies.map((a) => a.type));
        if (!result.ok) {
          expect(template.workstreams.some((w) => !present.has(w.leadAgencyType))).toBe(true);
          expect(result.errors.every((e) => e.path === 'agencies')).toBe(true);
          return;
        }
        const byId = new Map(result.value.workstreams.map((w) => [w.id, w]));
        for (const w of template.workstreams) {
          const made = byId.get(w.id)!;
          expect(types.get(made.leadAgencyId)).toBe(w.leadAgencyType);
          expect(made.contributingAgencyIds).toContain(made.leadAgencyId);
          expect(made.contributingAgencyIds).toEqual(agencies.filter((a) => w.contributingAgencyTypes.includes(a.type)).map((a) => a.id));
        }
        for (const c of result.value.readiness.criteria) {
          expect(c.agencyIds.length).toBeGreaterThan(0);
          for (const id of c.agencyIds) {
            expect(types.has(id)).toBe(true);
            expect(byId.get(c.workstreamId)?.contributingAgencyIds).toContain(id);
          }
        }
        const made = new Set(result.value.readiness.criteria.map((c) => c.id));
        for (const c of template.readinessCriteria) expect(made.has(c.id) !== result.value.omittedCriterionIds.includes(c.id)).toBe(true);
        for (const id of result.value.threshold.requiredAgencyIds) expect(agencies.find((a) => a.id === id)?.statutory).toBe(true);
      }),
    );
  });
});
