import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CATEGORIES, CATEGORY_LABELS, STATUTORY_CATEGORIES } from '../kinship/schema.js';
import { formatMeasure, formatPoint, ragFor, targetWords } from '../measures/rules.js';
import { type Direction, type IndicatorSeries, type MeasurePoint, UNITS, type Unit } from '../measures/schema.js';
import { formatDayLong, formatPeriodId, periodBounds, periodLabel, previousPeriodId, type Quarter } from '../periods/period.js';
import { CONFIDENCE_LEVELS, type Confidence, MILESTONE_STATUS_LABELS } from '../returns/schema.js';
import { type DraftSection, draftReport, quote, type ReportEvidence } from './draft.js';
import { REPORT_SECTION_HEADINGS, REPORT_SECTION_KEYS, REPORT_SECTION_MAX, type ReportSectionKey } from './schema.js';
import { markersIn, readReportText } from './text.js';

/** Fixed seeds: every run generates the same cases, so a failure is reproducible. */
const RUNS = { numRuns: 60 } as const;

const CUT_NOTE = '(More in the records: the draft was cut to the section limit.)';
const MILESTONE_STATUSES = Object.keys(MILESTONE_STATUS_LABELS) as (keyof typeof MILESTONE_STATUS_LABELS)[];

/* Names hold no digits and none is part of another, so a number in the text comes from a figure and a name is found only where it is meant. */
const AGENCIES = [
  { id: 'kent-police', name: 'Kent Police' },
  { id: 'medway-council', name: 'Medway Council' },
  { id: 'nhs-kent-medway', name: 'NHS Kent and Medway' },
  { id: 'kent-county-council', name: 'Kent County Council' },
] as const;
const WORKSTREAMS = [
  { id: 'early-help', name: 'Early Help' },
  { id: 'front-door', name: 'Front Door' },
  { id: 'family-help', name: 'Family Help Teams' },
] as const;
const GREEK = ['Alpha', 'Beta', 'Gamma', 'Delta', 'Epsilon', 'Zeta', 'Theta', 'Kappa', 'Lambda', 'Omicron', 'Sigma', 'Omega'] as const;
const OWNERS = ['Sam Okafor', 'Priya Shah', 'Jo Bell'] as const;

/* Words of the agencies' narratives: none of the ordinary ones is a feedback word; the feedback sentences each are. */
const ORDINARY = [
  'partners',
  'agreed',
  'the',
  'plan',
  'staff',
  'trained',
  'panel',
  'met',
  'work',
  'progress',
  'delayed',
  'recruitment',
  'budget',
  'audit',
  'schools',
  'data',
  'sharing',
  'improved',
  'slowly',
];
const FEEDBACK_SENTENCES = [
  'Families told us the new front door was easier to reach.',
  'Feedback from young people shaped the new leaflet.',
  'Children and young people said they felt heard at conferences.',
  'We ran a survey of kinship carers this quarter.',
  'Co-production with parents began in the autumn.',
];

const day = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/* Arbitraries ------------------------------------------------------------------------------------ */

const ordinarySentence = fc.array(fc.constantFrom(...ORDINARY), { minLength: 3, maxLength: 14 }).map((ws) => `${ws.join(' ').charAt(0).toUpperCase()}${ws.join(' ').slice(1)}.`);
const sentence = fc.oneof({ weight: 5, arbitrary: ordinarySentence }, { weight: 1, arbitrary: fc.constantFrom(...FEEDBACK_SENTENCES) });
/** A narrative: sentences with ordinary or odd spacing between them (0 sentences: no narrative). */
const narrative = fc.tuple(fc.array(sentence, { maxLength: 9 }), fc.constantFrom(' ', ' ', '  ', '\n', '\n\n')).map(([ss, sep]) => ss.join(sep));
const escalation = ordinarySentence;

const confidence = fc.constantFrom<Confidence>(...CONFIDENCE_LEVELS, 'amber-red', 'red', 'red');

type PointRaw =
  | { kind: 'value'; value: number }
  | { kind: 'none' }
  | { kind: 'below'; threshold: number | null }
  /** Provisional values are the only ones ending in .5, so any citing of one is visible. */
  | { kind: 'provisional'; value: number };
const pointRaw: fc.Arbitrary<PointRaw> = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 100 }).map((value) => ({ kind: 'value' as const, value })) },
  { weight: 1, arbitrary: fc.constant({ kind: 'none' as const }) },
  { weight: 2, arbitrary: fc.option(fc.integer({ min: 2, max: 20 }), { nil: null }).map((threshold) => ({ kind: 'below' as const, threshold })) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 99 }).map((n) => ({ kind: 'provisional' as const, value: n + 0.5 })) },
);
const indicatorRaw = fc.record({
  ws: fc.nat({ max: 2 }),
  unit: fc.constantFrom<Unit>(...UNITS),
  countsChildren: fc.boolean(),
  direction: fc.constantFrom<Direction>('higher', 'lower', 'range'),
  target: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
  span: fc.integer({ min: 0, max: 40 }),
  tolerance: fc.option(fc.integer({ min: 0, max: 10 }), { nil: null }),
  baseline: fc.option(fc.record({ value: fc.integer({ min: 0, max: 100 }), daysBefore: fc.integer({ min: 1, max: 700 }) }), { nil: null }),
  /** The four quarters before the window, then the window's four. */
  points: fc.array(fc.option(pointRaw, { nil: null }), { minLength: 8, maxLength: 8 }),
});
const scoreRaw = fc.record({
  applicable: fc.integer({ min: 0, max: 12 }),
  c: fc.double({ min: 0, max: 1, noNaN: true }),
  s: fc.double({ min: 0, max: 1, noNaN: true }),
  overdue: fc.integer({ min: 0, max: 3 }),
  highlighted: fc.boolean(),
});

