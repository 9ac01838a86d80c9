import { z } from 'zod';
import { formatPath, type FieldError } from '../http/problem.js';
import { formatPeriodId, type Period, periodBounds, type Quarter } from '../periods/period.js';
import { type Criterion, DERIVATIONS } from '../readiness/schema.js';
import { Agency, AGENCY_TYPE_LABELS, AGENCY_TYPES, AgencyType, extraMacptWorkstreams, type Partnership, Slug, type Workstream } from './schema.js';

/** One of {@link AGENCY_TYPES}, as a type. */
type AgencyTypeName = z.infer<typeof AgencyType>;

/**
 * Partnership templates (issue 13): what a platform administrator starts from when creating a
 * partnership. A template is data (a JSON file in `functions/seed/templates/`), never code: it names
 * agency *types* (a workstream the police contribute to), and {@link instantiateTemplate} turns it
 * into one partnership's configuration by mapping those types to the agencies the administrator
 * enters. The result has the shapes the demo seed uses today, so creating a partnership and seeding
 * the demo write the same items.
 */

/** Longest texts in a template, the same as the records they become (workstreams, criteria). */
export const TEMPLATE_LIMITS = { name: 200, shortName: 40, description: 2000, title: 200, evidenceExpected: 2000, comment: 500 } as const;

const name = z.string().trim().min(1).max(TEMPLATE_LIMITS.name);
const description = z.string().trim().max(TEMPLATE_LIMITS.description);

/** A list of agency types with no type twice. */
const agencyTypes = (min: number) =>
  z
    .array(AgencyType)
    .min(min)
    .max(AGENCY_TYPES.length)
    .superRefine((types, ctx) => {
      types.forEach((t, i) => {
        if (types.indexOf(t) !== i) ctx.addIssue({ code: 'custom', path: [i], message: `"${t}" is listed twice: list each agency type once` });
      });
    });

/**
 * A workstream in a template: who contributes is said by agency type, and every agency of a
 * contributing type contributes. The lead type must contribute too (the seed's workstreams list
 * their lead among the contributors).
 */
export const TemplateWorkstream = z
  .object({
    id: Slug,
    name,
    description,
    order: z.number().int().min(0).max(99),
    contributingAgencyTypes: agencyTypes(1),
    leadAgencyType: AgencyType,
    /** It sets up the multi-agency child protection teams (see `Workstream.macpt`): at most one workstream of a template. */
    macpt: z.boolean().optional(),
  })
  .strict()
  .superRefine((w, ctx) => {
    if (!w.contributingAgencyTypes.includes(w.leadAgencyType))
      ctx.addIssue({ code: 'custom', path: ['leadAgencyType'], message: `The lead agency type "${w.leadAgencyType}" must also be one of the contributing agency types` });
  });
export type TemplateWorkstream = z.infer<typeof TemplateWorkstream>;

/**
 * A go-live readiness criterion in a template. `agencyTypes` are the types that self-assess it
 * (each a contributing type of its workstream); a derived criterion (`derivedFrom`) follows another
 * record, so no agency assesses it and `agencyTypes` is empty. `targetMonth` counts months from the
 * start of the partnership's first financial year (1 = April, 12 = March, 13 = the next April): the
 * target date is the last day of that month; `null` means no target date.
 */
export const TemplateCriterion = z
  .object({
    id: Slug,
    workstreamId: Slug,
    title: z.string().trim().min(1).max(TEMPLATE_LIMITS.title),
    description,
    evidenceExpected: z.string().trim().max(TEMPLATE_LIMITS.evidenceExpected),
    agencyTypes: agencyTypes(0),
    targetMonth: z.number().int().min(1).max(36).nullable(),
    derivedFrom: z.enum(DERIVATIONS).nullable(),
  })
  .strict()
  .superRefine((c, ctx) => {
    if (c.derivedFrom && c.agencyTypes.length > 0)
      ctx.addIssue({ code: 'custom', path: ['agencyTypes'], message: 'A derived criterion follows another record: leave its agency types empty' });
    if (!c.derivedFrom && c.agencyTypes.length === 0)
      ctx.addIssue({ code: 'custom', path: ['agencyTypes'], message: 'Choose at least one agency type that assesses this criterion' });
  });
export type TemplateCriterion = z.infer<typeof TemplateCriterion>;

/**
 * When a quarter's return is due: the last day of the month after the quarter ends (30 April for
 * Q4, 31 July for Q1), or a number of days after the quarter's last day.
 */
