import type { Milestone } from '../../../../shared/workstreams/milestone.js';
import type { ReturnView } from '../../api/returns.js';

/*
 * What the section form holds while someone types: every answer as text (a select not chosen yet
 * is ''), seeded from the saved section, and turned back into the section the API takes.
 */

type Section = ReturnView['sections'][number];

export interface FormRisk {
  title: string;
  description: string;
  likelihood: string;
  impact: string;
  mitigation: string;
  owner: string;
}

export interface FormState {
  confidence: string;
  narrative: string;
  milestones: { milestoneId: string; status: string; note: string }[];
  risks: FormRisk[];
  escalations: { summary: string }[];
  metrics: { name: string; value: string }[];
}

export const emptyRisk = (): FormRisk => ({ title: '', description: '', likelihood: '', impact: '', mitigation: '', owner: '' });

/** The form for a saved section (or an empty one): a row for each open milestone. */
export function fromSection(s: Section | undefined, milestones: Milestone[]): FormState {
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
export function toRaw(workstreamId: string, f: FormState) {
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

/** A copy of the form as it is now, kept when someone else saved first. */
export const snapshot = (f: FormState): FormState => JSON.parse(JSON.stringify(f)) as FormState;
