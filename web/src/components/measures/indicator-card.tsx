import { Show, type JSX } from 'solid-js';
import type { IndicatorSeries } from '../../api/measures.js';
import { MeasureTrend } from '../charts/measure-trend.js';
import { MeasureTrendLegend } from '../charts/measure-trend-legend.js';
import { AgainstTarget, ChangeSince, LatestValue, MeasureRagTag } from '../measure-figures.js';
import { SummaryCard } from '../summary-card.js';
import { SummaryList, SummaryRow } from '../summary-list.js';
import { RetiredTag } from '../tag.js';
import { IndicatorFacts } from './indicator-facts.js';
import { IndicatorValues } from './indicator-values.js';
import './indicator-card.css';

/** The card's id, which the contents list links to. */
export const cardId = (ind: Pick<IndicatorSeries, 'id'>) => `indicator-${ind.id}`;

/**
 * One indicator: its headline figures, its trend as a chart and a table of the same numbers, what
 * the lead set for it, and what the lead can do with it (`actions`).
 */
export function IndicatorCard(props: { ind: IndicatorSeries; threshold: number; actions?: JSX.Element }) {
  const ind = () => props.ind;
  const points = () => ind().points;
  const when = () => (ind().frequency === 'annually' ? 'once a year, in its fourth-quarter return' : 'in its return every quarter');
  return (
    <SummaryCard
      id={cardId(ind())}
      title={ind().name}
      focusable
      status={
        <span class="app-measure-card__status">
          <MeasureRagTag rag={ind().rag} target={ind().target} latest={ind().latest} />
          <RetiredTag when={ind().retired} />
        </span>
      }
    >
      <SummaryList testId={`figures-${ind().id}`}>
        <SummaryRow key="Latest value">
          <LatestValue ind={ind()} threshold={props.threshold} />
        </SummaryRow>
        <SummaryRow key="Change since last quarter">
          <ChangeSince ind={ind()} since="last" />
        </SummaryRow>
        <SummaryRow key="Change since baseline">
          <ChangeSince ind={ind()} since="baseline" />
        </SummaryRow>
        <SummaryRow key="Against target">
          <AgainstTarget ind={ind()} />
        </SummaryRow>
      </SummaryList>

      <h3 class="govuk-heading-s app-measure-card__heading">Trend</h3>
      <Show
        when={points().length > 0}
        fallback={
          <p class="govuk-body">
            No values have been reported yet. {ind().reportingAgencyName} reports it {when()}.
          </p>
        }
      >
        <MeasureTrend
          id={`trend-${ind().id}`}
          title={`${ind().name}: values by quarter`}
          unit={ind().unit}
          threshold={props.threshold}
          points={points()}
          direction={ind().direction}
          target={ind().target}
          targetMax={ind().targetMax}
        />
        <MeasureTrendLegend
          provisional={points().some((p) => p.state === 'provisional')}
          suppressed={points().some((p) => p.belowThreshold)}
          target={ind().target !== null}
          range={ind().direction === 'range'}
          threshold={props.threshold}
          points={points()}
        />
        <IndicatorValues ind={ind()} threshold={props.threshold} />
      </Show>

      <h3 class="govuk-heading-s app-measure-card__heading">About this indicator</h3>
      <IndicatorFacts ind={ind()} threshold={props.threshold} />
      {props.actions}
    </SummaryCard>
  );
}
