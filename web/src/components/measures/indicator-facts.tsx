import { formatMeasure, targetWords } from '../../../../shared/measures/rules.js';
import { DIRECTION_LABELS, FREQUENCY_LABELS, UNIT_LABELS } from '../../../../shared/measures/schema.js';
import type { IndicatorSeries } from '../../api/measures.js';
import { formatDay } from '../format.js';
import { retiredWords } from '../managed-list.js';
import { FactRow, SummaryList, SummaryRow } from '../summary-list.js';

/** What the lead set for an indicator: its definition, unit, target, baseline and who reports it how often. */
export function IndicatorFacts(props: { ind: IndicatorSeries; threshold: number }) {
  const ind = () => props.ind;
  const tolerance = () => {
    const t = ind().tolerance;
    return t === null
      ? 'None: any value that misses the target is off target'
      : `${formatMeasure(ind().unit, t)}: a value that misses the target by no more than this is near target`;
  };
  return (
    <SummaryList testId={`facts-${ind().id}`}>
      <FactRow key="Definition" when={ind().definition}>
        {ind().definition}
      </FactRow>
      <SummaryRow key="Unit">{UNIT_LABELS[ind().unit]}</SummaryRow>
      <SummaryRow key="Which is better">{DIRECTION_LABELS[ind().direction]}</SummaryRow>
      <SummaryRow key={ind().direction === 'range' ? 'Target range' : 'Target'}>{targetWords(ind()) ?? 'No target set'}</SummaryRow>
      <FactRow key="Tolerance" when={ind().target !== null}>
        {tolerance()}
      </FactRow>
      <SummaryRow key="Baseline">{ind().baseline ? `${formatMeasure(ind().unit, ind().baseline!.value)} on ${formatDay(ind().baseline!.date)}` : 'No baseline set'}</SummaryRow>
      <SummaryRow key="Source">{ind().source || 'Not given'}</SummaryRow>
      <SummaryRow key="Reported by">{ind().reportingAgencyName}</SummaryRow>
      <SummaryRow key="How often">{FREQUENCY_LABELS[ind().frequency]}</SummaryRow>
      <SummaryRow key="Count of children">{ind().countsChildren ? `Yes: counts of 1 to ${props.threshold - 1} are recorded as "fewer than ${props.threshold}"` : 'No'}</SummaryRow>
      <SummaryRow key="Shown to the partnership executive">{ind().publishedToExecutive ? 'Yes' : 'No: only the partnership’s staff see it'}</SummaryRow>
      <FactRow key="Retired" when={ind().retired}>
        {retiredWords(ind())}
      </FactRow>
    </SummaryList>
  );
}
