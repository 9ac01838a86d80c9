import { MEASURE_RAG_LABELS, type IndicatorSeries, type MeasurePoint } from '../measures/schema.js';
import { formatPoint, ragFor, targetWords } from '../measures/rules.js';
import { formatDayLong, periodLabel, ukDate } from '../periods/period.js';
import { CONFIDENCE_LABELS, MILESTONE_STATUS_LABELS, type Confidence } from '../returns/schema.js';
import type { z } from 'zod';
import type { ScoreView } from '../readiness/views.js';
import type { CoverageView } from '../kinship/views.js';
import { REPORT_SECTION_HEADINGS, REPORT_SECTION_KEYS, REPORT_SECTION_MAX, type ReportSectionKey, type ReportSource } from './schema.js';

/**
 * The yearly report's first draft, written from the portal's records and nothing else. Every
 * sentence that states a figure, a rating or a quotation carries a marker `[n]` naming the record
 * it comes from; what the portal holds no records of (practice reviews, feedback from children and
 * families) is left for the lead to write, said plainly as such.
 */

/** What the draft is written from: gathered by the API from the records (functions/services/report-service.ts). */
export interface ReportEvidence {
  partnershipName: string;
  /** The window: its first and last quarter and days. */
  window: { firstPeriodId: string; lastPeriodId: string; start: string; end: string };
  /** When the draft is written (a UK day): the state of readiness, sign-off and the offer is as at then. */
  today: string;
  /** The window's reporting periods the partnership opened, oldest first, with the agencies due to return in each. */
  periods: { id: string; expectedAgencyIds: string[]; acceptedAgencyIds: string[] }[];
  agencies: { id: string; name: string }[];
  workstreams: { id: string; name: string }[];
  /** Each workstream's overall confidence per period of the window (the tracker's trend). */
  ratings: { workstreamId: string; periodId: string; confidence: Confidence | null; provisional: boolean }[];
  /** Sections of accepted returns in the window: the agencies' own words. */
  sections: { periodId: string; agencyId: string; workstreamId: string; confidence: Confidence | null; narrative: string; escalations: string[] }[];
  /** Outcome indicators with every value up to the end of the window. */
  measures: { workstreamId: string; workstreamName: string; indicators: IndicatorSeries[] }[];
  smallNumberThreshold: number;
  /** Milestones of the workstreams in use; a closed one (dropped by the lead) is in no list. */
  milestones: {
    id: string;
    workstreamId: string;
    workstreamName: string;
    title: string;
    ownerName: string;
    dueDate: string;
    status: keyof typeof MILESTONE_STATUS_LABELS;
    closed: boolean;
  }[];
  readiness: { workstreamId: string; name: string; highlighted: boolean; criteriaCount: number; overall: z.infer<typeof ScoreView> }[];
  threshold: { versionLabel: string; status: string; signedOffAt: string | null; required: { agencyName: string; signedOff: boolean }[] } | null;
  kinship: z.infer<typeof CoverageView>;
}

export interface DraftSection {
  key: ReportSectionKey;
  heading: string;
  text: string;
  sources: ReportSource[];
}

/** Longest quotation from a narrative: enough to carry the point; the source links to the rest. */
const QUOTE_MAX = 400;
const LOW_RATINGS: readonly Confidence[] = ['amber-red', 'red'];
/** Words that mark a narrative sentence about what children and families said. */
const FEEDBACK_WORDS =
  /\b(feedback|voice of (the )?(child|young)|children and (young people|families) (told|said)|families (told|said)|young people (told|said)|co-?produc\w*|consultation|lived experience|survey\w*|listening)\b/i;

/** A marker while the section is written: characters no text typed into the portal holds. */
const OPEN = '\uE000';
const CLOSE = '\uE001';

/** ... and about children, young people or families, not feedback between agencies. */
const FAMILY_WORDS = /\b(child|children|young (people|person)|famil(y|ies)|carers?|parents?)\b/i;

