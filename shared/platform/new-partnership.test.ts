import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkAnswers, initialAnswers, type PartnershipAnswers, requestOf } from './new-partnership.js';
import type { TemplateDetailView as TemplateDetail } from './schema.js';

const file = JSON.parse(readFileSync(new URL('../../functions/seed/templates/families-first-england.json', import.meta.url), 'utf8'));
/** The Families First template as `GET /api/platform/templates/{id}` answers it. */
const TEMPLATE: TemplateDetail = {
  id: file.id,
  name: file.name,
  description: file.description,
  version: file.version,
  requiredAgencyTypes: file.requiredAgencyTypes,
  draft: {
    templateId: file.id,
    firstYear: 2026,
    settings: file.defaultSettings,
    template: {
      workstreams: file.workstreams,
      readinessCriteria: file.readinessCriteria,
      reportingCalendar: file.reportingCalendar,
      thresholdSignatoryAgencyTypes: file.thresholdSignatoryAgencyTypes,
    },
  },
};

/** Answers filled in for Thameside, with the care leavers' workstream renamed. */
function thameside(): PartnershipAnswers {
  const a = initialAnswers(TEMPLATE);
  return {
    ...a,
    name: 'Thameside Safeguarding Children Partnership',
    shortName: 'TSCP',
    id: 'tscp',
    agencies: [
      { name: 'Thameside Council', type: 'local-authority', statutory: 'yes' },
      { name: 'Thameside Police', type: 'police', statutory: 'yes' },
      { name: 'NHS Thameside ICB', type: 'health', statutory: 'yes' },
      { name: 'Thameside Schools', type: 'education', statutory: 'no' },
    ],
    workstreams: a.workstreams.map((w, i) => (i === 4 ? { ...w, name: 'Care leavers and Staying Close' } : w)),
    leadName: 'Dana Fox',
    leadEmail: 'dana.fox@thameside.example',
    leadAgency: '0',
  };
}

const paths = (a: PartnershipAnswers) => {
  const checked = checkAnswers(a, TEMPLATE);
  return checked.success ? [] : [...new Set(checked.error.issues.map((i) => (i.path.length === 1 ? String(i.path[0]) : i.path.join('.'))))];
};

describe('creating a partnership from a form’s answers', () => {
  it('when the form opens, it has a statutory agency of each required type, the template’s workstreams and settings, and no names', () => {
    const a = initialAnswers(TEMPLATE);
    expect(a.agencies).toEqual([
      { name: '', type: 'local-authority', statutory: 'yes' },
      { name: '', type: 'police', statutory: 'yes' },
      { name: '', type: 'health', statutory: 'yes' },
    ]);
    expect(a.workstreams.map((w) => w.name)).toEqual(TEMPLATE.draft.template.workstreams.map((w) => w.name));
    expect([a.reminderWorkingDays, a.signOffReminderDays, a.certifyReturns, a.firstYear]).toEqual(['5', '14', 'no', '2026']);
  });

  it('when the answers are complete, the request has agency ids from their names, the renamed workstream and the lead’s agency', () => {
    const checked = checkAnswers(thameside(), TEMPLATE);
    expect(checked.success).toBe(true);
    if (!checked.success) return;
    expect(checked.data.agencies.map((x) => x.id)).toEqual(['thameside-council', 'thameside-police', 'nhs-thameside-icb', 'thameside-schools']);
    expect(checked.data.template.workstreams[4]).toMatchObject({ id: 'care-leavers', name: 'Care leavers and Staying Close' });
    expect(checked.data.template.readinessCriteria).toHaveLength(TEMPLATE.draft.template.readinessCriteria.length);
    expect(checked.data.firstLead).toEqual({ name: 'Dana Fox', email: 'dana.fox@thameside.example', agencyId: 'thameside-council' });
    expect(checked.data.settings).toEqual({ reminderWorkingDays: 5, signOffReminderDays: 14, certifyReturns: false });
  });

  it('when the form is sent as it opens, every missing answer is named in the form’s order', () => {
    expect(paths(initialAnswers(TEMPLATE))).toEqual([
      'name',
      'shortName',
      'id',
      'agencies.0.id',
      'agencies.0.name',
      'agencies.1.id',
      'agencies.1.name',
      'agencies.2.id',
      'agencies.2.name',
      'firstLead.name',
      'firstLead.email',
      'firstLead.agencyId',
    ]);
  });

  it('when the template’s rules are broken (no police agency, two agencies named alike), the page says so as the API would', () => {
    const a = thameside();
    const noPolice = { ...a, agencies: a.agencies.map((x) => (x.type === 'police' ? { ...x, type: 'other' as const } : x)) };
    expect(paths(noPolice)).toEqual(['agencies']);
    const twins = { ...a, agencies: [...a.agencies, { name: 'Thameside  council', type: 'other' as const, statutory: 'no' as const }] };
    expect(paths(twins)).toEqual(['agencies[4].id']);
  });

  it('when the settings are not whole numbers in range, they are named', () => {
    expect(paths({ ...thameside(), reminderWorkingDays: '', signOffReminderDays: '91' })).toEqual(['settings.reminderWorkingDays', 'settings.signOffReminderDays']);
  });

  it('when a lead’s agency is removed from the request’s agencies by renaming it, the lead keeps it by its place', () => {
    const a = { ...thameside(), leadAgency: '1' };
    a.agencies[1] = { ...a.agencies[1]!, name: 'Thameside Constabulary' };
    expect(requestOf(a, TEMPLATE).firstLead.agencyId).toBe('thameside-constabulary');
  });
});
