import { formatPath } from '../http/problem.js';
import type { AGENCY_TYPES } from '../partnership/schema.js';
import { instantiateTemplate } from '../partnership/template.js';
import { CreatePartnershipRequest, type TemplateDetailView } from './schema.js';
import { slugOf } from './slug.js';

/*
 * Creating a partnership from a form (issue 13): the answers a platform administrator gives, what
 * they start from (a template's draft), the request they make (an agency's id is a slug of its
 * name) and its check before it is sent: the request's schema (the API's 400s), then the
 * template's own rules (its 422s), so the page says what the API would.
 */

/** The answers' verdict: the request to send, or every problem with its path (zod's safeParse shape). */
export type CheckedRequest = { success: true; data: CreatePartnershipRequest } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };

export type AgencyTypeName = (typeof AGENCY_TYPES)[number];
type YesNo = 'yes' | 'no' | '';

export interface AgencyAnswer {
  name: string;
  type: AgencyTypeName | '';
  statutory: YesNo;
}

export interface PartnershipAnswers {
  name: string;
  shortName: string;
  /** the address id (`/p/{id}`) */
  id: string;
  /** the address id was typed, so it no longer follows the short name */
  idTyped: boolean;
  firstYear: string;
  agencies: AgencyAnswer[];
  /** the template's workstreams, in its order, as renamed and described here */
  workstreams: { name: string; description: string }[];
  reminderWorkingDays: string;
  signOffReminderDays: string;
  certifyReturns: YesNo;
  leadName: string;
  leadEmail: string;
  /** the lead's agency: its place in `agencies` ('' until chosen), so renaming it keeps the choice */
  leadAgency: string;
}

/** The form's first answers: the template's proposals, and a statutory agency of each type it requires. */
export function initialAnswers(t: TemplateDetailView): PartnershipAnswers {
  const { settings, template, firstYear } = t.draft;
  return {
    name: '',
    shortName: '',
    id: '',
    idTyped: false,
    firstYear: String(firstYear),
    agencies: t.requiredAgencyTypes.map((type) => ({ name: '', type, statutory: 'yes' })),
    workstreams: template.workstreams.map((w) => ({ name: w.name, description: w.description })),
    reminderWorkingDays: String(settings.reminderWorkingDays),
    signOffReminderDays: String(settings.signOffReminderDays),
    certifyReturns: settings.certifyReturns ? 'yes' : 'no',
    leadName: '',
    leadEmail: '',
    leadAgency: '',
  };
}

/** A number typed into a box; nothing typed is no number. */
const numberOf = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));
const yesNo = (answer: YesNo) => (answer === 'yes' ? true : answer === 'no' ? false : undefined);

/** The agency chosen as the lead's, or undefined. */
const leadAgencyOf = (a: PartnershipAnswers) => (a.leadAgency === '' ? undefined : a.agencies[Number(a.leadAgency)]);

/** The request the answers make, as typed (the schema checks it): agency ids are slugs of their names. */
export function requestOf(a: PartnershipAnswers, t: TemplateDetailView) {
  const leadId = slugOf(leadAgencyOf(a)?.name ?? '');
  return {
    id: a.id,
    name: a.name,
    shortName: a.shortName,
    templateId: t.id,
    firstYear: Number(a.firstYear),
    agencies: a.agencies.map((x) => ({ id: slugOf(x.name), name: x.name, type: x.type, statutory: yesNo(x.statutory) })),
    settings: { reminderWorkingDays: numberOf(a.reminderWorkingDays), signOffReminderDays: numberOf(a.signOffReminderDays), certifyReturns: a.certifyReturns === 'yes' },
    template: {
      ...t.draft.template,
      workstreams: t.draft.template.workstreams.map((w, i) => ({ ...w, name: a.workstreams[i]?.name ?? w.name, description: a.workstreams[i]?.description ?? w.description })),
    },
    // An agency with no name yet has no id: its name is what the page asks for.
    firstLead: { name: a.leadName, email: a.leadEmail, ...(leadId ? { agencyId: leadId } : {}) },
  };
}

/**
 * The answers checked as the API will check them: the request's schema (its 400s), then the
 * template's rules (its 422s: an agency of each required type, a statutory signatory, agencies
 * named alike), and a lead's agency chosen. The request to send, or every problem with its path.
 */
export function checkAnswers(a: PartnershipAnswers, t: TemplateDetailView): CheckedRequest {
  const issues: { path: PropertyKey[]; message: string }[] = [];
  const parsed = CreatePartnershipRequest.safeParse(requestOf(a, t));
  if (!parsed.success) issues.push(...parsed.error.issues.map((i) => ({ path: i.path, message: i.message })));
  else {
    const body = parsed.data;
    const template = {
      id: t.id,
      name: t.name,
      description: t.description,
      version: t.version,
      requiredAgencyTypes: t.requiredAgencyTypes,
      defaultSettings: t.draft.settings,
      ...body.template,
    };
    const { id, name, shortName, agencies, firstYear, settings } = body;
    const result = instantiateTemplate(template, { id, name, shortName, agencies, firstYear, settings });
    // Paths come formatted (`agencies[1].id`): as one part, formatPath gives them back as they are.
    if (!result.ok) issues.push(...result.errors.map((e) => ({ path: [e.path], message: e.message })));
  }
  if (!leadAgencyOf(a)) issues.push({ path: ['firstLead', 'agencyId'], message: 'Choose the agency the lead works for' });
  issues.sort((x, y) => FIELD_ORDER.indexOf(topOf(x.path)) - FIELD_ORDER.indexOf(topOf(y.path)));
  return issues.length || !parsed.success ? { success: false, error: { issues } } : { success: true, data: parsed.data };
}

/** The order of the form's parts, for the order problems are listed in. */
const FIELD_ORDER = ['name', 'shortName', 'id', 'firstYear', 'agencies', 'template', 'settings', 'firstLead'];
const topOf = (path: readonly PropertyKey[]) => String(formatPath(path).split(/[.[]/)[0]);
