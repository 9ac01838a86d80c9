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
}

export const emptyRisk = (): FormRisk => ({ title: '', description: '', likelihood: '', impact: '', mitigation: '', owner: '' });

/** The form for a saved section (or an empty one): a row for each open milestone. */
export function formFromSection(s: ReturnSectionView | undefined, milestones: Pick<Milestone, 'id' | 'status'>[]): SectionFormValues {
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
  };
}

/** The section as the API takes it, before validation (a number that is not one becomes NaN, so it is reported). */
export function sectionFromForm(workstreamId: string, f: SectionFormValues) {
  return {
    workstreamId,
    confidence: f.confidence || null,
    narrative: f.narrative,
    milestones: f.milestones.map((m) => ({ ...m })),
    risks: f.risks.map((r) => ({ ...r })),
    escalations: f.escalations.map((e) => ({ ...e })),
    metrics: f.metrics.map((m) => {
      const v = m.value.replace(/,/g, '').trim();
      return { name: m.name, value: v === '' ? Number.NaN : Number(v) };
    }),
  };
}

/** A plain copy of the form as it is now (a reactive store too), kept when someone else saved first. */
export const snapshotForm = (f: SectionFormValues): SectionFormValues => JSON.parse(JSON.stringify(f)) as SectionFormValues;

/** A risk as the lines someone typed: title, rating code, description, mitigation and owner (blank ones left out). */
export function riskLines(r: FormRisk): string {
  return [r.title, r.likelihood && r.impact ? `${r.likelihood}${r.impact}` : '', r.description, r.mitigation && `Mitigation: ${r.mitigation}`, r.owner && `Owner: ${r.owner}`]
    .filter(Boolean)
    .join('\n');
}
