import type { Indicator } from '../../shared/measures/schema.js';
import type { MeasureRepository } from '../repositories/measure-repository.js';
import type { PartnershipData, PartnershipRepository } from '../repositories/partnership-repository.js';

/** What a page needs besides its own records: the partnership's set-up and its outcome indicators. */
export interface Configuration {
  data: PartnershipData;
  indicators: Indicator[];
}

/**
 * The partnership's configuration as last read, kept with the count of changes it was read at.
 * Every change to the configuration (agencies, workstreams, milestones, periods, ratings,
 * indicators, settings) raises that count in its own transaction (db/transact.ts), so while the
 * count a request reads is the one kept, the configuration kept is current: a read that takes the
 * count with its own records (one BatchGetItem) needs no Query of the configuration. A different
 * count reads it again, strongly consistent, after the count was read, so what is kept is never
 * older than its count. Each process (each Lambda instance) keeps its own; one read at a time
 * fills it, shared by the requests that wait for it. What is kept is frozen: a caller that tried
 * to change it would throw rather than change it for everyone.
 */
export class ConfigurationCache {
  private held: { epoch: number; value: Promise<Configuration> } | null = null;

  constructor(
    private readonly partnership: PartnershipRepository,
    private readonly measures: MeasureRepository,
  ) {}

  /** The configuration at count `epoch`, read after the count was. */
  at(epoch: number): Promise<Configuration> {
    if (this.held?.epoch === epoch) return this.held.value;
    const value = Promise.all([this.partnership.getPartnershipData(true), this.measures.listIndicators(true)]).then(([data, indicators]) => deepFreeze({ data, indicators }));
    const held = { epoch, value };
    this.held = held;
    // A failed read is not kept: the next request reads again.
    value.catch(() => {
      if (this.held === held) this.held = null;
    });
    return value;
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