export const DueDateRule = z.discriminatedUnion('rule', [
  z.object({ rule: z.literal('end-of-next-month') }).strict(),
  z.object({ rule: z.literal('days-after-quarter-end'), days: z.number().int().min(1).max(90) }).strict(),
]);
export type DueDateRule = z.infer<typeof DueDateRule>;

/** The default reporting calendar: which quarters of the financial year are reported on, and when returns are due. */
export const ReportingCalendar = z
  .object({
    quarters: z
      .array(z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]))
      .min(1)
      .max(4)
      .superRefine((qs, ctx) => {
        qs.forEach((q, i) => {
          if (i > 0 && q <= qs[i - 1]!) ctx.addIssue({ code: 'custom', path: [i], message: 'List each quarter once, in order (1 to 4)' });
        });
      }),
    dueDate: DueDateRule,
  })
  .strict();
export type ReportingCalendar = z.infer<typeof ReportingCalendar>;

/** Partnership settings with every value given (the template's defaults; see `Partnership` for their meaning). */
export const PartnershipSettings = z
  .object({
    reminderWorkingDays: z.number().int().min(1).max(20),
    signOffReminderDays: z.number().int().min(1).max(90),
    certifyReturns: z.boolean(),
  })
  .strict();
export type PartnershipSettings = z.infer<typeof PartnershipSettings>;

/**
 * A partnership template. Besides each part's own rules it checks that ids are unique, that every
 * criterion belongs to a workstream of the template, and that a criterion's agency types contribute
 * to that workstream. `$comment` is the one free note a data file may carry.
 */
export const PartnershipTemplate = z
  .object({
    $comment: z.string().max(TEMPLATE_LIMITS.comment).optional(),
    id: Slug,
    name,
    description,
    version: z.number().int().min(1).max(9999),
    /** Types a partnership made from this template must have an agency of (England: the three statutory partners). */
    requiredAgencyTypes: agencyTypes(0),
    workstreams: z.array(TemplateWorkstream).min(1).max(20),
    readinessCriteria: z.array(TemplateCriterion).max(200),
    reportingCalendar: ReportingCalendar,
    defaultSettings: PartnershipSettings,
    /** Agencies of these types that are statutory partners must approve each threshold document version. */
    thresholdSignatoryAgencyTypes: agencyTypes(1),
  })
  .strict()
  .superRefine((t, ctx) => {
    const workstreams = new Map<string, TemplateWorkstream>();
    const orders = new Set<number>();
    t.workstreams.forEach((w, i) => {
      if (workstreams.has(w.id)) ctx.addIssue({ code: 'custom', path: ['workstreams', i, 'id'], message: `Another workstream already has the id "${w.id}"` });
      if (orders.has(w.order)) ctx.addIssue({ code: 'custom', path: ['workstreams', i, 'order'], message: `Another workstream is already number ${w.order} in the order` });
      workstreams.set(w.id, w);
      orders.add(w.order);
    });
    for (const id of extraMacptWorkstreams(t.workstreams))
      ctx.addIssue({
        code: 'custom',
        path: ['workstreams', t.workstreams.findIndex((w) => w.id === id), 'macpt'],
        message: 'Another workstream already sets up the multi-agency child protection teams: mark one workstream only',
      });
    const criteria = new Set<string>();
    t.readinessCriteria.forEach((c, i) => {
      if (criteria.has(c.id)) ctx.addIssue({ code: 'custom', path: ['readinessCriteria', i, 'id'], message: `Another criterion already has the id "${c.id}"` });
      criteria.add(c.id);
      const w = workstreams.get(c.workstreamId);
      if (!w) {
        ctx.addIssue({ code: 'custom', path: ['readinessCriteria', i, 'workstreamId'], message: `No workstream of this template has the id "${c.workstreamId}"` });
        return;
      }
      c.agencyTypes.forEach((type, j) => {
        if (!w.contributingAgencyTypes.includes(type))
          ctx.addIssue({ code: 'custom', path: ['readinessCriteria', i, 'agencyTypes', j], message: `"${type}" does not contribute to the workstream "${w.name}"` });
      });
    });
  });
export type PartnershipTemplate = z.infer<typeof PartnershipTemplate>;

/**
 * What the administrator chooses when creating a partnership from a template: its id (the slug in
 * `/api/p/{id}/...` and every key), names, agencies, the financial year its reporting starts
 * (`2026` for 2026-27), and any settings that differ from the template's defaults.
 */
export const TemplateChoices = z
  .object({
    id: Slug,
    name,
    shortName: z.string().trim().min(1).max(TEMPLATE_LIMITS.shortName),
    agencies: z.array(Agency.extend({ name }).strict()).min(1).max(50),
    firstYear: z.number().int().min(2000).max(2098),
    settings: PartnershipSettings.partial().optional(),
  })
  .strict();