const raw = fc.record({
  year: fc.integer({ min: 2023, max: 2030 }),
  quarter: fc.constantFrom<Quarter>(1, 2, 3, 4),
  agencyCount: fc.integer({ min: 1, max: 4 }),
  workstreamCount: fc.integer({ min: 1, max: 3 }),
  opened: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
  expected: fc.array(fc.boolean(), { minLength: 16, maxLength: 16 }),
  accepted: fc.array(fc.boolean(), { minLength: 16, maxLength: 16 }),
  ratings: fc.array(fc.option(fc.record({ confidence: fc.option(confidence, { nil: null }), provisional: fc.boolean() }), { nil: null }), { minLength: 12, maxLength: 12 }),
  sections: fc.array(fc.option(fc.record({ narrative, escalations: fc.array(escalation, { maxLength: 2 }), confidence: fc.option(confidence, { nil: null }) }), { nil: null }), {
    minLength: 48,
    maxLength: 48,
  }),
  indicators: fc.array(indicatorRaw, { maxLength: 4 }),
  milestones: fc.array(
    fc.record({
      offset: fc.integer({ min: -500, max: 900 }),
      status: fc.constantFrom(...MILESTONE_STATUSES),
      ws: fc.nat({ max: 2 }),
      owner: fc.constantFrom(...OWNERS),
      closed: fc.boolean(),
    }),
    {
      maxLength: 7,
    },
  ),
  readiness: fc.array(fc.option(scoreRaw, { nil: null }), { minLength: 3, maxLength: 3 }),
  threshold: fc.option(
    fc.record({ version: fc.integer({ min: 1, max: 9 }), signed: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }), signedOffDays: fc.nat({ max: 300 }) }),
    { nil: null },
  ),
  covered: fc.array(fc.boolean(), { minLength: CATEGORIES.length, maxLength: CATEGORIES.length }),
  lastPublishedDays: fc.option(fc.nat({ max: 300 }), { nil: null }),
  smallNumberThreshold: fc.integer({ min: 2, max: 20 }),
});
type Raw = typeof raw extends fc.Arbitrary<infer R> ? R : never;

function windowOf(year: number, quarter: Quarter) {
  const last = formatPeriodId({ year, quarter });
  const ids = [last];
  for (let i = 0; i < 7; i++) ids.unshift(previousPeriodId(ids[0]!));
  const windowIds = ids.slice(4);
  return { before: ids.slice(0, 4), windowIds, first: windowIds[0]!, last, start: periodBounds(windowIds[0]!).start, end: periodBounds(last).end };
}

function scoreOf(r: Raw['readiness'][number] & object) {
  const confirmed = Math.floor(r.c * r.applicable);
  const selfAssessed = Math.max(confirmed, Math.floor(r.s * r.applicable));
  const pct = (n: number) => (r.applicable === 0 ? 0 : Math.round((100 * n) / r.applicable));
  return { applicable: r.applicable, confirmed, selfAssessed, confirmedPercent: pct(confirmed), selfAssessedPercent: pct(selfAssessed), overdue: r.overdue };
}

function pointOf(p: PointRaw, periodId: string, ind: { countsChildren: boolean }, threshold: number): MeasurePoint {
  const base = { periodId, note: '', threshold: null, belowThreshold: false };
  switch (p.kind) {
    case 'none':
      return { ...base, value: null, state: 'accepted' };
    case 'provisional':
      return { ...base, value: p.value, state: 'provisional' };
    case 'below':
      return ind.countsChildren ? { ...base, value: null, belowThreshold: true, threshold: p.threshold, state: 'accepted' } : { ...base, value: 7, state: 'accepted' };
    default:
      // A count of 1 to N-1 children is never recorded as a number.
      return { ...base, value: ind.countsChildren && p.value > 0 && p.value < threshold ? threshold : p.value, state: 'accepted' };
  }
}

function build(r: Raw): ReportEvidence {
  const w = windowOf(r.year, r.quarter);
  const agencies = AGENCIES.slice(0, r.agencyCount);
  const workstreams = WORKSTREAMS.slice(0, r.workstreamCount);
  const periods = w.windowIds.flatMap((id, pi) => {
    if (!r.opened[pi]) return [];
    const expected = agencies.filter((_, ai) => r.expected[pi * 4 + ai]);
    return [{ id, pi, expectedAgencyIds: expected.map((a) => a.id), acceptedAgencyIds: expected.filter((_, ai) => r.accepted[pi * 4 + ai]).map((a) => a.id) }];
  });
  const ratings = workstreams.flatMap((ws, wi) =>
    periods.flatMap((p) => {
      const x = r.ratings[wi * 4 + p.pi];
      return x ? [{ workstreamId: ws.id, periodId: p.id, confidence: x.confidence, provisional: x.provisional }] : [];
    }),
  );
  const sections = periods.flatMap((p) =>
    p.acceptedAgencyIds.flatMap((agencyId) => {
      const ai = agencies.findIndex((a) => a.id === agencyId);
      return workstreams.flatMap((ws, wi) => {
        const x = r.sections[(p.pi * 4 + ai) * 3 + wi];
        return x ? [{ periodId: p.id, agencyId, workstreamId: ws.id, confidence: x.confidence, narrative: x.narrative, escalations: x.escalations }] : [];
      });
    }),
  );
  const indicators = r.indicators.map((x, i): IndicatorSeries => {
    const ws = workstreams[x.ws % workstreams.length]!;
    const countsChildren = x.unit === 'count' && x.countsChildren;
    const allIds = [...w.before, ...w.windowIds];
    const points = x.points.flatMap((p, k) => (p ? [pointOf(p, allIds[k]!, { countsChildren }, r.smallNumberThreshold)] : []));
    const baseline = x.baseline && {
      value: countsChildren && x.baseline.value > 0 && x.baseline.value < r.smallNumberThreshold ? 0 : x.baseline.value,
      date: day(w.start, -x.baseline.daysBefore),
    };
    return {
      id: `indicator-${i}`,
      workstreamId: ws.id,
      name: `Indicator ${GREEK[i]}`,
      definition: '',
      unit: x.unit,
      countsChildren,
      direction: x.direction,
      target: x.target,
      targetMax: x.direction === 'range' && x.target !== null ? x.target + x.span : null,
      tolerance: x.target === null ? null : x.tolerance,
      baseline,
      reportingAgencyId: agencies[0]!.id,
      reportingAgencyName: agencies[0]!.name,
      frequency: 'quarterly',
      source: '',
      publishedToExecutive: true,
      order: i,
      createdAt: '2020-01-01T00:00:00.000Z',
      version: 1,
      retired: false,
      points,
      latest: points.at(-1) ?? null,
      changeSinceLast: null,
      changeSinceBaseline: null,
      rag: null,
    };
  });
  const covered = CATEGORIES.filter((_, i) => r.covered[i]);
  const signed = r.threshold ? agencies.map((a, i) => ({ agencyName: a.name, signedOff: r.threshold!.signed[i]! })) : [];
  return {
    partnershipName: 'Kent and Medway',
    window: { firstPeriodId: w.first, lastPeriodId: w.last, start: w.start, end: w.end },
    today: day(w.end, 20),
    periods: periods.map(({ id, expectedAgencyIds, acceptedAgencyIds }) => ({ id, expectedAgencyIds, acceptedAgencyIds })),
    agencies: [...agencies],
    workstreams: [...workstreams],
    ratings,
    sections,
    measures: workstreams
      .map((ws) => ({ workstreamId: ws.id, workstreamName: ws.name, indicators: indicators.filter((i) => i.workstreamId === ws.id) }))
      .filter((m) => m.indicators.length > 0),
    smallNumberThreshold: r.smallNumberThreshold,
    milestones: r.milestones.map((m, i) => {
      const ws = workstreams[m.ws % workstreams.length]!;
      return {
        id: `m-${i}`,
        workstreamId: ws.id,
        workstreamName: ws.name,
        title: `Milestone ${GREEK[i]}`,
        ownerName: m.owner,
        dueDate: day(w.start, m.offset),
        status: m.status,
        closed: m.closed,
      };
    }),
    readiness: workstreams.flatMap((ws, wi) => {
      const x = r.readiness[wi];
      return x ? [{ workstreamId: ws.id, name: ws.name, highlighted: x.highlighted, criteriaCount: x.applicable, overall: scoreOf(x) }] : [];
    }),
    threshold: r.threshold && {
      versionLabel: `v${r.threshold.version}`,
      status: signed.every((s) => s.signedOff) ? 'signed-off' : 'awaiting-sign-off',
      signedOffAt: signed.every((s) => s.signedOff) ? `${day(w.start, r.threshold.signedOffDays)}T10:00:00.000Z` : null,
      required: signed,
    },
    kinship: {
      categories: CATEGORIES.map((c) => ({
        category: c,
        label: CATEGORY_LABELS[c],
        statutory: (STATUTORY_CATEGORIES as readonly string[]).includes(c),
        publishedCount: covered.includes(c) ? 2 : 0,
        covered: covered.includes(c),
      })),
      gaps: STATUTORY_CATEGORIES.filter((c) => !covered.includes(c)),
      complete: STATUTORY_CATEGORIES.every((c) => covered.includes(c)),
      overdueReviews: [],
      lastPublishedAt: r.lastPublishedDays === null ? null : `${day(w.start, r.lastPublishedDays)}T09:00:00.000Z`,
    },
  };
}