/** A section being written: its paragraphs and the sources its markers name. */
class SectionWriter {
  readonly blocks: string[] = [];
  readonly sources: ReportSource[] = [];

  /**
   * The marker of a source, the same marker for the same record and words. Written as a token that
   * no record's text can hold until the section is finished, so that "[2]" in an agency's own words
   * never becomes a marker (see {@link text}).
   */
  cite(text: string, path: string): string {
    const found = this.sources.find((s) => s.text === text && s.path === path);
    if (found) return `${OPEN}${found.n}${CLOSE}`;
    const n = this.sources.length + 1;
    this.sources.push({ n, text, path });
    return `${OPEN}${n}${CLOSE}`;
  }

  para(text: string) {
    this.blocks.push(text);
  }

  list(items: readonly string[]) {
    if (items.length) this.blocks.push(items.map((i) => `- ${i}`).join('\n'));
  }

  /** The text: what reads as a marker in records' words becomes "(2)", then the section's own markers are written. */
  text(): string {
    return this.blocks
      .join('\n\n')
      .replace(/\[(\d{1,3})\]/g, '($1)')
      .replace(new RegExp(`${OPEN}(\\d+)${CLOSE}`, 'g'), '[$1]');
  }
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const ratingWords = (c: Confidence | null) => (c ? CONFIDENCE_LABELS[c] : 'not rated');
const enc = encodeURIComponent;

/** Whether a key is met for the first time (each later meeting answers false). */
function firstTime(): (key: string) => boolean {
  const seen = new Set<string>();
  return (key) => {
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  };
}

/** A quotation of someone's own words, cut at a sentence or word end when long, never mid-word. */
export function quote(text: string, max = QUOTE_MAX): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const sentence = cut.lastIndexOf('. ');
  const end = sentence > max / 2 ? sentence + 1 : cut.lastIndexOf(' ');
  return `${cut.slice(0, end > 0 ? end : max).trim()} …`;
}

