import { dueIndicators, formatPoint } from '../../../../shared/measures/rules.js';
import { DEFAULT_SMALL_NUMBER_THRESHOLD } from '../../../../shared/measures/schema.js';
import { useMeasures } from '../../api/measures.js';
import type { DueIndicator } from '../../../../shared/returns/rules.js';
import type { ReturnView } from '../../api/returns.js';

/*
 * A section's outcome indicator values as its answers are read (check your answers, the lead's
 * review, a return that cannot change): each indicator due from the agency that period, then any
 * other it reported, with its value as people read it ("548", "92%", "Fewer than 5", "Not
 * available") and its note.
 */

/** A section as the API answers it; `indicatorsDue` is absent from an answer cached before the API said it. */
type Section = ReturnView['sections'][number] & { indicatorsDue?: readonly DueIndicator[] | undefined };

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
 * every section on the page); until they arrive, an answer is named as the section's `indicatorsDue`
 * names it, else by its indicator's id.
 */
export function useIndicatorAnswers(section: () => Section, of: () => Pick<ReturnView, 'periodId' | 'agencyId'> | undefined) {
  const [measures] = useMeasures(() => ({}));
  return (): IndicatorAnswer[] => {
    const m = measures();
    const s = section();
    const series = m?.workstreams.find((w) => w.id === s.workstreamId)?.indicators ?? [];
    const threshold = m?.settings.smallNumberThreshold ?? DEFAULT_SMALL_NUMBER_THRESHOLD;
    const ret = of();
    // The server says which are due; an answer cached before it did is worked out from the measures.
    const due = s.indicatorsDue ?? (ret ? dueIndicators(series, s.workstreamId, ret.agencyId, ret.periodId) : []);
    const ids = [...new Set([...due.map((i) => i.id), ...s.indicators.map((v) => v.indicatorId)])];
    return ids.map((id) => {
      const ind = series.find((i) => i.id === id);
      const v = s.indicators.find((x) => x.indicatorId === id);
      return {
        id,
        name: ind?.name ?? due.find((i) => i.id === id)?.name ?? id,
        value: v ? formatPoint(ind?.unit ?? 'count', v, threshold) : 'Not given yet',
        note: v?.note ?? '',
        confirmed: v?.confirmed ?? false,
      };
    });
  };
}