const evidence = raw.map(build);

/* Reading the draft ------------------------------------------------------------------------------ */

const sectionOf = (sections: readonly DraftSection[], key: ReportSectionKey) => sections.find((s) => s.key === key)!;
const wasCut = (s: DraftSection) => s.text.includes(CUT_NOTE);
const lines = (text: string) => text.split('\n');
const NUMBER = /\d+(?:,\d{3})*(?:\.\d+)?/g;
const numbersIn = (text: string) => [...text.matchAll(NUMBER)].map((m) => Number(m[0].replace(/,/g, '')));
const PERIOD_LABEL = /\b\d{4}-\d{2} Q[1-4]\b/g;
const LONG_DAY = /\b\d{1,2} (?:January|February|March|April|May|June|July|August|September|October|November|December) \d{4}\b/g;
const QUOTATION = /“[^”]*”/g;
/** The numbers a text states as figures: quotations, markers, quarters and days set aside. */
const statedFigures = (text: string) =>
  numbersIn(
    text
      .replace(QUOTATION, ' ')
      .replace(/\[\d+\]/g, ' ')
      .replace(PERIOD_LABEL, ' ')
      .replace(LONG_DAY, ' '),
  );
const whereOf = (e: ReportEvidence, x: ReportEvidence['sections'][number]) => `${e.agencies.find((a) => a.id === x.agencyId)!.name}, ${periodLabel(x.periodId)}`;
const finalLow = (e: ReportEvidence, workstreamId: string) =>
  e.ratings.filter((r) => r.workstreamId === workstreamId && !r.provisional && (r.confidence === 'amber-red' || r.confidence === 'red'));
const milestoneLine = (m: ReportEvidence['milestones'][number]) => `- ${m.title} (${m.workstreamName}; owner ${m.ownerName}; due ${formatDayLong(m.dueDate)})`;
const latestAccepted = (ind: IndicatorSeries, upTo: string, from = '') =>
  ind.points.filter((p) => p.state === 'accepted' && p.periodId <= upTo && p.periodId >= from).at(-1) ?? null;

/** Every number the evidence holds, as the draft would write it: counts, scores, and measure values, targets and baselines in their units. */
function evidenceNumbers(e: ReportEvidence): Set<number> {
  const said: string[] = [];
  for (const p of e.periods) said.push(`${p.expectedAgencyIds.length} ${p.acceptedAgencyIds.length}`);
  // The window's totals: quarters in the portal, returns due and accepted over them.
  said.push(`${e.periods.length} ${e.periods.reduce((n, p) => n + p.expectedAgencyIds.length, 0)} ${e.periods.reduce((n, p) => n + p.acceptedAgencyIds.length, 0)}`);
  for (const r of e.readiness) {
    const o = r.overall;
    // "N of M criteria not yet confirmed": the one figure the draft works out (applicable less confirmed).
    said.push(`${o.applicable} ${o.confirmed} ${o.selfAssessed} ${o.confirmedPercent} ${o.selfAssessedPercent} ${o.overdue} ${o.applicable - o.confirmed}`);
  }
  if (e.threshold) said.push(`${e.threshold.versionLabel} ${e.threshold.required.length} ${e.threshold.required.filter((x) => x.signedOff).length}`);
  said.push(`${e.kinship.categories.length} ${e.kinship.categories.filter((c) => c.covered).length}`);
  for (const ind of e.measures.flatMap((m) => m.indicators)) {
    for (const p of ind.points) if (p.state === 'accepted') said.push(formatPoint(ind.unit, p, e.smallNumberThreshold));
    if (ind.baseline) said.push(formatMeasure(ind.unit, ind.baseline.value));
    said.push(targetWords(ind) ?? '');
  }
  return new Set(numbersIn(said.join(' ')));
}

/** The numbers a sentence states as figures: its quotations, markers, quarters and days set aside (each of those checked against the evidence). */
function figuresIn(e: ReportEvidence, sentence: string): number[] {
  const labels = new Set([...e.periods.map((p) => p.id), ...e.measures.flatMap((m) => m.indicators.flatMap((i) => i.points.map((p) => p.periodId)))].map((id) => periodLabel(id)));
  const days = new Set(
    [
      e.window.start,
      e.window.end,
      ...e.milestones.map((m) => m.dueDate),
      ...e.measures.flatMap((m) => m.indicators.flatMap((i) => (i.baseline ? [i.baseline.date] : []))),
      e.threshold?.signedOffAt?.slice(0, 10) ?? e.window.start,
      e.kinship.lastPublishedAt?.slice(0, 10) ?? e.window.start,
    ].map(formatDayLong),
  );
  const rest = sentence.replace(QUOTATION, ' ');
  for (const m of rest.match(PERIOD_LABEL) ?? []) expect(labels, `quarter "${m}" in: ${sentence}`).toContain(m);
  for (const m of rest.match(LONG_DAY) ?? []) expect(days, `day "${m}" in: ${sentence}`).toContain(m);
  return statedFigures(rest);
}