/** The draft's sections, in the Working Together order. */
export function draftReport(e: ReportEvidence): DraftSection[] {
  const agencyName = new Map(e.agencies.map((a) => [a.id, a.name]));
  const nameOf = (id: string) => agencyName.get(id) ?? id;
  const inWindow = (day: string) => day >= e.window.start && day <= e.window.end;
  const windowWords = `${formatDayLong(e.window.start)} to ${formatDayLong(e.window.end)}`;
  const returnPath = (periodId: string, agencyId: string) => `/returns/${enc(periodId)}/${enc(agencyId)}`;
  const trackerPath = (periodId: string) => `/tracker?periodId=${enc(periodId)}`;
  const ratingsOf = (workstreamId: string) => e.ratings.filter((r) => r.workstreamId === workstreamId);
  // Milestones are shown on the tracker, which the lead and the executive both open (the programme page is the lead's).
  const milestonesPath = `${trackerPath(e.window.lastPeriodId)}#milestones`;
  const milestones = e.milestones.filter((m) => !m.closed);
  const milestoneLine = (m: ReportEvidence['milestones'][number]) => `${m.title} (${m.workstreamName}; owner ${m.ownerName}; due ${formatDayLong(m.dueDate)})`;

  const sections: Record<ReportSectionKey, SectionWriter> = Object.fromEntries(REPORT_SECTION_KEYS.map((k) => [k, new SectionWriter()])) as Record<ReportSectionKey, SectionWriter>;

  // What the partners did ------------------------------------------------------------------------
  {
    const s = sections['what-we-did'];
    s.para(
      `This report covers ${windowWords}. It draws on the partner agencies' quarterly returns accepted by the programme lead, the partnership's outcome measures, milestones and readiness assessments, the threshold document and the Kinship Local Offer, as recorded in the Partnership Reform Portal.`,
    );
    if (e.periods.length === 0) s.para('No reporting period in this window was opened in the portal, so there are no returns to report on.');
    else {
      const expected = e.periods.reduce((n, p) => n + p.expectedAgencyIds.length, 0);
      const accepted = e.periods.reduce((n, p) => n + p.acceptedAgencyIds.length, 0);
      s.para(
        `Partner agencies report progress on each workstream in quarterly returns. Over the ${plural(e.periods.length, 'quarter')} in the portal, ${accepted} of ${expected} returns due were accepted by the programme lead ${s.cite(`Returns accepted in the window: ${accepted} of ${expected} due`, '/returns')}:`,
      );
      s.list(
        e.periods.map((p) => {
          const missing = p.expectedAgencyIds.filter((a) => !p.acceptedAgencyIds.includes(a)).map(nameOf);
          const text = `${periodLabel(p.id)}: ${p.acceptedAgencyIds.length} of ${p.expectedAgencyIds.length} returns accepted`;
          return `${text}${missing.length ? ` (not accepted: ${missing.join(', ')})` : ''} ${s.cite(text, `/returns/${enc(p.id)}`)}`;
        }),
      );
    }
    // What each agency said it did on each workstream: its latest accepted words in the window.
    const latestWords = e.workstreams.flatMap((w) =>
      e.agencies.flatMap((a) => {
        const x = e.sections
          .filter((y) => y.workstreamId === w.id && y.agencyId === a.id && y.narrative.trim())
          .sort((p, q) => p.periodId.localeCompare(q.periodId))
          .at(-1);
        return x ? [{ w, x }] : [];
      }),
    );
    if (latestWords.length) {
      s.para('In their latest accepted returns of the window, the agencies reported:');
      s.list(
        latestWords.map(({ w, x }) => {
          const where = `${nameOf(x.agencyId)}, ${periodLabel(x.periodId)}`;
          return `${w.name}, ${where}: “${quote(x.narrative)}” ${s.cite(`${where}: progress narrative on ${w.name}, accepted return`, returnPath(x.periodId, x.agencyId))}`;
        }),
      );
    }
    const completed = milestones.filter((m) => m.status === 'complete' && inWindow(m.dueDate));
    if (completed.length) {
      s.para(`The partners completed ${plural(completed.length, 'milestone')} due in the window:`);
      s.list(completed.map((m) => `${milestoneLine(m)} ${s.cite(`Milestone "${m.title}": complete`, milestonesPath)}`));
    } else s.para('No milestone due in the window is recorded as complete.');
    if (e.threshold) {
      const signed = e.threshold.required.filter((r) => r.signedOff).length;
      const text = `Threshold document ${e.threshold.versionLabel}: signed off by ${signed} of ${e.threshold.required.length} statutory partners`;
      s.para(
        e.threshold.signedOffAt
          ? `The threshold document (${e.threshold.versionLabel}) was signed off by all ${e.threshold.required.length} statutory partners on ${formatDayLong(ukDate(new Date(e.threshold.signedOffAt)))} ${s.cite(text, '/threshold')}.`
          : `When this draft was written, ${signed} of ${e.threshold.required.length} statutory partners had signed off the threshold document (${e.threshold.versionLabel}) ${s.cite(text, '/threshold')}.`,
      );
    }
    const k = e.kinship;
    const covered = k.categories.filter((c) => c.covered).length;
    const kinshipText = `Kinship Local Offer: ${covered} of ${k.categories.length} categories covered by published items${k.lastPublishedAt ? `, last published ${formatDayLong(ukDate(new Date(k.lastPublishedAt)))}` : ''}`;
    s.para(
      `The Kinship Local Offer covered ${covered} of its ${k.categories.length} categories when this draft was written${k.lastPublishedAt ? `; it was last published on ${formatDayLong(ukDate(new Date(k.lastPublishedAt)))}` : ', and it had not been published'} ${s.cite(kinshipText, '/kinship')}.${
        k.gaps.length
          ? ` Categories with nothing published: ${k.categories
              .filter((c) => !c.covered)
              .map((c) => c.label)
              .join(', ')}.`
          : ''
      }`,
    );
  }

  // How effective it was ---------------------------------------------------------------------------
  {
    const s = sections.effectiveness;
    s.para("Each quarter the programme lead rates every workstream's delivery confidence from the agencies' returns. The ratings over the window were:");
    s.list(
      e.workstreams
        .map((w) => {
          const rs = ratingsOf(w.id).filter((r) => r.confidence);
          if (!rs.length) return null;
          const words = rs.map(
            (r) =>
              `${periodLabel(r.periodId)} ${ratingWords(r.confidence)}${r.provisional ? ' (provisional: not every return accepted)' : ''} ${s.cite(`${w.name}, ${periodLabel(r.periodId)}: ${ratingWords(r.confidence)}${r.provisional ? ', provisional' : ''}`, trackerPath(r.periodId))}`,
          );
          return `${w.name}: ${words.join('; ')}`;
        })
        .filter((x): x is string => x !== null),
    );
    if (!e.ratings.some((r) => r.confidence)) s.para('No workstream was rated in the window.');
    const assessed = e.readiness.filter((r) => r.overall.applicable > 0);
    if (assessed.length) {
      s.para(
        "Readiness is each agency's self-assessment against the partnership's criteria, confirmed by the programme lead when the evidence is seen. When this draft was written:",
      );
      s.list(
        assessed.map((r) => {
          const o = r.overall;
          const text = `${r.name} readiness: ${o.confirmed} of ${o.applicable} confirmed (${o.confirmedPercent}%), ${o.selfAssessed} self-assessed ready (${o.selfAssessedPercent}%)`;
          return `${r.name}${r.highlighted ? ' (MACPT readiness)' : ''}: ${o.confirmedPercent}% confirmed by the lead against ${o.selfAssessedPercent}% self-assessed ready${o.overdue ? `; ${plural(o.overdue, 'assessment')} overdue` : ''} ${s.cite(text, `/readiness/${enc(r.workstreamId)}`)}`;
        }),
      );
    }
    const slipped = milestones.filter((m) => m.status !== 'complete' && m.dueDate <= e.window.end);
    const atRisk = milestones.filter((m) => (m.status === 'at-risk' || m.status === 'off-track') && m.dueDate > e.window.end);
    if (slipped.length) {
      s.para(`${plural(slipped.length, 'milestone')} due by ${formatDayLong(e.window.end)} ${slipped.length === 1 ? 'was' : 'were'} not complete when this draft was written:`);
      s.list(
        slipped.map((m) => `${milestoneLine(m)}: ${MILESTONE_STATUS_LABELS[m.status]} ${s.cite(`Milestone "${m.title}": ${MILESTONE_STATUS_LABELS[m.status]}`, milestonesPath)}`),
      );
    }
    if (atRisk.length) {
      s.para(`${plural(atRisk.length, 'milestone')} due later ${atRisk.length === 1 ? 'is' : 'are'} at risk or off track:`);
      s.list(
        atRisk.map((m) => `${milestoneLine(m)}: ${MILESTONE_STATUS_LABELS[m.status]} ${s.cite(`Milestone "${m.title}": ${MILESTONE_STATUS_LABELS[m.status]}`, milestonesPath)}`),
      );
    }
  }

  // Evidence of impact --------------------------------------------------------------------------------
  {
    const s = sections.impact;
    const lines: string[] = [];
    for (const w of e.measures) {
      for (const ind of w.indicators) {
        const final = ind.points.filter((p) => p.state === 'accepted');
        const inside = final.filter((p) => p.periodId >= e.window.firstPeriodId && p.periodId <= e.window.lastPeriodId);
        const latest = inside.at(-1);
        if (!latest) continue;
        const before = final.filter((p) => p.periodId < e.window.firstPeriodId).at(-1) ?? (inside.length > 1 ? inside[0] : undefined);
        const v = (p: MeasurePoint) => formatPoint(ind.unit, p, e.smallNumberThreshold);
        const rag = ragFor(ind, latest, e.smallNumberThreshold);
        const target = targetWords(ind);
        const parts = [`${ind.name}: ${v(latest)} in ${periodLabel(latest.periodId)}`];
        if (before && before !== latest) parts.push(`from ${v(before)} in ${periodLabel(before.periodId)}`);
        if (ind.baseline)
          parts.push(
            `baseline ${v({ value: ind.baseline.value, belowThreshold: false, threshold: null, note: '', state: 'accepted', periodId: latest.periodId })} (${formatDayLong(ind.baseline.date)})`,
          );
        const against = target ? `; target ${target.charAt(0).toLowerCase()}${target.slice(1)}${rag ? `: ${MEASURE_RAG_LABELS[rag]}` : ''}` : '';
        const text = `${parts.join(', ')}${against}`;
        lines.push(`${text} ${s.cite(`${ind.name} (${ind.reportingAgencyName}): ${v(latest)}, ${periodLabel(latest.periodId)}, accepted`, `/measures/${enc(ind.workstreamId)}`)}`);
      }
    }
    if (lines.length) {
      s.para(
        'The partnership measures its impact by outcome indicators reported each quarter by the agency that holds the data, against targets the partnership set. Values are those in accepted returns; counts of children below the small-number threshold read "fewer than N" so that no child can be identified:',
      );
      s.list(lines);
    } else s.para('No outcome indicator has a value in an accepted return in this window, so the portal holds no evidence of impact for it yet.');
  }

  // Priorities with little or no progress ----------------------------------------------------------
  {
    const s = sections['little-progress'];
    // Low on final ratings (accepted returns, or the lead's own) in two or more quarters: a provisional rating may still change.
    const lowOf = (workstreamId: string) => ratingsOf(workstreamId).filter((r) => !r.provisional && r.confidence && LOW_RATINGS.includes(r.confidence));
    const stuck = e.workstreams.filter((w) => lowOf(w.id).length >= 2);
    if (!stuck.length) s.para('No workstream was rated Amber/Red or Red in two or more quarters of the window.');
    for (const w of stuck) {
      const low = lowOf(w.id);
      s.para(
        `${w.name} was rated ${low.map((r) => `${ratingWords(r.confidence)} in ${periodLabel(r.periodId)} ${s.cite(`${w.name}, ${periodLabel(r.periodId)}: ${ratingWords(r.confidence)}`, trackerPath(r.periodId))}`).join(', ')}. The agencies said, in their accepted returns:`,
      );
      const said = e.sections.filter((x) => x.workstreamId === w.id && low.some((r) => r.periodId === x.periodId) && (x.narrative.trim() || x.escalations.length));
      // Words carried forward from one quarter to the next read the same: quoted once, where first said.
      const fresh = firstTime();
      s.list(
        said.flatMap((x) => {
          const where = `${nameOf(x.agencyId)}, ${periodLabel(x.periodId)}`;
          const path = returnPath(x.periodId, x.agencyId);
          const out: string[] = [];
          if (x.narrative.trim() && fresh(`${x.agencyId} ${quote(x.narrative)}`))
            out.push(`${where}: “${quote(x.narrative)}” ${s.cite(`${where}: progress narrative, accepted return`, path)}`);
          for (const esc of x.escalations)
            if (fresh(`${x.agencyId} ${quote(esc)}`)) out.push(`${where}, escalated: “${quote(esc)}” ${s.cite(`${where}: escalation, accepted return`, path)}`);
          return out;
        }),
      );
    }
    const offTarget = e.measures.flatMap((w) =>
      w.indicators.flatMap((ind) => {
        const latest = ind.points.filter((p) => p.state === 'accepted' && p.periodId >= e.window.firstPeriodId && p.periodId <= e.window.lastPeriodId).at(-1) ?? null;
        return ragFor(ind, latest, e.smallNumberThreshold) === 'red' && latest ? [{ ind, latest }] : [];
      }),
    );
    if (offTarget.length) {
      s.para('Outcome indicators off target at the end of the window:');
      s.list(
        offTarget.map(
          ({ ind, latest }) =>
            `${ind.name}: ${formatPoint(ind.unit, latest, e.smallNumberThreshold)} in ${periodLabel(latest.periodId)} against ${targetWords(ind)?.toLowerCase() ?? 'its target'} ${s.cite(`${ind.name}: ${formatPoint(ind.unit, latest, e.smallNumberThreshold)}, ${periodLabel(latest.periodId)}, Off target`, `/measures/${enc(ind.workstreamId)}`)}`,
        ),
      );
    }
  }

  // Practice reviews, and feedback: what the portal does not hold ---------------------------------
  sections.reviews.para(
    'To be written by the partnership: the portal holds no records of child safeguarding practice reviews. Say which reviews were published or in progress in the window, the actions the partners took on each, and what changed as a result.',
  );
  {
    const s = sections.feedback;
    // A sentence carried forward from quarter to quarter is quoted once, where first said.
    const fresh = firstTime();
    const mentions = e.sections.flatMap((x) =>
      x.narrative
        .split(/(?<=[.!?])\s+/)
        .filter((sentence) => FEEDBACK_WORDS.test(sentence) && FAMILY_WORDS.test(sentence) && fresh(quote(sentence)))
        .map((sentence) => ({ x, sentence })),
    );
    if (mentions.length) {
      s.para('Accepted returns that mention feedback from children, young people and families:');
      s.list(
        mentions.slice(0, 10).map(({ x, sentence }) => {
          const where = `${nameOf(x.agencyId)}, ${periodLabel(x.periodId)}`;
          return `${where}: “${quote(sentence)}” ${s.cite(`${where}: progress narrative, accepted return`, returnPath(x.periodId, x.agencyId))}`;
        }),
      );
    } else s.para('No accepted return in the window mentions feedback from children or families.');
    s.para('To be written by the partnership: how what children, young people and families said changed the partners’ work.');
  }

  // Plans for the next year --------------------------------------------------------------------------
  {
    const s = sections['next-year'];
    const yearOn = `${Number(e.window.end.slice(0, 4)) + 1}${e.window.end.slice(4)}`;
    const ahead = milestones.filter((m) => m.status !== 'complete' && m.dueDate > e.window.end && m.dueDate <= yearOn);
    if (ahead.length) {
      s.para(`Milestones due in the next 12 months, to ${formatDayLong(yearOn)}:`);
      s.list(ahead.map((m) => `${milestoneLine(m)}: ${MILESTONE_STATUS_LABELS[m.status]} ${s.cite(`Milestone "${m.title}": due ${formatDayLong(m.dueDate)}`, milestonesPath)}`));
    } else s.para(`No milestone is set for the next 12 months, to ${formatDayLong(yearOn)}.`);
    const open = e.readiness.filter((r) => r.overall.applicable > r.overall.confirmed);
    if (open.length) {
      s.para('Readiness still to be confirmed:');
      s.list(
        open.map(
          (r) =>
            `${r.name}: ${r.overall.applicable - r.overall.confirmed} of ${r.overall.applicable} criteria not yet confirmed ${s.cite(`${r.name} readiness: ${r.overall.confirmed} of ${r.overall.applicable} confirmed`, `/readiness/${enc(r.workstreamId)}`)}`,
        ),
      );
    }
    s.para('To be written by the partnership: the priorities for the year ahead and how the partners will know they have made a difference.');
  }

  return REPORT_SECTION_KEYS.map((key) => {
    const w = sections[key];
    return { key, heading: REPORT_SECTION_HEADINGS[key], text: withinLimit(w.text()), sources: w.sources };
  });
}

/** Within the section limit: a draft that would be longer loses its last lines (the sources stay, linked). */
function withinLimit(text: string): string {
  if (text.length <= REPORT_SECTION_MAX) return text;
  const note = '\n\n- (More in the records: the draft was cut to the section limit.)';
  const cut = text.slice(0, REPORT_SECTION_MAX - note.length);
  return `${cut.slice(0, cut.lastIndexOf('\n'))}${note}`;
}
