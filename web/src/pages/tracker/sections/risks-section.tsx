import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { periodLabel } from '../../../../../shared/periods/period.js';
import { riskRatingLabel } from '../../../../../shared/returns/schema.js';
import type { Tracker, TrackerRisk } from '../../../api/tracker.js';
import { DataTable } from '../../../components/data-table.js';
import { returnHref, Section } from './section.js';

function Escalations(props: { t: Tracker }) {
  return (
    <Show when={props.t.escalations.length > 0} fallback={<p class="govuk-body">No escalations this period.</p>}>
      <ul class="govuk-list app-tracker-escalations">
        <For each={props.t.escalations}>
          {(e) => (
            <li>
              <A class="govuk-link" href={returnHref(props.t.period.id, e.agencyId, e.workstreamId)}>
                {e.summary}
              </A>
              <span class="app-tracker-note">
                {e.agencyName}, {e.workstreamName}
              </span>
            </li>
          )}
        </For>
      </ul>
    </Show>
  );
}

/** The highest-rated open risks in submitted and accepted returns, and escalations to the executive. */
export function RisksSection(props: { t: Tracker }) {
  const p = () => props.t.period.id;
  return (
    <Section id="risks" title="Risks and escalations">
      <Show when={props.t.risks.length > 0} fallback={<p class="govuk-body">No open risks in submitted or accepted returns for {periodLabel(p())}.</p>}>
        <p class="govuk-body">
          The {props.t.risks.length === props.t.riskCount ? props.t.riskCount : `${props.t.risks.length} highest of ${props.t.riskCount}`} open risks in submitted and accepted
          returns, highest rated first. Ratings read likelihood (A very likely to D rare) then impact (I catastrophic to IV minor).
        </p>
        <DataTable<TrackerRisk>
          caption={`Top risks, ${periodLabel(p())}`}
          captionSize="m"
          label="Top risks"
          rows={props.t.risks}
          columns={[
            {
              key: 'rating',
              header: 'Rating',
              cell: (r) => (
                <>
                  <strong class="app-risk-rating">{r.rating}</strong>
                  <span class="app-tracker-note">{riskRatingLabel(r.likelihood, r.impact).replace(/^\w+: /, '')}</span>
                </>
              ),
            },
            {
              key: 'risk',
              header: 'Risk',
              cell: (r) => (
                <>
                  <A class="govuk-link" href={returnHref(p(), r.agencyId, r.workstreamId)}>
                    {r.title}
                  </A>
                  <span class="app-tracker-note">Mitigation: {r.mitigation}</span>
                </>
              ),
            },
            { key: 'workstream', header: 'Workstream', cell: (r) => r.workstreamName },
            { key: 'agency', header: 'Agency', cell: (r) => r.agencyName },
          ]}
        />
      </Show>
      <h3 class="govuk-heading-s">Escalations to the executive</h3>
      <Escalations t={props.t} />
    </Section>
  );
}