/* A hand-built partnership year ------------------------------------------------------------------ */

const W = windowOf(2025, 4); // 2025-26: 1 April 2025 to 31 March 2026
const q = (i: number) => W.windowIds[i]!;
const series = (over: Partial<IndicatorSeries>): IndicatorSeries => ({
  id: 'indicator',
  workstreamId: 'early-help',
  name: 'Children seen within 10 days',
  definition: '',
  unit: 'percentage',
  countsChildren: false,
  direction: 'higher',
  target: 90,
  targetMax: null,
  tolerance: null,
  baseline: null,
  reportingAgencyId: 'medway-council',
  reportingAgencyName: 'Medway Council',
  frequency: 'quarterly',
  source: '',
  publishedToExecutive: true,
  order: 0,
  createdAt: '2024-01-01T00:00:00.000Z',
  version: 1,
  retired: false,
  points: [],
  latest: null,
  changeSinceLast: null,
  changeSinceBaseline: null,
  rag: null,
  ...over,
});
const pt = (periodId: string, value: number | null, over: Partial<MeasurePoint> = {}): MeasurePoint => ({
  periodId,
  value,
  belowThreshold: false,
  threshold: null,
  note: '',
  state: 'accepted',
  ...over,
});

function year(over: Partial<ReportEvidence> = {}): ReportEvidence {
  return {
    partnershipName: 'Kent and Medway',
    window: { firstPeriodId: W.first, lastPeriodId: W.last, start: W.start, end: W.end },
    today: '2026-04-20',
    periods: [
      { id: q(0), expectedAgencyIds: ['kent-police', 'medway-council', 'nhs-kent-medway'], acceptedAgencyIds: ['kent-police', 'medway-council'] },
      { id: q(1), expectedAgencyIds: ['kent-police', 'medway-council', 'nhs-kent-medway'], acceptedAgencyIds: ['kent-police', 'medway-council', 'nhs-kent-medway'] },
    ],
    agencies: AGENCIES.slice(0, 3).map((a) => ({ ...a })),
    workstreams: WORKSTREAMS.slice(0, 2).map((w) => ({ ...w })),
    ratings: [],
    sections: [],
    measures: [],
    smallNumberThreshold: 5,
    milestones: [],
    readiness: [],
    threshold: null,
    kinship: { categories: [], gaps: [], complete: false, overdueReviews: [], lastPublishedAt: null },
    ...over,
  };
}
const rating = (workstreamId: string, periodId: string, c: Confidence | null, provisional = false) => ({ workstreamId, periodId, confidence: c, provisional });
const section = (periodId: string, agencyId: string, workstreamId: string, narrativeText: string, escalations: string[] = []) => ({
  periodId,
  agencyId,
  workstreamId,
  confidence: 'red' as Confidence,
  narrative: narrativeText,
  escalations,
});
const textOf = (e: ReportEvidence, key: ReportSectionKey) => sectionOf(draftReport(e), key).text;

/* Tests ------------------------------------------------------------------------------------------- */

describe('draftReport: shape and sources', () => {
  it('when drafted, it writes the seven Working Together sections in order with their headings', () => {
    fc.assert(
      fc.property(evidence, (e) => {
        const sections = draftReport(e);
        expect(sections.map((s) => s.key)).toEqual([...REPORT_SECTION_KEYS]);
        for (const s of sections) expect(s.heading).toBe(REPORT_SECTION_HEADINGS[s.key]);
      }),
      { seed: 101, ...RUNS },
    );
  });

  it('when a section has sources, they are numbered 1 to k without gaps, each a distinct record with a path from "/", and the markers and sources match', () => {
    fc.assert(
      fc.property(evidence, (e) => {
        for (const s of draftReport(e)) {
          expect(s.sources.map((x) => x.n)).toEqual(s.sources.map((_, i) => i + 1));
          for (const x of s.sources) {
            expect(x.path.startsWith('/'), x.path).toBe(true);
            expect(x.text.trim()).not.toBe('');
          }
          expect(new Set(s.sources.map((x) => `${x.path} ${x.text}`)).size).toBe(s.sources.length);
          const named = markersIn(s.text);
          const ns = new Set(s.sources.map((x) => x.n));
          for (const n of named) expect(ns.has(n), `[${n}] in ${s.key} names no source`).toBe(true);
          if (!wasCut(s)) expect(new Set(named)).toEqual(ns);
          // Read as the pages read it, every marker is a link to its source.
          const inlines = readReportText(s.text, (n) => ns.has(n)).flatMap((b) => (b.kind === 'paragraph' ? [b.inlines] : b.items));
          for (const i of inlines.flat()) if (i.kind === 'text') expect(markersIn(i.text)).toEqual([]);
        }
      }),
      { seed: 102, ...RUNS },
    );
  });

  it('when a sentence cites a source, every figure in it and in its source is a number the evidence holds', () => {
    fc.assert(
      fc.property(evidence, (e) => {
        const allowed = evidenceNumbers(e);
        for (const s of draftReport(e)) {
          const cited = [...lines(s.text).filter((l) => /\[\d+\]/.test(l)), ...s.sources.map((x) => x.text)];
          for (const sentence of cited) for (const n of figuresIn(e, sentence)) expect(allowed.has(n), `${n} in ${s.key}: ${sentence}`).toBe(true);
        }
      }),
      { seed: 103, ...RUNS },
    );
  });

  it('when every quarter is opened, it says how many returns were accepted out of those due in each, citing the period', () => {
    const text = textOf(year(), 'what-we-did');
    expect(text).toContain(`- ${periodLabel(q(0))}: 2 of 3 returns accepted (not accepted: NHS Kent and Medway) [2]`);
    expect(text).toContain(`- ${periodLabel(q(1))}: 3 of 3 returns accepted [3]`);
    expect(text).toContain('5 of 6 returns due were accepted by the programme lead [1]:');
    expect(sectionOf(draftReport(year()), 'what-we-did').sources.slice(0, 3)).toEqual([
      { n: 1, text: 'Returns accepted in the window: 5 of 6 due', path: '/returns' },
      { n: 2, text: `${periodLabel(q(0))}: 2 of 3 returns accepted`, path: `/returns/${q(0)}` },
      { n: 3, text: `${periodLabel(q(1))}: 3 of 3 returns accepted`, path: `/returns/${q(1)}` },
    ]);
  });

  it("when an agency's own words contain something like [2], no quotation of them becomes a marker, and every marker names a source", () => {
    const e = year({
      ratings: [rating('early-help', q(0), 'red'), rating('early-help', q(1), 'red')],
      sections: [
        section(q(0), 'kent-police', 'early-help', 'Recruitment is behind plan, see the action log [1] and the risk register [7].', ['Funding gap, see [3]']),
        section(q(1), 'medway-council', 'early-help', 'Families told us [9] the forms were too long.'),
      ],
    });
    for (const s of draftReport(e)) {
      const ns = new Set(s.sources.map((x) => x.n));
      // Each marker in an agency's quoted words is read by the pages (readReportText) as a citation of the draft's own source n.
      for (const l of lines(s.text).filter((x) => x.includes('“'))) {
        const inQuote = [...l.matchAll(QUOTATION)].flatMap((m) => markersIn(m[0]));
        expect({ section: s.key, line: l, markersInsideQuotation: inQuote }).toEqual({ section: s.key, line: l, markersInsideQuotation: [] });
      }
      for (const n of markersIn(s.text)) expect(ns.has(n), `[${n}] in ${s.key} names no source`).toBe(true);
    }
  });
});

