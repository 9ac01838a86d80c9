import { formatPoint, ragFor } from '../../shared/measures/rules.js';
import { DIRECTION_LABELS, MEASURE_RAG_LABELS, UNIT_LABELS } from '../../shared/measures/schema.js';
import { periodBounds, periodLabel, periodLongLabel } from '../../shared/periods/period.js';
import {
  CONFIDENCE_LABELS,
  type Confidence,
  IMPACT_LABELS,
  type Impact,
  LIKELIHOOD_LABELS,
  type Likelihood,
  MILESTONE_STATUS_LABELS,
  type MilestoneStatus,
  RETURN_STATUS_LABELS,
  type ReturnStatus,
} from '../../shared/returns/schema.js';
import { dateCell, ukDateTimeCell } from '../../shared/tracker/compute.js';
import type { TrackerService } from './tracker-service.js';

/*
 * The tracker's export tables (CSV files and the Excel workbook), built from the same response the
 * page shows, in the reader's words: labels, never codes ("Amber/Red", "Off track"); dates and
 * times as they were in London, written as dates (CSV: YYYY-MM-DD, which spreadsheets read as a
 * date in any locale; Excel: real dates shown dd/mm/yyyy); provisional ratings said to be so.
 */

export const EXPORTS = ['returns', 'confidence', 'risks', 'readiness', 'milestones', 'measures'] as const;
export type Export = (typeof EXPORTS)[number];

/** What the exports are built from: the tracker, with the period's sections of the returns that reached the lead. */
export type TrackerExport = Awaited<ReturnType<TrackerService['trackerWithSections']>>;

export interface ExportTable {
  header: string[];
  rows: unknown[][];
}

const yesNo = (b: boolean) => (b ? 'Yes' : 'No');
const confidenceWords = (c: string | null) => (c ? CONFIDENCE_LABELS[c as Confidence] : 'Not rated');
const PROVISIONAL = 'Provisional: not every contributing agency’s return is accepted yet';

/** Every export table of the tracker. */
export function exportTables(t: TrackerExport): Record<Export, ExportTable> {
  return {
    returns: returnsTable(t),
    confidence: confidenceTable(t),
    risks: risksTable(t),
    readiness: readinessTable(t),
    milestones: milestonesTable(t),
    measures: measuresTable(t),
  };
}

/** One row per agency: its return's status and dates, then per workstream its rating, narrative and escalations. */
function returnsTable(t: TrackerExport): ExportTable {
  const ws = t.workstreams;
  const sectionOf = (agencyId: string, workstreamId: string) => t.sections.find((s) => s.agencyId === agencyId && s.workstreamId === workstreamId);
  return {
    header: [
      'Period',
      'Months',
      'Agency',
      'Status',
      'Reopened for a correction',
      'Overdue',
      'Due date',
      'Submitted',
      'Accepted',
      ...ws.map((w) => `Delivery confidence: ${w.name}`),
      ...ws.map((w) => `Progress narrative: ${w.name}`),
      ...ws.map((w) => `Escalations: ${w.name}`),
    ],
    rows: t.returns.map((r) => [
      periodLabel(t.period.id),
      periodLongLabel(t.period.id),
      r.agencyName,
      RETURN_STATUS_LABELS[r.status as ReturnStatus],
      yesNo(r.reopened),
      yesNo(r.overdue),
      dateCell(r.dueDate),
      ukDateTimeCell(r.submittedAt),
      ukDateTimeCell(r.acceptedAt),
      ...t.matrix.map((m) => {
        const cell = m.cells.find((c) => c.agencyId === r.agencyId);
        if (!cell) return 'Does not report on this workstream';
        if (cell.state === 'not-reported') return 'Not reported';
        return cell.state === 'submitted' ? `${confidenceWords(cell.confidence)} (provisional: submitted, not yet accepted)` : confidenceWords(cell.confidence);
      }),
      ...ws.map((w) => sectionOf(r.agencyId, w.id)?.narrative ?? ''),
      ...ws.map((w) => (sectionOf(r.agencyId, w.id)?.escalations ?? []).map((e) => e.summary).join('\n')),
    ]),
  };
}

/** Each workstream's overall confidence in every period up to the one shown (the trend), final or provisional. */
function confidenceTable(t: TrackerExport): ExportTable {
  return {
    header: ['Workstream', 'Retired', 'Period', 'Months', 'Overall delivery confidence', 'Final or provisional'],
    rows: t.trend.flatMap((w) =>
      w.points.map((p) => [
        w.name,
        yesNo(w.retired),
        periodLabel(p.periodId),
        periodLongLabel(p.periodId),
        confidenceWords(p.confidence),
        p.confidence === null ? '' : p.provisional ? PROVISIONAL : 'Final',
      ]),
    ),
  };
}