export type TemplateChoices = z.input<typeof TemplateChoices>;

/** A readiness criterion as the seed writes it (`functions/seed/data/<pid>/readiness.json`): a criterion before its first version. */
export type CriterionConfiguration = Omit<Criterion, 'version'>;

/** One partnership's configuration, in the shapes the demo seed uses. */
export interface PartnershipConfiguration {
  partnership: Partnership;
  agencies: Agency[];
  workstreams: Workstream[];
  /** The readiness seed file's shape; a new partnership has no assessments yet. */
  readiness: { criteria: CriterionConfiguration[]; assessments: [] };
  /** The threshold document's sign-off configuration (`PUT /api/threshold-config`'s body). */
  threshold: { requiredAgencyIds: string[] };
  /**
   * The first financial year's reporting periods, all open: the API only ever creates open periods
   * (`POST /api/periods`), and an agency reports on the one that has started. The seed's
   * `periods.json` holds `{ id, dueDate, status }`; start and end follow from the id.
   */
  periods: Period[];
  /** Template criteria left out because no agency of this partnership has a type that assesses them. */
  omittedCriterionIds: string[];
  /** Where it came from, for the audit record. */
  template: { id: string; version: number };
}

/** The answer of {@link instantiateTemplate}: the configuration, or every reason it was refused. */
export type InstantiateResult = { ok: true; value: PartnershipConfiguration } | { ok: false; errors: FieldError[] };

/** Facts from outside the template and the choices: ids already taken by other partnerships. */
export interface InstantiateContext {
  existingPartnershipIds?: readonly string[];
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDayOfMonth = (year: number, month: number) => `${year}-${pad(month)}-${pad(new Date(Date.UTC(year, month, 0)).getUTCDate())}`;

/** The last day of the `n`th month of the financial year starting in April of `firstYear` (1 = April). */
export function targetDateFor(firstYear: number, n: number): string {
  const months = 3 + n - 1;
  return lastDayOfMonth(firstYear + Math.floor(months / 12), (months % 12) + 1);
}

/** A quarter's due date under a rule: e.g. `2026-27-Q3` is due 31 January 2027 at the end of the next month. */
export function dueDateFor(periodId: string, rule: DueDateRule): string {
  const { end } = periodBounds(periodId);
  const y = Number(end.slice(0, 4));
  const m = Number(end.slice(5, 7));
  if (rule.rule === 'end-of-next-month') return m === 12 ? lastDayOfMonth(y + 1, 1) : lastDayOfMonth(y, m + 1);
  return new Date(Date.parse(`${end}T00:00:00Z`) + rule.days * 86_400_000).toISOString().slice(0, 10);
}

function issuesToErrors(error: z.ZodError, prefix: PropertyKey[]): FieldError[] {
  return error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ path: formatPath([...prefix, ...issue.path, key]), message: `Remove "${key}": this field is not expected here` }))
      : [{ path: formatPath([...prefix, ...issue.path]), message: issue.message }],
  );
}

const typeLabel = (type: AgencyTypeName) => AGENCY_TYPE_LABELS[type].toLowerCase();

/**
 * Turns a template and an administrator's choices into one partnership's configuration. Pure: no
 * I/O, no clock.
 *
 * - Agency types become agency ids in the order the agencies are given: a workstream the police
 *   contribute to gets every police agency. Its lead is the first statutory agency of the lead
 *   type (or, with none statutory, the first of that type).
 * - A criterion applies to every agency of its types; one that applies to no agency of this
 *   partnership is left out and listed in `omittedCriterionIds` (derived criteria always stay).
 * - The threshold document's signatories are the statutory agencies of the template's signatory types.
 * - The workstream the template marks `macpt` is the partnership's MACPT workstream, whatever it is renamed to.
 * - Settings are the template's defaults with `choices.settings` on top.
 *
 * Refusals are returned, not thrown, as field errors in the API's `errors` form (`{ path, message }`,
 * paths as in `agencies[1].id`; problems with an edited template are under `template.`), all of
 * them at once: a choice that fails {@link TemplateChoices}, a template that fails
 * {@link PartnershipTemplate}, an id already used by another partnership (`id`), an agency id given
 * twice (`agencies[i].id`), and, on `agencies`, a required agency type with no agency, a lead type
 * with no agency, or no statutory agency to sign the threshold document.
 */