describe('draftReport: what the partners did and how effective it was', () => {
  it('when milestones fall due, complete ones in the window are under what-we-did, late ones and later at-risk ones under effectiveness, and the next 12 months under next-year; closed ones nowhere', () => {
    fc.assert(
      fc.property(evidence, (e) => {
        const sections = draftReport(e);
        const did = sectionOf(sections, 'what-we-did').text;
        const eff = sectionOf(sections, 'effectiveness').text;
        const next = sectionOf(sections, 'next-year').text;
        const yearOn = `${Number(e.window.end.slice(0, 4)) + 1}${e.window.end.slice(4)}`;
        for (const m of e.milestones) {
          const line = milestoneLine(m);
          if (m.closed) {
            for (const text of [did, eff, next]) expect(text.includes(line), `closed ${line}`).toBe(false);
            continue;
          }
          const complete = m.status === 'complete';
          const inWindow = m.dueDate >= e.window.start && m.dueDate <= e.window.end;
          expect(did.includes(line), `${line} in what-we-did`).toBe(complete && inWindow);
          const late = !complete && m.dueDate <= e.window.end;
          const laterAtRisk = (m.status === 'at-risk' || m.status === 'off-track') && m.dueDate > e.window.end;
          expect(eff.includes(`${line}: ${MILESTONE_STATUS_LABELS[m.status]} [`), `${line} in effectiveness`).toBe(late || laterAtRisk);
          expect(next.includes(`${line}: ${MILESTONE_STATUS_LABELS[m.status]} [`), `${line} in next-year`).toBe(!complete && m.dueDate > e.window.end && m.dueDate <= yearOn);
        }
        if (e.milestones.some((m) => !m.closed && m.status !== 'complete' && m.dueDate <= e.window.end)) expect(eff).toMatch(/due by .* (was|were) not complete/);
      }),
      { seed: 201, ...RUNS },
    );
  });

  it('when a milestone was complete, due in the window, it is listed with its workstream, owner and due date and cited to the tracker’s milestones, which the executive can open too', () => {
    const m = {
      id: 'm',
      workstreamId: 'early-help',
      workstreamName: 'Early Help',
      title: 'Front door live',
      ownerName: 'Jo Bell',
      dueDate: '2025-09-30',
      status: 'complete' as const,
      closed: false,
    };
    const s = sectionOf(draftReport(year({ milestones: [m, { ...m, id: 'n', title: 'Old work', dueDate: '2025-03-31' }] })), 'what-we-did');
    expect(s.text).toContain('The partners completed 1 milestone due in the window:');
    expect(s.text).toMatch(/- Front door live \(Early Help; owner Jo Bell; due 30 September 2025\) \[(\d+)\]/);
    expect(s.text).not.toContain('Old work');
    expect(s.sources).toContainEqual(expect.objectContaining({ text: 'Milestone "Front door live": complete', path: `/tracker?periodId=${q(3)}#milestones` }));
  });

  it('when a workstream is assessed for readiness, its confirmed and self-assessed percentages are given with its name', () => {
    fc.assert(
      fc.property(evidence, (e) => {
        const eff = sectionOf(draftReport(e), 'effectiveness').text;
        for (const r of e.readiness) {
          const line = lines(eff).find((l) => l.startsWith(`- ${r.name}${r.highlighted ? ' (MACPT readiness)' : ''}: `) && l.includes('self-assessed ready'));
          if (r.overall.applicable === 0) expect(line).toBeUndefined();
          else expect(line).toContain(`${r.overall.confirmedPercent}% confirmed by the lead against ${r.overall.selfAssessedPercent}% self-assessed ready`);
        }
      }),
      { seed: 202, ...RUNS },
    );
  });

  it('when a workstream is rated, every rating of the window is listed with its quarter, provisional ones marked', () => {
    const e = year({ ratings: [rating('early-help', q(0), 'amber'), rating('early-help', q(1), 'red', true), rating('front-door', q(0), null)] });
    const eff = textOf(e, 'effectiveness');
    expect(eff).toContain(`- Early Help: ${periodLabel(q(0))} Amber [1]; ${periodLabel(q(1))} Red (provisional: not every return accepted) [2]`);
    expect(eff).not.toContain('- Front Door:');
  });

  it('when the threshold document is partly signed off and the offer has gaps, it says how many signed and which categories are uncovered', () => {
    const e = year({
      threshold: {
        versionLabel: 'v3',
        status: 'awaiting',
        signedOffAt: null,
        required: [
          { agencyName: 'Kent Police', signedOff: true },
          { agencyName: 'Medway Council', signedOff: false },
        ],
      },
      kinship: {
        categories: [
          { category: 'financial-support', label: 'Financial support', statutory: true, publishedCount: 2, covered: true },
          { category: 'accommodation', label: 'Housing and accommodation', statutory: true, publishedCount: 0, covered: false },
        ],
        gaps: ['accommodation'],
        complete: false,
        overdueReviews: [],
        lastPublishedAt: null,
      },
    });
    const did = textOf(e, 'what-we-did');
    expect(did).toMatch(/1 of 2 statutory partners had signed off the threshold document \(v3\) \[\d+\]/);
    expect(did).toMatch(
      /covered 1 of its 2 categories when this draft was written, and it had not been published \[\d+\]\. Categories with nothing published: Housing and accommodation\./,
    );
  });
});

