import { existsSync, readFileSync } from 'node:fs';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { dueIndicators, indicatorErrors, valueError } from '../../shared/measures/rules.js';
import { DEFAULT_SMALL_NUMBER_THRESHOLD, Indicator, IndicatorValueInput } from '../../shared/measures/schema.js';
import type { ValueGroup } from '../../shared/measures/series.js';
import { PeriodId } from '../../shared/periods/period.js';
import type { Workstream } from '../../shared/partnership/schema.js';
import { MeasureRepository } from '../repositories/measure-repository.js';

const SeedIndicators = z
  .object({
    $comment: z.string().optional(),
    indicators: z.array(Indicator.extend({ figures: z.string().min(1, 'Say which figures come from the reports and which are illustrative') })),
    /** Figures from before the portal: loaded as accepted values of periods the portal never opened. */
    history: z.array(z.object({ periodId: PeriodId, workstreamId: z.string(), agencyId: z.string(), values: z.array(IndicatorValueInput) }).strict()),
  })
  .strict();

/** A section's values as the seed's returns hold them, with the status of their return. */
export interface SeededValues {
  periodId: string;
  agencyId: string;
  workstreamId: string;
  status: string;
  values: z.infer<typeof IndicatorValueInput>[];
}

/**
 * Items for the outcome measures of the demo (`indicators.json`): the indicators, the figures
 * from before the portal, and the values of the seeded returns (`fromReturns`), mirrored as the
 * returns service mirrors them. Every value is checked against its indicator's rules (the unit and
 * the small-number threshold), so the demo never holds a value the portal would refuse.
 */
export function measureSeedItems(
  doc: DynamoDBDocumentClient,
  table: string,
  pid: string,
  dataDir: URL,
  workstreams: readonly Pick<Workstream, 'id' | 'contributingAgencyIds'>[],
  fromReturns: readonly SeededValues[],
): Record<string, unknown>[] {
  const url = new URL('indicators.json', dataDir);
  if (!existsSync(url)) {
    if (fromReturns.length) throw new Error('The seed returns hold indicator values but there is no indicators.json');
    return [];
  }
  const seed = SeedIndicators.parse(JSON.parse(readFileSync(url, 'utf8')));
  const indicators = seed.indicators.map(({ figures: _f, ...i }) => i);
  for (const ind of indicators) {
    const ws = workstreams.find((w) => w.id === ind.workstreamId);
    if (!ws) throw new Error(`Seed indicator ${ind.id} names unknown workstream ${ind.workstreamId}`);
    const errors = indicatorErrors(ind, ws.contributingAgencyIds);
    if (errors.length) throw new Error(`Seed indicator ${ind.id}: ${errors.map((e) => `${e.path} ${e.message}`).join('; ')}`);
  }
  const groups: ValueGroup[] = [
    ...seed.history.map((h) => ({ ...h, status: 'accepted', history: true })),
    ...fromReturns.map((r) => ({ workstreamId: r.workstreamId, periodId: r.periodId, agencyId: r.agencyId, status: r.status, values: r.values })),
  ];
  for (const g of groups) {
    const due = g.history
      ? indicators.filter((i) => i.workstreamId === g.workstreamId && i.reportingAgencyId === g.agencyId)
      : dueIndicators(indicators, g.workstreamId, g.agencyId, g.periodId);
    for (const v of g.values) {
      const ind = due.find((i) => i.id === v.indicatorId);
      const problem = ind ? valueError(ind, v, DEFAULT_SMALL_NUMBER_THRESHOLD) : `is not reported by ${g.agencyId} in ${g.workstreamId}`;
      if (problem) throw new Error(`Seed value of ${v.indicatorId} for ${g.periodId}: ${problem}`);
    }
  }
  const repo = new MeasureRepository(doc, table, pid);
  return [...indicators.map((i) => repo.indicatorItem(i)), ...groups.map((g) => repo.valuesItem(g))];
}