export function instantiateTemplate(template: PartnershipTemplate, choices: TemplateChoices, context: InstantiateContext = {}): InstantiateResult {
  const t = PartnershipTemplate.safeParse(template);
  const c = TemplateChoices.safeParse(choices);
  const errors: FieldError[] = [...(t.success ? [] : issuesToErrors(t.error, ['template'])), ...(c.success ? [] : issuesToErrors(c.error, []))];
  if (!t.success || !c.success) return { ok: false, errors };
  const tpl = t.data;
  const chosen = c.data;

  if (context.existingPartnershipIds?.includes(chosen.id)) errors.push({ path: 'id', message: `A partnership with the id "${chosen.id}" already exists: choose another id` });
  const seen = new Set<string>();
  chosen.agencies.forEach((a, i) => {
    if (seen.has(a.id)) errors.push({ path: `agencies[${i}].id`, message: `Another agency already has the id "${a.id}"` });
    seen.add(a.id);
  });

  const ofType = (type: AgencyTypeName) => chosen.agencies.filter((a) => a.type === type);
  const missing = new Set<AgencyTypeName>();
  for (const type of tpl.requiredAgencyTypes) {
    if (ofType(type).length === 0) {
      missing.add(type);
      errors.push({ path: 'agencies', message: `Add a ${typeLabel(type)} agency: every partnership made from "${tpl.name}" has one` });
    }
  }
  for (const w of tpl.workstreams) {
    if (ofType(w.leadAgencyType).length === 0 && !missing.has(w.leadAgencyType)) {
      missing.add(w.leadAgencyType);
      errors.push({ path: 'agencies', message: `Add a ${typeLabel(w.leadAgencyType)} agency: it leads the workstream "${w.name}"` });
    }
  }
  const signatories = chosen.agencies.filter((a) => a.statutory && tpl.thresholdSignatoryAgencyTypes.includes(a.type)).map((a) => a.id);
  if (signatories.length === 0) {
    const types = tpl.thresholdSignatoryAgencyTypes.map(typeLabel).join(', ');
    errors.push({ path: 'agencies', message: `Mark at least one agency of these types as a statutory partner, to sign the threshold document: ${types}` });
  }
  if (errors.length > 0) return { ok: false, errors };

  const idsOf = (types: readonly AgencyTypeName[]) => chosen.agencies.filter((a) => types.includes(a.type)).map((a) => a.id);
  const leadOf = (type: AgencyTypeName) => {
    const candidates = ofType(type);
    return (candidates.find((a) => a.statutory) ?? candidates[0]!).id;
  };
  const workstreams: Workstream[] = [...tpl.workstreams]
    .sort((a, b) => a.order - b.order)
    .map((w) => ({
      id: w.id,
      name: w.name,
      description: w.description,
      leadAgencyId: leadOf(w.leadAgencyType),
      contributingAgencyIds: idsOf(w.contributingAgencyTypes),
      order: w.order,
      ...(w.macpt ? { macpt: true } : {}),
    }));

  const criteria: CriterionConfiguration[] = [];
  const omittedCriterionIds: string[] = [];
  for (const cr of tpl.readinessCriteria) {
    const agencyIds = idsOf(cr.agencyTypes);
    if (!cr.derivedFrom && agencyIds.length === 0) {
      omittedCriterionIds.push(cr.id);
      continue;
    }
    criteria.push({
      id: cr.id,
      workstreamId: cr.workstreamId,
      title: cr.title,
      description: cr.description,
      agencyIds,
      evidenceExpected: cr.evidenceExpected,
      targetDate: cr.targetMonth === null ? null : targetDateFor(chosen.firstYear, cr.targetMonth),
      derivedFrom: cr.derivedFrom,
    });
  }

  const settings = { ...tpl.defaultSettings, ...chosen.settings };
  const periods: Period[] = tpl.reportingCalendar.quarters.map((quarter) => {
    const id = formatPeriodId({ year: chosen.firstYear, quarter: quarter as Quarter });
    return { id, ...periodBounds(id), dueDate: dueDateFor(id, tpl.reportingCalendar.dueDate), status: 'open' };
  });

  return {
    ok: true,
    value: {
      partnership: { id: chosen.id, name: chosen.name, shortName: chosen.shortName, ...settings },
      agencies: chosen.agencies.map((a) => ({ id: a.id, name: a.name, type: a.type, statutory: a.statutory })),
      workstreams,
      readiness: { criteria, assessments: [] },
      threshold: { requiredAgencyIds: signatories },
      periods,
      omittedCriterionIds,
      template: { id: tpl.id, version: tpl.version },
    },
  };
}