describe('draftReport: outcome indicators', () => {
  it('when an indicator has accepted values in the window, the latest is cited under impact, provisional values never, and "fewer than N" never as a number', () => {
    fc.assert(
      fc.property(evidence, (e) => {
        const sections = draftReport(e);
        const impact = sectionOf(sections, 'impact').text;
        const everything = sections.map((s) => `${s.text}\n${s.sources.map((x) => x.text).join('\n')}`).join('\n');
        const stated = new Set(statedFigures(everything));
        for (const ind of e.measures.flatMap((m) => m.indicators)) {
          const latest = latestAccepted(ind, e.window.lastPeriodId, e.window.firstPeriodId);
          if (latest) expect(impact).toContain(`- ${ind.name}: ${formatPoint(ind.unit, latest, e.smallNumberThreshold)} in ${periodLabel(latest.periodId)}`);
          else expect(impact).not.toContain(`- ${ind.name}:`);
          if (latest?.belowThreshold) expect(impact).toContain(`- ${ind.name}: Fewer than ${latest.threshold ?? e.smallNumberThreshold} in`);
          for (const p of ind.points) if (p.state === 'provisional' && p.value !== null) expect(stated.has(p.value), `provisional ${p.value} of ${ind.name} cited`).toBe(false);
        }
      }),
      { seed: 301, ...RUNS },
    );
  });

  it('when an indicator is off target on its latest accepted value in the window, it is listed under little-progress, and only then', () => {
    fc.assert(
      fc.property(evidence, (e) => {
        const little = textOf(e, 'little-progress');
        for (const ind of e.measures.flatMap((m) => m.indicators)) {
          const latest = latestAccepted(ind, e.window.lastPeriodId, e.window.firstPeriodId);
          const red = ragFor(ind, latest, e.smallNumberThreshold) === 'red';
          if (red && latest) expect(little).toContain(`- ${ind.name}: ${formatPoint(ind.unit, latest, e.smallNumberThreshold)} in ${periodLabel(latest.periodId)} against`);
          else expect(little).not.toContain(`- ${ind.name}:`);
        }
      }),
      { seed: 302, ...RUNS },
    );
  });

  it('when the latest value is provisional, the accepted one before it is cited, with its earlier value, baseline and target', () => {
    const ind = series({
      baseline: { value: 70, date: '2024-03-31' },
      tolerance: 5,
      points: [pt(W.before[3]!, 72), pt(q(0), 80), pt(q(1), 84), pt(q(2), 95.5, { state: 'provisional' })],
    });
    const sections = draftReport(year({ measures: [{ workstreamId: 'early-help', workstreamName: 'Early Help', indicators: [ind] }] }));
    const impact = sectionOf(sections, 'impact');
    expect(impact.text).toContain(
      `- Children seen within 10 days: 84% in ${periodLabel(q(1))}, from 72% in ${periodLabel(W.before[3]!)}, baseline 70% (31 March 2024); target 90% or more: Off target [1]`,
    );
    expect(impact.sources).toEqual([{ n: 1, text: `Children seen within 10 days (Medway Council): 84%, ${periodLabel(q(1))}, accepted`, path: '/measures/early-help' }]);
    expect(sections.some((s) => s.text.includes('95.5'))).toBe(false);
    expect(textOf(year({ measures: [{ workstreamId: 'early-help', workstreamName: 'Early Help', indicators: [ind] }] }), 'little-progress')).toContain(
      `- Children seen within 10 days: 84% in ${periodLabel(q(1))} against 90% or more [`,
    );
  });

  it('when a count of children is below the small-number threshold, it reads "Fewer than N" and the number is never written', () => {
    const ind = series({
      name: 'Children waiting',
      unit: 'count',
      countsChildren: true,
      direction: 'lower',
      target: 2,
      // A stored number alongside "fewer than" (older data): still never shown.
      points: [pt(q(2), 3, { belowThreshold: true, threshold: 6 })],
    });
    const sections = draftReport(year({ measures: [{ workstreamId: 'early-help', workstreamName: 'Early Help', indicators: [ind] }] }));
    const impact = sectionOf(sections, 'impact');
    expect(impact.text).toContain(`- Children waiting: Fewer than 6 in ${periodLabel(q(2))}; target 2 or fewer [1]`);
    for (const s of sections) {
      const about = [...lines(s.text), ...s.sources.map((x) => x.text)].filter((l) => l.includes('Children waiting'));
      for (const l of about) expect(statedFigures(l), l).not.toContain(3);
    }
  });

  it('when no indicator has an accepted value in the window, impact says the portal holds no evidence of impact yet', () => {
    const ind = series({ points: [pt(q(3), 50, { state: 'provisional' })] });
    const impact = sectionOf(draftReport(year({ measures: [{ workstreamId: 'early-help', workstreamName: 'Early Help', indicators: [ind] }] })), 'impact');
    expect(impact.text).toContain('No outcome indicator has a value in an accepted return in this window');
    expect(impact.sources).toEqual([]);
  });
});

