import { NOT_A_NUMBER, parseNumberInput } from '../forms/number-input.js';
import type { Milestone } from '../workstreams/milestone.js';
import type { ReturnSectionView } from './schema.js';

/*
 * A section of a return as a form holds it while someone types: every answer as text (a select not
 * chosen yet is ''), seeded from the saved section, and turned back into the section the API takes.
 */

export interface FormRisk {
  title: string;
  description: string;
  likelihood: string;
  impact: string;
  mitigation: string;
  owner: string;
}

export interface SectionFormValues {
  confidence: string;
  narrative: string;
  milestones: { milestoneId: string; status: string; note: string }[];
  risks: FormRisk[];
  escalations: { summary: string }[];
  metrics: { name: string; value: string }[];
  /** A row for each indicator the agency reports in the section this quarter (shared/measures). */
  indicators: FormIndicator[];
}

export interface FormIndicator {
  indicatorId: string;
  value: string;
  belowThreshold: boolean;
  note: string;
  /** The agency confirmed a queried value; cleared when the value is typed again. */
  confirmed: boolean;
}

export const emptyRisk = (): FormRisk => ({ title: '', description: '', likelihood: '', impact: '', mitigation: '', owner: '' });

/** The form for a saved section (or an empty one): a row for each open milestone. */
export function formFromSection(s: ReturnSectionView | undefined, milestones: Pick<Milestone, 'id' | 'status'>[], dueIndicatorIds: readonly string[] = []): SectionFormValues {
  return {
    confidence: s?.confidence ?? '',
    narrative: s?.narrative ?? '',
    milestones: milestones.map((m) => {
      const u = s?.milestones.find((x) => x.milestoneId === m.id);
      return { milestoneId: m.id, status: u?.status ?? m.status, note: u?.note ?? '' };
    }),
    risks: (s?.risks ?? []).map((r) => ({ ...r })),
    escalations: (s?.escalations ?? []).map((e) => ({ ...e })),
    metrics: (s?.metrics ?? []).map((m) => ({ name: m.name, value: String(m.value) })),
    indicators: dueIndicatorIds.map((indicatorId) => {
      const v = s?.indicators?.find((x) => x.indicatorId === indicatorId);
      return {
        indicatorId,
        value: v?.value === null || v?.value === undefined ? '' : String(v.value),
        belowThreshold: v?.belowThreshold ?? false,
        note: v?.note ?? '',
        confirmed: v?.confirmed ?? false,
      };
    }),
  };
}

/** Whether a row of indicator values is sent: anything entered in it. */
const entered = (i: FormIndicator) => i.value.trim() !== '' || i.belowThreshold || i.note.trim() !== '';

/** The section as the API takes it, before validation: numbers read by `parseNumberInput` (one that is not a number becomes NaN, so it is reported). */
export function sectionFromForm(workstreamId: string, f: SectionFormValues) {
  return {
    workstreamId,
    confidence: f.confidence || null,
    narrative: f.narrative,
    milestones: f.milestones.map((m) => ({ ...m })),
    risks: f.risks.map((r) => ({ ...r })),
    escalations: f.escalations.map((e) => ({ ...e })),
    // A measure needs its number: left empty, it is reported like one that is not a number.
    metrics: f.metrics.map((m) => ({ name: m.name, value: parseNumberInput(m.value) ?? NOT_A_NUMBER })),
    // A row left empty is not sent: the draft saves without it, and submission asks for it.
    indicators: f.indicators
      .filter(entered)
      .map((i) => ({ indicatorId: i.indicatorId, value: parseNumberInput(i.value), belowThreshold: i.belowThreshold, note: i.note, confirmed: i.confirmed })),
  };
}

/** The form's rows that {@link sectionFromForm} sends, in order: the API's `indicators[j]` is row `sentIndicatorRows(f)[j]`. */
export const sentIndicatorRows = (f: Pick<SectionFormValues, 'indicators'>): number[] => f.indicators.flatMap((row, k) => (entered(row) ? [k] : []));

/**
 * A path in the section as sent (`indicators[1].value`: the second row sent) as the path of the
 * form field it belongs to (`indicators[3].value`), given {@link sentIndicatorRows} of what was
 * sent; an error about which indicator a row is belongs to its value. Other paths are unchanged.
 */
export function formPath(path: string, rows: readonly number[]): string {
  const m = /^indicators\[(\d+)\](.*)$/.exec(path);
  const k = m ? rows[Number(m[1])] : undefined;
  if (!m || k === undefined) return path;
  return `indicators[${k}]${m[2] === '.indicatorId' ? '.value' : m[2]}`;
}

/** A plain copy of the form as it is now (a reactive store too), kept when someone else saved first. */
export const snapshotForm = (f: SectionFormValues): SectionFormValues => JSON.parse(JSON.stringify(f)) as SectionFormValues;

/** A risk as the lines someone typed: title, rating code, description, mitigation and owner (blank ones left out). */
export function riskLines(r: FormRisk): string {
  return [r.title, r.likelihood && r.impact ? `${r.likelihood}${r.impact}` : '', r.description, r.mitigation && `Mitigation: ${r.mitigation}`, r.owner && `Owner: ${r.owner}`]
    .filter(Boolean)
    .join('\n');
}
