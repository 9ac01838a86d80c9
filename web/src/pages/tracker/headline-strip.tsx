import { A } from '@solidjs/router';
import { createMemo, For, Show } from 'solid-js';
import { periodLabel } from '../../../../shared/periods/period.js';
import { trackerHeadline } from '../../../../shared/tracker/headline.js';
import type { Tracker } from '../../api/tracker.js';
import { ConfidenceRows, FigureLink, HeadlineFigure, HeadlineFigures } from '../../components/headline-figure.js';
import { Section } from '../../components/section.js';
import { ConfidenceKeyLine } from '../../components/tag.js';
import { returnHref } from './sections/section.js';

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "At a glance" (issue 16): the headline figures of the tracker and board report, each linking to its detail. */
export function HeadlineStrip(props: { t: Tracker; showHeading?: boolean }) {
  const h = createMemo(() => trackerHeadline(props.t));
  const r = () => h().returns;
  const m = () => h().measures;
  return (
    <Section
      headingId="glance-heading"
      title={`At a glance: ${periodLabel(props.t.period.id)}`}
      headingClass={props.showHeading ? 'govuk-heading-m' : 'govuk-visually-hidden'}
      class="app-headline"
    >
      <ConfidenceKeyLine keyId="confidence-key" />
      <ConfidenceRows workstreams={h().workstreams} href={(w) => `#confidence-${w.id}`} label="Overall delivery confidence by workstream" />
      <HeadlineFigures columns={5} label="Returns, readiness, threshold, kinship and outcome measures">
        <HeadlineFigure title="Returns" href="#returns-heading" figure={`${r().received} of ${r().expected} in`} testId="headline-returns">
          {r().expected - r().received} still due, {r().overdue} overdue, {r().accepted} accepted
        </HeadlineFigure>
        <Show when={h().readiness} fallback={<HeadlineFigure title="MACPT readiness" href="#readiness-heading" figure="Not set up" testId="headline-readiness" />}>
          {(x) => (
            <HeadlineFigure title="MACPT readiness" href={`/readiness/${x().workstreamId}`} figure={`${x().confirmedPercent}% confirmed`} testId="headline-readiness">
              {x().selfAssessedPercent}% self-assessed ready
            </HeadlineFigure>
          )}
        </Show>
        <HeadlineFigure
          title="Threshold sign-off"
          href="/threshold"
          figure={h().threshold ? `${h().threshold!.approved} of ${h().threshold!.required} partners` : 'No version issued'}
          testId="headline-threshold"
        >
          <Show when={h().threshold}>{(th) => (th().signedOff ? `Version ${th().versionLabel} is signed off` : `have approved version ${th().versionLabel}`)}</Show>
        </HeadlineFigure>
        <HeadlineFigure title="Kinship Local Offer" href="/kinship" figure={`${h().kinship.covered} of ${h().kinship.categories} covered`} testId="headline-kinship">
          Statutory categories; {count(h().kinship.overdueReviews, 'review')} overdue
        </HeadlineFigure>
        <HeadlineFigure title="Outcome measures" href="/measures" figure={`${m().offTarget} off target`} testId="headline-measures">
          {m().nearTarget} near target, {m().onTarget} on target
          {m().notRated > 0 ? `, ${m().notRated} not rated` : ''}
        </HeadlineFigure>
      </HeadlineFigures>
      <TopRisks t={props.t} risks={h().topRisks} />
    </Section>
  );
}

/** The gravest risks, each linking to the return section it was raised in, and all of them lower down. */
function TopRisks(props: { t: Tracker; risks: Tracker['risks'] }) {
  return (
    <div class="app-headline-figure app-headline-risks" data-testid="headline-risks">
      <h3 class="app-headline-figure__title">
        Top risks:{' '}
        <FigureLink href="#risks-heading">{props.risks.length === 0 ? 'none open' : `${props.risks.length} highest of ${count(props.t.riskCount, 'open risk')}`}</FigureLink>
      </h3>
      <ol class="app-headline-risks__list">
        <For each={props.risks}>
          {(risk) => (
            <li>
              <strong class="app-risk-rating">
                <span class="govuk-visually-hidden">Rated </span>
                {risk.rating}
              </strong>{' '}
              <A class="govuk-link" href={returnHref(props.t.period.id, risk.agencyId, risk.workstreamId)}>
                {risk.title}
              </A>{' '}
              <span class="app-headline-figure__note">
                ({risk.agencyName}, {risk.workstreamName})
              </span>
            </li>
          )}
        </For>
      </ol>
    </div>
  );
}
