import type { PartnershipAnswers } from '../../../../shared/platform/new-partnership.js';

/*
 * Where the create-a-partnership form shows each problem, and in what words: a path as the API
 * and the shared schema write it (`agencies[1].name`, `template.workstreams[0].name`) to the id of
 * the field it belongs to.
 */

const TOP_FIELDS: Record<string, string> = {
  name: 'partnership-name',
  shortName: 'partnership-short-name',
  id: 'partnership-id',
  firstYear: 'first-year',
  agencies: 'agencies',
  firstLead: 'firstLead-name',
};

/**
 * The id of the field a problem's path belongs to (`agencies[1].name` -> `agencies-1-name`, an
 * agency's id to its name, which makes it), or undefined when the form has no field for it (a
 * criterion of the template: the error summary says it).
 */
export function fieldOfPath(path: string): string | undefined {
  // The API writes `agencies[1].name`; `agencies.1.name` means the same.
  const p = path.replace(/\.(\d+)(?=\.|$)/g, '[$1]');
  const agency = /^agencies\[(\d+)\](?:\.(\w+))?/.exec(p);
  if (agency) return `agencies-${agency[1]}-${agency[2] === 'type' || agency[2] === 'statutory' ? agency[2] : 'name'}`;
  const workstream = /^template\.workstreams\[(\d+)\](?:\.(\w+))?/.exec(p);
  if (workstream) return `template-workstreams-${workstream[1]}-${workstream[2] === 'description' ? 'description' : 'name'}`;
  const lead = /^firstLead\.(name|email|agencyId)\b/.exec(p);
  if (lead) return `firstLead-${lead[1]}`;
  const setting = /^settings\.(reminderWorkingDays|signOffReminderDays|certifyReturns)\b/.exec(p);
  if (setting) return `settings-${setting[1]}`;
  return TOP_FIELDS[p];
}

/** What the page says of a problem the schema found, in plain words: `said` (the rule's own) unless one fits better. */
export function messageFor(field: string, said: string, a: PartnershipAnswers): string {
  const blank = (text: string | undefined) => !text?.trim();
  const agency = /^agencies-(\d+)-(name|type|statutory)$/.exec(field);
  if (agency) {
    const n = Number(agency[1]) + 1;
    const name = a.agencies[n - 1]?.name;
    if (agency[2] === 'type') return `Choose the type of agency ${n}`;
    if (agency[2] === 'statutory') return `Say whether agency ${n} is a statutory safeguarding partner`;
    if (blank(name)) return `Enter the name of agency ${n}`;
    return /already has the id/.test(said)
      ? `Agency ${n} has the same name as another agency: give each its own name`
      : `The name of agency ${n} must include at least 2 letters or numbers`;
  }
  const workstream = /^template-workstreams-(\d+)-name$/.exec(field);
  if (workstream && blank(a.workstreams[Number(workstream[1])]?.name)) return `Enter the name of workstream ${Number(workstream[1]) + 1}`;
  const words: Record<string, () => string | undefined> = {
    'partnership-name': () => (blank(a.name) ? 'Enter the partnership’s full name' : undefined),
    'partnership-short-name': () => (blank(a.shortName) ? 'Enter the partnership’s short name' : undefined),
    'partnership-id': () => (blank(a.id) ? 'Enter an address id, like tscp' : 'The address id must be 2 to 64 lower-case letters or numbers, with single hyphens between words'),
    'settings-reminderWorkingDays': () => 'Enter a number of working days from 1 to 20',
    'settings-signOffReminderDays': () => 'Enter a number of days from 1 to 90',
    'firstLead-name': () => (blank(a.leadName) ? 'Enter the lead’s full name' : undefined),
    'firstLead-agencyId': () => 'Choose the agency the lead works for',
    'firstLead-email': () => (blank(a.leadEmail) ? 'Enter the lead’s work email address' : 'Enter an email address in the correct format, like name@example.com'),
  };
  return words[field]?.() ?? said;
}
