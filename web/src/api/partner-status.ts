import { currentOpenPeriod } from '../../../shared/periods/choice.js';
import { ukToday } from '../../../shared/periods/period.js';
import type { Me } from './endpoints.js';
import { usePeriods, useReturnRows } from './returns.js';
import { useThresholdVersions } from './threshold.js';

/** What a partner's agency has to do now: its return for the open period and threshold decisions (periods and versions from the cache). */
export function usePartnerStatus(me: Pick<Me, 'agencyId'>) {
  const [periods] = usePeriods();
  const [versions] = useThresholdVersions();
  const period = () => currentOpenPeriod(periods() ?? [], ukToday());
  const [rows] = useReturnRows(() => period()?.id);
  const current = () => versions()?.find((v) => v.status !== 'superseded');
  return {
    /** The period, the agency's return and the threshold version are all in (or failed). */
    loading: () => periods.pending || versions.pending || (period() !== undefined && rows.pending),
    period,
    row: () => rows()?.find((r) => r.agencyId === me.agencyId),
    threshold: current,
    decided: () => current()?.decisions.some((d) => d.agencyId === me.agencyId) ?? false,
    mustSign: () => Boolean(current() && me.agencyId && current()!.requiredAgencyIds.includes(me.agencyId)),
  };
}

export type PartnerStatus = ReturnType<typeof usePartnerStatus>;
