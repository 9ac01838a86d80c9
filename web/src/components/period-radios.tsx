import type { JSX } from 'solid-js';
import { comparePeriodIds, type Period, periodLabel, periodLongLabel } from '../../../shared/periods/period.js';
import { Radios } from './choices.js';

/*
 * The kit's choice of one reporting period as GOV.UK radios (a few periods, each with a line
 * under it), the radios' counterpart of the period picker: newest first, each period said as the
 * tracker's picker says it.
 */

/** "2026-27 Q2: July to September 2026", and "(open)" while the period is open. */
export const periodWords = (p: Pick<Period, 'id' | 'status'>) => `${periodLabel(p.id)}: ${periodLongLabel(p.id)}${p.status === 'open' ? ' (open)' : ''}`;

/** The periods, newest first. */
export const newestFirst = <P extends { id: string }>(periods: readonly P[]) => [...periods].sort((a, b) => comparePeriodIds(b.id, a.id));

/** The period to offer first for looking back: the latest closed one (its returns are in), else the latest opened; '' when there is none. */
export const latestClosedPeriod = (periods: readonly Pick<Period, 'id' | 'status'>[]) => {
  const sorted = newestFirst(periods);
  return (sorted.find((p) => p.status === 'closed') ?? sorted[0])?.id ?? '';
};

export function PeriodRadios(props: {
  id: string;
  legend: string;
  hint?: JSX.Element;
  error?: string | undefined;
  periods: readonly Pick<Period, 'id' | 'status'>[];
  value: string;
  onChange: (periodId: string) => void;
  /** the line under a period's label */
  optionHint?: (periodId: string) => string;
}) {
  return (
    <Radios
      id={props.id}
      legend={props.legend}
      legendClass="govuk-fieldset__legend--s"
      hint={props.hint}
      error={props.error}
      value={props.value}
      onChange={props.onChange}
      options={newestFirst(props.periods).map((p) => ({ value: p.id, label: periodWords(p), ...(props.optionHint ? { hint: props.optionHint(p.id) } : {}) }))}
    />
  );
}
