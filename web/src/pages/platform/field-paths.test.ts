import { describe, expect, it } from 'vitest';
import type { PartnershipAnswers } from '../../../../shared/platform/new-partnership.js';
import { fieldOfPath, messageFor } from './field-paths.js';

describe('fieldOfPath', () => {
  it.each([
    ['id', 'partnership-id'],
    ['name', 'partnership-name'],
    ['shortName', 'partnership-short-name'],
    ['firstYear', 'first-year'],
    ['agencies', 'agencies'],
    ['agencies[1].name', 'agencies-1-name'],
    ['agencies.1.name', 'agencies-1-name'],
    ['agencies[2].id', 'agencies-2-name'],
    ['agencies[0].type', 'agencies-0-type'],
    ['agencies[3].statutory', 'agencies-3-statutory'],
    ['template.workstreams[0].name', 'template-workstreams-0-name'],
    ['template.workstreams.0.name', 'template-workstreams-0-name'],
    ['template.workstreams[4].description', 'template-workstreams-4-description'],
    ['template.workstreams[2].leadAgencyType', 'template-workstreams-2-name'],
    ['firstLead', 'firstLead-name'],
    ['firstLead.email', 'firstLead-email'],
    ['firstLead.agencyId', 'firstLead-agencyId'],
    ['settings.reminderWorkingDays', 'settings-reminderWorkingDays'],
    ['settings.certifyReturns', 'settings-certifyReturns'],
  ])('when the API names %s, the field is %s', (path, field) => {
    expect(fieldOfPath(path)).toBe(field);
  });

  it.each(['template.readinessCriteria[2].workstreamId', 'templateId', 'colour'])('when the API names %s, no field has it (the summary says it)', (path) => {
    expect(fieldOfPath(path)).toBeUndefined();
  });
});

describe('messageFor', () => {
  const answers = (over: Partial<PartnershipAnswers>): PartnershipAnswers => ({
    name: '',
    shortName: '',
    id: '',
    idTyped: false,
    firstYear: '2026',
    agencies: [
      { name: '', type: 'local-authority', statutory: 'yes' },
      { name: 'Thameside Council', type: 'other', statutory: 'no' },
    ],
    workstreams: [{ name: '', description: '' }],
    reminderWorkingDays: '5',
    signOffReminderDays: '14',
    certifyReturns: 'no',
    leadName: '',
    leadEmail: 'not-an-email',
    leadAgency: '',
    ...over,
  });

  it.each([
    ['partnership-name', 'Too small', 'Enter the partnership’s full name'],
    ['partnership-id', 'Too small', 'Enter an address id, like tscp'],
    ['agencies-0-name', 'Too small', 'Enter the name of agency 1'],
    ['agencies-1-name', 'Another agency already has the id "thameside-council"', 'Agency 2 has the same name as another agency: give each its own name'],
    ['agencies-1-type', 'Invalid option', 'Choose the type of agency 2'],
    ['template-workstreams-0-name', 'Too small', 'Enter the name of workstream 1'],
    ['settings-reminderWorkingDays', 'Too big', 'Enter a number of working days from 1 to 20'],
    ['firstLead-email', 'Invalid email', 'Enter an email address in the correct format, like name@example.com'],
    ['agencies', 'Add a police agency: every partnership made from "Families First" has one', 'Add a police agency: every partnership made from "Families First" has one'],
  ])('when %s is refused (%s), the page says: %s', (field, said, words) => {
    expect(messageFor(field, said, answers({}))).toBe(words);
  });

  it('when the address id is typed but not a slug, it says what an id may hold', () => {
    expect(messageFor('partnership-id', 'Use lower-case letters', answers({ id: 'Thameside!' }))).toBe(
      'The address id must be 2 to 64 lower-case letters or numbers, with single hyphens between words',
    );
  });
});