describe('draftReport: priorities with little or no progress', () => {
  it('when a workstream is rated Amber/Red or Red on final ratings in two or more quarters, its narratives and escalations of those quarters are quoted and attributed; otherwise it is not listed', () => {
    fc.assert(
      fc.property(evidence, (e) => {
        const s = sectionOf(draftReport(e), 'little-progress');
        for (const w of e.workstreams) {
          const low = finalLow(e, w.id);
          const listed = s.text.includes(`${w.name} was rated `);
          if (low.length < 2) {
            expect(listed, `${w.name} listed with ${low.length} final low quarters`).toBe(false);
            continue;
          }
          if (wasCut(s)) continue;
          expect(listed).toBe(true);
          for (const r of low) expect(s.text).toMatch(new RegExp(`${r.confidence === 'red' ? 'Red' : 'Amber/Red'} in ${periodLabel(r.periodId)} \\[\\d+\\]`));
          for (const x of e.sections.filter((x) => x.workstreamId === w.id && low.some((r) => r.periodId === x.periodId))) {
            if (x.narrative.trim()) expect(s.text).toContain(`- ${whereOf(e, x)}: “${quote(x.narrative)}” [`);
            for (const esc of x.escalations) expect(s.text).toContain(`- ${whereOf(e, x)}, escalated: “${quote(esc)}” [`);
          }
        }
        if (e.workstreams.every((w) => finalLow(e, w.id).length < 2)) expect(s.text).toContain('No workstream was rated Amber/Red or Red in two or more quarters');
      }),
      { seed: 401, ...RUNS },
    );
  });

  const lowSections = [section(q(0), 'kent-police', 'early-help', 'Recruitment delayed.'), section(q(1), 'kent-police', 'early-help', 'Still delayed.')];
  it.each([
    ['one quarter is rated Red and the other Amber', [rating('early-help', q(0), 'red'), rating('early-help', q(1), 'amber')]],
    ['both low ratings are provisional', [rating('early-help', q(0), 'red', true), rating('early-help', q(1), 'amber-red', true)]],
    ['only one of the two low ratings is final', [rating('early-help', q(0), 'red'), rating('early-help', q(1), 'red', true)]],
  ] as const)('when %s, the workstream is not listed under little-progress', (_what, ratings) => {
    const text = textOf(year({ ratings: [...ratings], sections: lowSections }), 'little-progress');
    expect(text).not.toContain('Early Help was rated');
    expect(text).not.toContain('Recruitment delayed');
    expect(text).toContain('No workstream was rated Amber/Red or Red in two or more quarters');
  });

  it('when an agency carried its words forward from one low quarter to the next, they are quoted once, where first said', () => {
    const e = year({
      ratings: [rating('early-help', q(0), 'red'), rating('early-help', q(1), 'red')],
      sections: [
        section(q(0), 'kent-police', 'early-help', 'Two posts are vacant.', ['Need funding.']),
        section(q(1), 'kent-police', 'early-help', 'Two posts are vacant.', ['Need funding.']),
      ],
    });
    const text = textOf(e, 'little-progress');
    expect(text.match(/Two posts are vacant/g)).toHaveLength(1);
    expect(text.match(/Need funding/g)).toHaveLength(1);
    expect(text).toContain(`- Kent Police, ${periodLabel(q(0))}: “Two posts are vacant.” [`);
  });

  it('when a workstream is rated Red then Amber/Red, each narrative and escalation is quoted with the agency and quarter and cited to the return', () => {
    const long = `${'Recruitment to the front door team has taken longer than planned. '.repeat(8)}The end.`;
    const e = year({
      ratings: [rating('early-help', q(0), 'red'), rating('early-help', q(1), 'amber-red'), rating('front-door', q(0), 'red')],
      sections: [
        section(q(0), 'kent-police', 'early-help', 'Two posts are vacant.', ['Need funding for the   data post.']),
        section(q(1), 'medway-council', 'early-help', long),
        section(q(0), 'kent-police', 'front-door', 'Not about this workstream.'),
      ],
    });
    const s = sectionOf(draftReport(e), 'little-progress');
    expect(s.text).toContain(`Early Help was rated Red in ${periodLabel(q(0))} [1], Amber/Red in ${periodLabel(q(1))} [2].`);
    expect(s.text).toContain(`- Kent Police, ${periodLabel(q(0))}: “Two posts are vacant.” [3]`);
    expect(s.text).toContain(`- Kent Police, ${periodLabel(q(0))}, escalated: “Need funding for the data post.” [4]`);
    expect(s.text).toContain(`- Medway Council, ${periodLabel(q(1))}: “${quote(long)}” [5]`);
    expect(quote(long).length).toBeLessThan(long.length);
    expect(s.text).not.toContain('Not about this workstream');
    expect(s.sources[2]).toEqual({ n: 3, text: `Kent Police, ${periodLabel(q(0))}: progress narrative, accepted return`, path: `/returns/${q(0)}/kent-police` });
    expect(s.sources[4]!.path).toBe(`/returns/${q(1)}/medway-council`);
  });
});

describe('draftReport: reviews, feedback and the year ahead', () => {
  it('when drafted from any records, reviews says plainly it is to be written by the partnership and cites nothing', () => {
    fc.assert(
      fc.property(evidence, (e) => {
        const s = sectionOf(draftReport(e), 'reviews');
        expect(s.text.startsWith('To be written by the partnership')).toBe(true);
        expect(s.text).toContain('the portal holds no records of child safeguarding practice reviews');
        expect(s.sources).toEqual([]);
      }),
      { seed: 501, ...RUNS },
    );
  });

  it('when accepted narratives mention feedback from children or families, those sentences are quoted and attributed, and no other', () => {
    fc.assert(
      fc.property(evidence, (e) => {
        const s = sectionOf(draftReport(e), 'feedback');
        const mentions = e.sections.flatMap((x) => FEEDBACK_SENTENCES.filter((f) => x.narrative.includes(f)).map((f) => `- ${whereOf(e, x)}: “${quote(f)}” [`));
        // A sentence carried forward is quoted once, where it was first said.
        const first = new Map<string, string>();
        for (const x of e.sections)
          for (const f of FEEDBACK_SENTENCES.filter((f) => x.narrative.includes(f))) if (!first.has(quote(f))) first.set(quote(f), `- ${whereOf(e, x)}: “${quote(f)}” [`);
        const quoted = lines(s.text).filter((l) => l.includes('“'));
        const words = quoted.map((l) => /“([^”]*)”/.exec(l)?.[1]);
        expect(new Set(words).size, 'a sentence quoted twice').toBe(words.length);
        for (const l of quoted)
          expect(
            mentions.some((m) => l.startsWith(m)),
            l,
          ).toBe(true);
        if (mentions.length === 0) expect(s.text).toContain('No accepted return in the window mentions feedback from children or families.');
        else if (first.size <= 10) for (const m of first.values()) expect(s.text).toContain(m);
        expect(s.text).toContain('To be written by the partnership');
      }),
      { seed: 502, ...RUNS },
    );
  });

  it('when a narrative mentions what families told the agency, that sentence alone is quoted under feedback', () => {
    const e = year({ sections: [section(q(1), 'medway-council', 'early-help', 'Staff were trained. Families told us the forms were too long! Budget agreed.')] });
    const s = sectionOf(draftReport(e), 'feedback');
    expect(s.text).toContain(`- Medway Council, ${periodLabel(q(1))}: “Families told us the forms were too long!” [1]`);
    expect(s.text).not.toContain('Staff were trained');
    expect(s.sources).toEqual([{ n: 1, text: `Medway Council, ${periodLabel(q(1))}: progress narrative, accepted return`, path: `/returns/${q(1)}/medway-council` }]);
  });

  it('when readiness is not all confirmed, next-year lists what is left, and always leaves the priorities to the partnership', () => {
    const e = year({
      readiness: [
        {
          workstreamId: 'early-help',
          name: 'Early Help',
          highlighted: true,
          criteriaCount: 10,
          overall: { applicable: 10, confirmed: 4, selfAssessed: 7, confirmedPercent: 40, selfAssessedPercent: 70, overdue: 2 },
        },
      ],
    });
    const next = textOf(e, 'next-year');
    expect(next).toMatch(/- Early Help: 6 of 10 criteria not yet confirmed \[\d+\]/);
    expect(next).toContain('To be written by the partnership: the priorities for the year ahead');
    expect(textOf(e, 'effectiveness')).toMatch(/- Early Help \(MACPT readiness\): 40% confirmed by the lead against 70% self-assessed ready; 2 assessments overdue \[\d+\]/);
  });
});