function risksTable(t: TrackerExport): ExportTable {
  return {
    header: ['Period', 'Rating', 'Likelihood', 'Impact', 'Title', 'Description', 'Mitigation', 'Owner', 'Agency', 'Workstream'],
    rows: t.risks.map((r) => [
      periodLabel(t.period.id),
      r.rating,
      `${r.likelihood}: ${LIKELIHOOD_LABELS[r.likelihood as Likelihood]}`,
      `${r.impact}: ${IMPACT_LABELS[r.impact as Impact]}`,
      r.title,
      r.description,
      r.mitigation,
      r.owner,
      r.agencyName,
      r.workstreamName,
    ]),
  };
}

function readinessTable(t: TrackerExport): ExportTable {
  const agencyName = (id: string) => t.agencies.find((x) => x.id === id)?.name ?? id;
  return {
    header: ['Workstream', 'Agency', 'Applicable criteria', 'Self-assessed ready', 'Confirmed ready', 'Self-assessed %', 'Confirmed %', 'Overdue'],
    rows: t.readiness.flatMap((w) => [
      ...w.agencies.map((a) => [w.name, agencyName(a.agencyId), a.applicable, a.selfAssessed, a.confirmed, a.selfAssessedPercent, a.confirmedPercent, a.overdue]),
      [w.name, 'All agencies', w.overall.applicable, w.overall.selfAssessed, w.overall.confirmed, w.overall.selfAssessedPercent, w.overall.confirmedPercent, w.overall.overdue],
    ]),
  };
}

/** Every milestone, closed ones too, with whether it is overdue or due this or next quarter. */
function milestonesTable(t: TrackerExport): ExportTable {
  const overdue = new Set(t.milestones.overdue.map((m) => `${m.workstreamId}/${m.id}`));
  const inList = (list: { workstreamId: string; id: string }[]) => new Set(list.map((m) => `${m.workstreamId}/${m.id}`));
  const thisQuarter = inList(t.milestones.thisQuarter.items);
  const nextQuarter = inList(t.milestones.nextQuarter.items);
  return {
    header: [
      'Workstream',
      'Milestone',
      'Owner',
      'Due date',
      'Status',
      'Closed',
      'Overdue',
      `Due in ${periodLabel(t.period.id)}`,
      `Due in ${periodLabel(t.milestones.nextQuarter.periodId)}`,
    ],
    rows: t.milestones.all.map((m) => {
      const key = `${m.workstreamId}/${m.id}`;
      return [
        m.workstreamName,
        m.title,
        m.ownerName,
        dateCell(m.dueDate),
        MILESTONE_STATUS_LABELS[m.status as MilestoneStatus],
        yesNo(m.closed),
        yesNo(overdue.has(key)),
        yesNo(thisQuarter.has(key)),
        yesNo(nextQuarter.has(key)),
      ];
    }),
  };
}

/**
 * Outcome measures, one row per reported value up to the tracker's period (a long table, to sort,
 * filter and chart): values as numbers, dates as dates, ratings and units in words.
 */
function measuresTable(t: TrackerExport): ExportTable {
  const threshold = t.measuresThreshold;
  return {
    header: [
      'Workstream',
      'Indicator',
      'Reporting agency',
      'Unit',
      'Which is better',
      'Period',
      'Period ends',
      'Value',
      'Value as shown',
      'Final or provisional',
      'Why it moved',
      'Target',
      'Upper end of range',
      'Tolerance',
      'Against target',
      'Baseline',
      'Baseline date',
      'Source',
    ],
    rows: t.measures.flatMap((w) =>
      w.indicators.flatMap((i) =>
        i.points.map((p) => {
          const rag = ragFor(i, p, threshold);
          return [
            w.name,
            i.name,
            i.reportingAgencyName,
            UNIT_LABELS[i.unit],
            DIRECTION_LABELS[i.direction],
            periodLabel(p.periodId),
            dateCell(periodBounds(p.periodId).end),
            p.value,
            formatPoint(i.unit, p, threshold),
            p.state === 'accepted' ? 'Final' : 'Provisional (return not yet accepted)',
            p.note,
            i.target,
            i.targetMax,
            i.tolerance,
            rag ? MEASURE_RAG_LABELS[rag] : 'No target',
            i.baseline?.value ?? null,
            dateCell(i.baseline?.date),
            i.source,
          ];
        }),
      ),
    ),
  };
}
