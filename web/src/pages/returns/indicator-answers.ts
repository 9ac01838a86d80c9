import { dueIndicators, formatPoint } from '../../../../shared/measures/rules.js';
import { DEFAULT_SMALL_NUMBER_THRESHOLD } from '../../../../shared/measures/schema.js';
import { useMeasures } from '../../api/measures.js';
import type { ReturnView } from '../../api/returns.js';

/*
 * A section's outcome indicator values as its answers are read (check your answers, the lead's
 * review, a return that cannot change): each indicator due from the agency that period, then any
 * other it reported, with its value as people read it ("548", "92%", "Fewer than 5", "Not
 * available") and its note.
 */

type Section = ReturnView['sections'][number];

export interface IndicatorAnswer {
  id: string;
  name: string;
  value: string;
  note: string;
  /** The agency confirmed a value the portal queried. */
  confirmed: boolean;
}

/**
 * The answers of a section's indicators; `of` names the return (its period and agency) so the
 * indicators still to be given show too. Names and units come with the measures (one request for
 * every section on the page); until they arrive, an answer is named by its indicator's id.
 */
export function useIndicatorAnswers(section: () => Section, of: () => Pick<ReturnView, 'periodId' | 'agencyId'> | undefined) {
  const [measures] = useMeasures(() => ({}));
  return (): IndicatorAnswer[] => {
    const m = measures();
    const s = section();
    const series = m?.workstreams.find((w) => w.id === s.workstreamId)?.indicators ?? [];
    const threshold = m?.settings.smallNumberThreshold ?? DEFAULT_SMALL_NUMBER_THRESHOLD;
    const ret = of();
    const due = ret ? dueIndicators(series, s.workstreamId, ret.agencyId, ret.periodId).map((i) => i.id) : [];
    const ids = [...new Set([...due, ...s.indicators.map((v) => v.indicatorId)])];
    return ids.map((id) => {
      const ind = series.find((i) => i.id === id);
      const v = s.indicators.find((x) => x.indicatorId === id);
      return {
        id,
        name: ind?.name ?? id,
        value: v ? formatPoint(ind?.unit ?? 'count', v, threshold) : 'Not given yet',
        note: v?.note ?? '',
        confirmed: v?.confirmed ?? false,
      };
    });
  };
}