describe('draftReport: section limit', () => {
  const longWords = (n: number, seed: string) => Array.from({ length: n }, (_, i) => `${seed}${GREEK[i % GREEK.length]!.toLowerCase()}`).join(' ');

  it('when there are very many long narratives, escalations and milestones, no section exceeds the limit and every marker left names a source', () => {
    const agencies = Array.from({ length: 12 }, (_, i) => ({ id: `agency-${i}`, name: `Agency ${GREEK[i]}` }));
    const e = year({
      periods: W.windowIds.map((id) => ({ id, expectedAgencyIds: agencies.map((a) => a.id), acceptedAgencyIds: agencies.map((a) => a.id) })),
      agencies,
      workstreams: WORKSTREAMS.map((w) => ({ ...w })),
      ratings: WORKSTREAMS.flatMap((w) => W.windowIds.map((id) => rating(w.id, id, 'red'))),
      sections: WORKSTREAMS.flatMap((w) =>
        W.windowIds.flatMap((id) =>
          agencies.map((a) =>
            section(
              id,
              a.id,
              w.id,
              `${longWords(600, 'families told us ')}. Feedback was clear.`,
              Array.from({ length: 10 }, () => longWords(150, 'escalated ')),
            ),
          ),
        ),
      ),
      milestones: Array.from({ length: 400 }, (_, i) => ({
        id: `m-${i}`,
        workstreamId: 'early-help',
        workstreamName: 'Early Help',
        title: `${'Deliver the plan '.repeat(11)}${i}`,
        ownerName: 'Jo Bell',
        dueDate: day(W.start, i % 700),
        status: MILESTONE_STATUSES[i % MILESTONE_STATUSES.length]!,
        closed: false,
      })),
    });
    const sections = draftReport(e);
    for (const s of sections) {
      expect(s.text.length, s.key).toBeLessThanOrEqual(REPORT_SECTION_MAX);
      const ns = new Set(s.sources.map((x) => x.n));
      for (const n of markersIn(s.text)) expect(ns.has(n), `[${n}] in ${s.key}`).toBe(true);
    }
    expect(wasCut(sectionOf(sections, 'little-progress'))).toBe(true);
    expect(wasCut(sectionOf(sections, 'what-we-did'))).toBe(true);
    // Cut at a line end: the last line before the note is a whole line of the draft.
    const little = sectionOf(sections, 'little-progress').text;
    const beforeNote = little.slice(0, little.indexOf(`\n\n- ${CUT_NOTE}`));
    expect(beforeNote.endsWith('”') || /\[\d+\]$/.test(beforeNote) || beforeNote.endsWith(':')).toBe(true);
  });

  it('when narratives of any length and number are drafted, every section stays within the limit', () => {
    const many = fc.record({
      agencies: fc.integer({ min: 1, max: 12 }),
      words: fc.integer({ min: 1, max: 900 }),
      escalations: fc.integer({ min: 0, max: 10 }),
    });
    fc.assert(
      fc.property(many, ({ agencies: count, words, escalations }) => {
        const agencies = Array.from({ length: count }, (_, i) => ({ id: `agency-${i}`, name: `Agency ${GREEK[i]}` }));
        const e = year({
          agencies,
          periods: W.windowIds.map((id) => ({ id, expectedAgencyIds: agencies.map((a) => a.id), acceptedAgencyIds: agencies.map((a) => a.id) })),
          ratings: W.windowIds.map((id) => rating('early-help', id, 'amber-red')),
          sections: W.windowIds.flatMap((id) =>
            agencies.map((a) =>
              section(
                id,
                a.id,
                'early-help',
                longWords(words, 'word'),
                Array.from({ length: escalations }, () => longWords(words, 'esc')),
              ),
            ),
          ),
        });
        for (const s of draftReport(e)) {
          expect(s.text.length).toBeLessThanOrEqual(REPORT_SECTION_MAX);
          const ns = new Set(s.sources.map((x) => x.n));
          for (const n of markersIn(s.text)) expect(ns.has(n)).toBe(true);
        }
      }),
      { seed: 601, numRuns: 15 },
    );
  });
});

describe('quote', () => {
  const wordArb = fc.stringMatching(/^[A-Za-z,;'’-]{1,10}$/);
  const text = fc
    .array(fc.tuple(wordArb, fc.constantFrom(' ', ' ', '  ', '\n', '\t', '. ', '.\n\n', ' \n ')), { maxLength: 80 })
    .map((parts) => parts.map(([w, s]) => `${w}${s}`).join(''));
  const flatOf = (t: string) => t.replace(/\s+/g, ' ').trim();

  it('when text is quoted, the quotation is never longer than max + 2', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 10, max: 400 }), (t, max) => {
        expect(quote(t, max).length).toBeLessThanOrEqual(max + 2);
      }),
      { seed: 701, ...RUNS },
    );
  });

  it('when text fits within max, it comes back unchanged but for collapsed whitespace', () => {
    fc.assert(
      fc.property(text, (t) => {
        const f = flatOf(t);
        expect(quote(t, f.length)).toBe(f);
        expect(quote(t, f.length + 5)).toBe(f);
      }),
      { seed: 702, ...RUNS },
    );
  });

  it('when text is longer than max, it is cut at a word end and marked with an ellipsis, never mid-word', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 10, max: 400 }), (t, max) => {
        const f = flatOf(t);
        fc.pre(f.length > max);
        const out = quote(t, max);
        expect(out.endsWith(' …')).toBe(true);
        const kept = out.slice(0, -2);
        expect(kept.length).toBeGreaterThan(0);
        expect(f.startsWith(kept)).toBe(true);
        expect(f[kept.length]).toBe(' ');
      }),
      { seed: 703, ...RUNS },
    );
  });

  it('when a sentence ends in the second half of the limit, the quotation ends at that sentence', () => {
    const t = 'The panel met every month without fail. The partners agreed the new plan after some discussion about funding';
    expect(quote(t, 60)).toBe('The panel met every month without fail. …');
    // A sentence end in the first half is too early: cut at the last word end instead.
    expect(quote('We met. The partners agreed the new plan after some discussion about funding', 42)).toBe('We met. The partners agreed the new plan …');
    expect(quote('Short.', 400)).toBe('Short.');
    expect(quote('  Line one\n\n   line two  ')).toBe('Line one line two');
  });
});
