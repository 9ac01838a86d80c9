import type { Period } from './period.js';

/*
 * Which reporting period a page shows when the address names none: the one open now, else the
 * newest open one, else the newest of all. Lists come newest first, as the API answers them.
 */

type PeriodLike = Pick<Period, 'id' | 'status' | 'start'>;

/** The period named by `id`, or else the newest open one (or the newest of all). */
export function periodChoice<P extends Pick<Period, 'id' | 'status'>>(periods: readonly P[], id: string | undefined): P | undefined {
  if (id) return periods.find((p) => p.id === id);
  return periods.find((p) => p.status === 'open') ?? periods[0];
}

/** The open period that has started by `today` (YYYY-MM-DD), or else any open one: what an agency reports on now. */
export function currentOpenPeriod<P extends PeriodLike>(periods: readonly P[], today: string): P | undefined {
  return periods.find((p) => p.status === 'open' && p.start <= today) ?? periods.find((p) => p.status === 'open');
}
