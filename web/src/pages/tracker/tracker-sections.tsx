import { For, Show, type JSX } from 'solid-js';
import { formatDayLong, periodLabel, periodLongLabel, ukDate } from '../../../../shared/periods/period.js';
import { CONFIDENCE_LABELS, MILESTONE_STATUS_LABELS, RETURN_STATUS_LABELS, riskRatingLabel, type ReturnStatus } from '../../../../shared/returns/schema.js';
import { VERSION_STATUS_LABELS } from '../../../../shared/threshold/schema.js';
import { CONFIDENCE_SCALE } from '../../../../shared/tracker/compute.js';
import type { Tracker, TrackerMilestone } from '../../api/tracker.js';
import { PercentBar } from '../../components/charts/percent-bar.js';
import { TrendChart } from '../../components/charts/trend-chart.js';
import { ConfidenceKey, ConfidenceTag, confidenceLabel, confidenceText } from './confidence.js';
import { hasOrHave } from '../../../../shared/text/plural.js';

/** Where a figure about one agency's work on one workstream comes from: that section of its return. */
export const returnHref = (periodId: string, agencyId: string, workstreamId?: string) => `/returns/${periodId}/${agencyId}${workstreamId ? `#section-${workstreamId}` : ''}`;

export const day = (iso: string | null | undefined) => (iso ? formatDayLong(iso.length > 10 ? ukDate(new Date(iso)) : iso) : '');

/** A wide table scrolls inside this focusable region, not the page (320px and 400% zoom). */
export function ScrollTable(props: { label: string; children: JSX.Element }) {
  return (
    <div class="app-table-scroll" role="region" aria-label={props.label} tabindex="0">
      {props.children}
    </div>
  );
}

function Section(props: { id: string; title: string; children: JSX.Element; class?: string }) {
  return (
    <section class={`app-tracker-section ${props.class ?? ''}`} aria-labelledby={`${props.id}-heading`} id={props.id}>
      <h2 class="govuk-heading-m" id={`${props.id}-heading`}>
        {props.title}
      </h2>
      {props.children}
    </section>
  );
}

const SOURCE_TEXT = {
  lead: 'Set by the programme lead',
  accepted: 'Worst of the accepted returns',
  submitted: 'Provisional: worst of the submitted returns, none accepted yet',
  none: 'No returns submitted yet',
} as const;

export function ConfidenceSection(props: { t: Tracker }) {
  const agencies = () => props.t.agencies.filter((a) => props.t.workstreams.some((w) => w.contributingAgencyIds.includes(a.id)));
  const p = () => props.t.period.id;
  return (
    <Section id="confidence" title="Delivery confidence">
      <p class="govuk-body">
        Each agency's delivery confidence for each workstream in its {periodLabel(p())} return. Choose a rating to read the return section behind it.
      </p>
      <ConfidenceKey />
      <ScrollTable label="Delivery confidence by workstream and agency">
        <table class="govuk-table app-tracker-matrix">
          <caption class="govuk-table__caption govuk-table__caption--m">Delivery confidence, {periodLabel(p())}: workstreams (rows) by agency (columns)</caption>
          <thead class="govuk-table__head">
            <tr class="govuk-table__row">
              <th scope="col" class="govuk-table__header">
                Workstream
              </th>
              <For each={agencies()}>
                {(a) => (
                  <th scope="col" class="govuk-table__header">
                    {a.name}
                  </th>
                )}
              </For>
              <th scope="col" class="govuk-table__header app-tracker-matrix__overall">
                Overall
              </th>
            </tr>
          </thead>
          <tbody class="govuk-table__body">
            <For each={props.t.matrix}>
              {(row) => (
                <tr class="govuk-table__row">
                  <th scope="row" class="govuk-table__header">
                    {row.name}
                  </th>
                  <For each={agencies()}>
                    {(a) => {
                      const cell = () => row.cells.find((c) => c.agencyId === a.id);
                      return (
                        <td class="govuk-table__cell">
                          <Show when={cell()} fallback={<span class="app-tracker-muted">Does not contribute</span>}>
                            {(c) => (
                              <a class="govuk-link app-rag-link" href={returnHref(p(), a.id, row.workstreamId)} data-confidence={c().confidence ?? 'none'} data-state={c().state}>
                                <ConfidenceTag confidence={c().state === 'not-reported' ? null : c().confidence} provisional={c().state === 'submitted'} />
                                <Show when={c().state === 'submitted' && c().confidence}>
                                  <span class="app-rag-link__state">(submitted, not yet accepted)</span>
                                </Show>
                                <span class="govuk-visually-hidden">
                                  : {a.name}, {row.name}
                                </span>
                              </a>
                            )}
                          </Show>
                        </td>
                      );
                    }}
                  </For>
                  <td class="govuk-table__cell app-tracker-matrix__overall" data-testid={`overall-${row.workstreamId}`}>
                    <ConfidenceTag confidence={row.overall.confidence} provisional={row.overall.source === 'submitted'} />
                    <span class="app-tracker-note">{SOURCE_TEXT[row.overall.source]}</span>
                    <Show when={row.overall.source === 'lead' && row.overall.note}>
                      <span class="app-tracker-note">“{row.overall.note}”</span>
                    </Show>
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </ScrollTable>
    </Section>
  );
}

const LEVEL_NAMES = CONFIDENCE_SCALE.map((c) => CONFIDENCE_LABELS[c]);
const LEVEL_CLASSES = CONFIDENCE_SCALE.map((c) => `app-trend-chart__point--${c}`);

export function TrendSection(props: { t: Tracker; idPrefix?: string }) {
  const periods = () => props.t.trend[0]?.points.map((p) => p.periodId) ?? [];
  return (
    <Section id="trend" title="Trend">
      <p class="govuk-body">Each workstream's overall delivery confidence in every quarter up to {periodLabel(props.t.period.id)}. Higher is better; a gap means nothing was reported.</p>
      <ul class="app-trend-list">
        <For each={props.t.trend}>
          {(w) => (
            <li class="app-trend-list__item">
              <h3 class="govuk-heading-s app-trend-list__title">{w.name}</h3>
              <TrendChart
                id={`${props.idPrefix ?? 'trend'}-${w.workstreamId}`}
                title={`${w.name}: overall delivery confidence by quarter`}
                description={w.points.map((p) => `${periodLabel(p.periodId)}: ${confidenceLabel(p.confidence)}`).join('; ') + '.'}
                levels={LEVEL_NAMES}
                levelClasses={LEVEL_CLASSES}
                points={w.points.map((p) => ({ label: periodLabel(p.periodId).replace(/^\d{4}-\d{2} /, ''), level: p.confidence ? CONFIDENCE_SCALE.indexOf(p.confidence) : null }))}
              />
            </li>
          )}
        </For>
      </ul>
      <ScrollTable label="Trend table">
        <table class="govuk-table">
          <caption class="govuk-table__caption govuk-table__caption--m">Overall delivery confidence by quarter (the numbers behind the charts)</caption>
          <thead class="govuk-table__head">
            <tr class="govuk-table__row">
              <th scope="col" class="govuk-table__header">
                Workstream
              </th>
              <For each={periods()}>
                {(id) => (
                  <th scope="col" class="govuk-table__header">
                    {periodLabel(id)}
                  </th>
                )}
              </For>
            </tr>
          </thead>
          <tbody class="govuk-table__body">
            <For each={props.t.trend}>
              {(w) => (
                <tr class="govuk-table__row">
                  <th scope="row" class="govuk-table__header">
                    {w.name}
                  </th>
                  <For each={w.points}>
                    {(pt) => (
                      <td class="govuk-table__cell">
                        <ConfidenceTag confidence={pt.confidence} />
                      </td>
                    )}
                  </For>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </ScrollTable>
    </Section>
  );
}

const RETURN_TAG: Record<ReturnStatus, string> = {
  'not-started': 'govuk-tag--grey',
  draft: 'govuk-tag--blue',
  submitted: 'govuk-tag--blue',
  returned: 'govuk-tag--yellow',
  accepted: 'govuk-tag--green',
};

export function ReturnsSection(props: { t: Tracker }) {
  const p = () => props.t.period;
  const received = () => props.t.returns.filter((r) => r.status === 'submitted' || r.status === 'accepted').length;
  return (
    <Section id="returns" title="Returns">
      <p class="govuk-body">
        {received()} of {props.t.returns.length} agencies have submitted their {periodLabel(p().id)} return. Returns are due by {day(p().dueDate)}.
      </p>
      <ScrollTable label="Returns by agency">
        <table class="govuk-table">
          <caption class="govuk-table__caption govuk-table__caption--m">Return status by agency, {periodLabel(p().id)}</caption>
          <thead class="govuk-table__head">
            <tr class="govuk-table__row">
              <th scope="col" class="govuk-table__header">
                Agency
              </th>
              <th scope="col" class="govuk-table__header">
                Status
              </th>
              <th scope="col" class="govuk-table__header">
                Due
              </th>
              <th scope="col" class="govuk-table__header">
                Submitted
              </th>
              <th scope="col" class="govuk-table__header">
                Accepted
              </th>
            </tr>
          </thead>
          <tbody class="govuk-table__body">
            <For each={props.t.returns}>
              {(r) => (
                <tr class="govuk-table__row">
                  <th scope="row" class="govuk-table__header">
                    <a class="govuk-link" href={returnHref(p().id, r.agencyId)}>
                      {r.agencyName}
                      <span class="govuk-visually-hidden"> return</span>
                    </a>
                  </th>
                  <td class="govuk-table__cell">
                    <strong class={`govuk-tag ${RETURN_TAG[r.status]}`}>{RETURN_STATUS_LABELS[r.status]}</strong>
                    <Show when={r.overdue}>
                      {' '}
                      <strong class="govuk-tag govuk-tag--red">Overdue</strong>
                    </Show>
                  </td>
                  <td class="govuk-table__cell">{day(r.dueDate)}</td>
                  <td class="govuk-table__cell">{day(r.submittedAt) || 'Not yet'}</td>
                  <td class="govuk-table__cell">{day(r.acceptedAt) || 'Not yet'}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </ScrollTable>
    </Section>
  );
}

export function ReadinessSection(props: { t: Tracker }) {
  const agencies = () => props.t.agencies.filter((a) => props.t.readiness.some((w) => w.agencies.some((s) => s.agencyId === a.id && s.applicable > 0)));
  const macpt = () => props.t.readiness.find((w) => w.highlighted);
  return (
    <Section id="readiness" title="Readiness to go live">
      <p class="govuk-body">Confirmed: the programme lead has checked the evidence. Self-assessed: the agency says it is ready.</p>
      <Show when={macpt()}>
        {(m) => (
          <div class="app-tracker-highlight" data-testid="macpt-readiness">
            <h3 class="govuk-heading-s">
              <a class="govuk-link" href={`/readiness/${m().workstreamId}`}>
                MACPT readiness
              </a>
            </h3>
            <p class="govuk-body">
              {m().overall.confirmedPercent}% confirmed ready, {m().overall.selfAssessedPercent}% self-assessed ready ({m().overall.confirmed} and {m().overall.selfAssessed} of {m().overall.applicable}{' '}
              criteria across agencies){m().overall.overdue > 0 ? `; ${m().overall.overdue} past their target date` : ''}.
            </p>
            <span class="app-tracker-note">Confirmed {m().overall.confirmedPercent}%</span>
            <PercentBar percent={m().overall.confirmedPercent} variant="confirmed" />
            <span class="app-tracker-note">Self-assessed {m().overall.selfAssessedPercent}%</span>
            <PercentBar percent={m().overall.selfAssessedPercent} variant="self-assessed" />
          </div>
        )}
      </Show>
      <ScrollTable label="Readiness by workstream and agency">
        <table class="govuk-table app-tracker-readiness">
          <caption class="govuk-table__caption govuk-table__caption--m">Readiness by workstream and agency: confirmed and self-assessed</caption>
          <thead class="govuk-table__head">
            <tr class="govuk-table__row">
              <th scope="col" class="govuk-table__header">
                Workstream
              </th>
              <For each={agencies()}>
                {(a) => (
                  <th scope="col" class="govuk-table__header">
                    {a.name}
                  </th>
                )}
              </For>
              <th scope="col" class="govuk-table__header">
                All agencies
              </th>
            </tr>
          </thead>
          <tbody class="govuk-table__body">
            <For each={props.t.readiness}>
              {(w) => (
                <tr class="govuk-table__row" classList={{ 'app-tracker-readiness__row--macpt': w.highlighted }}>
                  <th scope="row" class="govuk-table__header">
                    <a class="govuk-link" href={`/readiness/${w.workstreamId}`}>
                      {w.name}
                    </a>
                    <Show when={w.highlighted}>
                      {' '}
                      <strong class="govuk-tag govuk-tag--blue">MACPT</strong>
                    </Show>
                  </th>
                  <For each={agencies()}>
                    {(a) => {
                      const s = () => w.agencies.find((x) => x.agencyId === a.id);
                      return (
                        <td class="govuk-table__cell">
                          <Show when={s() && s()!.applicable > 0 ? s() : undefined} fallback={<span class="app-tracker-muted">No criteria</span>}>
                            {(sc) => (
                              <>
                                <span class="app-tracker-figure">{sc().confirmedPercent}% confirmed</span>
                                <span class="app-tracker-note">{sc().selfAssessedPercent}% self-assessed</span>
                                <Show when={sc().overdue > 0}>
                                  <span class="app-tracker-note">{sc().overdue} overdue</span>
                                </Show>
                              </>
                            )}
                          </Show>
                        </td>
                      );
                    }}
                  </For>
                  <td class="govuk-table__cell">
                    <span class="app-tracker-figure">{w.overall.confirmedPercent}% confirmed</span>
                    <span class="app-tracker-note">{w.overall.selfAssessedPercent}% self-assessed</span>
                    <Show when={w.overall.overdue > 0}>
                      <span class="app-tracker-note">{w.overall.overdue} overdue</span>
                    </Show>
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </ScrollTable>
    </Section>
  );
}

const THRESHOLD_STATUS: Record<string, string> = VERSION_STATUS_LABELS;

export function ThresholdSection(props: { t: Tracker }) {
  return (
    <Section id="threshold" title="Threshold document">
      <Show
        when={props.t.threshold}
        fallback={
          <p class="govuk-body">
            No version has been issued yet.{' '}
            <a class="govuk-link" href="/threshold">
              Threshold document
            </a>
          </p>
        }
      >
        {(th) => {
          const approved = () => th().required.filter((r) => r.decision?.decision === 'approve').length;
          return (
            <>
              <p class="govuk-body">
                <a class="govuk-link" href="/threshold">
                  Version {th().versionLabel}
                </a>
                : <strong class={`govuk-tag ${th().status === 'signed-off' ? 'govuk-tag--green' : 'govuk-tag--yellow'}`}>{THRESHOLD_STATUS[th().status] ?? th().status}</strong>. {approved()} of {th().required.length} statutory
                partners {hasOrHave(approved())} approved it{th().signedOffAt ? `; signed off ${day(th().signedOffAt)}` : ''}.
              </p>
              <ScrollTable label="Threshold sign-off by partner">
                <table class="govuk-table">
                  <caption class="govuk-table__caption govuk-table__caption--m">Who has signed version {th().versionLabel}</caption>
                  <thead class="govuk-table__head">
                    <tr class="govuk-table__row">
                      <th scope="col" class="govuk-table__header">
                        Partner
                      </th>
                      <th scope="col" class="govuk-table__header">
                        Decision
                      </th>
                      <th scope="col" class="govuk-table__header">
                        Signed by
                      </th>
                      <th scope="col" class="govuk-table__header">
                        Date
                      </th>
                    </tr>
                  </thead>
                  <tbody class="govuk-table__body">
                    <For each={th().required}>
                      {(r) => (
                        <tr class="govuk-table__row">
                          <th scope="row" class="govuk-table__header">
                            {r.agencyName}
                          </th>
                          <td class="govuk-table__cell">
                            <Show when={r.decision} fallback={<strong class="govuk-tag govuk-tag--grey">Not signed yet</strong>}>
                              {(d) => <strong class={`govuk-tag ${d().decision === 'approve' ? 'govuk-tag--green' : 'govuk-tag--red'}`}>{d().decision === 'approve' ? 'Approved' : 'Changes requested'}</strong>}
                            </Show>
                          </td>
                          <td class="govuk-table__cell">{r.decision?.byName ?? ''}</td>
                          <td class="govuk-table__cell">{day(r.decision?.at)}</td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </ScrollTable>
            </>
          );
        }}
      </Show>
    </Section>
  );
}

export function KinshipSection(props: { t: Tracker }) {
  const k = () => props.t.kinship;
  const statutory = () => k().categories.filter((c) => c.statutory);
  const covered = () => statutory().filter((c) => c.covered).length;
  return (
    <Section id="kinship" title="Kinship Local Offer">
      <ul class="govuk-list app-tracker-facts">
        <li>
          <a class="govuk-link" href="/kinship">
            {covered()} of {statutory().length} statutory categories covered
          </a>
          <Show when={k().complete} fallback={<> <strong class="govuk-tag govuk-tag--red">Gaps</strong></>}>
            {' '}
            <strong class="govuk-tag govuk-tag--green">Complete</strong>
          </Show>
        </li>
        <Show when={statutory().some((c) => !c.covered)}>
          <li>Not covered: {statutory().filter((c) => !c.covered).map((c) => c.label).join(', ')}</li>
        </Show>
        <li>
          <a class="govuk-link" href="/kinship">
            {k().overdueReviews.length === 0 ? 'No reviews overdue' : `${k().overdueReviews.length} ${k().overdueReviews.length === 1 ? 'review' : 'reviews'} overdue`}
          </a>
          <Show when={k().overdueReviews.length > 0}>: {k().overdueReviews.map((r) => `${r.title} (due ${day(r.nextReviewDue)})`).join('; ')}</Show>
        </li>
        <li>Last published: {k().lastPublishedAt ? day(k().lastPublishedAt) : 'not published yet'}</li>
      </ul>
    </Section>
  );
}

export function RisksSection(props: { t: Tracker }) {
  const p = () => props.t.period.id;
  return (
    <Section id="risks" title="Risks and escalations">
      <Show when={props.t.risks.length > 0} fallback={<p class="govuk-body">No open risks in submitted or accepted returns for {periodLabel(p())}.</p>}>
        <p class="govuk-body">
          The {props.t.risks.length === props.t.riskCount ? props.t.riskCount : `${props.t.risks.length} highest of ${props.t.riskCount}`} open risks in submitted and accepted returns, highest rated first.
          Ratings read likelihood (A very likely to D rare) then impact (I catastrophic to IV minor).
        </p>
        <ScrollTable label="Top risks">
          <table class="govuk-table">
            <caption class="govuk-table__caption govuk-table__caption--m">Top risks, {periodLabel(p())}</caption>
            <thead class="govuk-table__head">
              <tr class="govuk-table__row">
                <th scope="col" class="govuk-table__header">
                  Rating
                </th>
                <th scope="col" class="govuk-table__header">
                  Risk
                </th>
                <th scope="col" class="govuk-table__header">
                  Workstream
                </th>
                <th scope="col" class="govuk-table__header">
                  Agency
                </th>
              </tr>
            </thead>
            <tbody class="govuk-table__body">
              <For each={props.t.risks}>
                {(r) => (
                  <tr class="govuk-table__row">
                    <td class="govuk-table__cell">
                      <strong class="app-risk-rating">{r.rating}</strong>
                      <span class="app-tracker-note">{riskRatingLabel(r.likelihood, r.impact).replace(/^\w+: /, '')}</span>
                    </td>
                    <td class="govuk-table__cell">
                      <a class="govuk-link" href={returnHref(p(), r.agencyId, r.workstreamId)}>
                        {r.title}
                      </a>
                      <span class="app-tracker-note">Mitigation: {r.mitigation}</span>
                    </td>
                    <td class="govuk-table__cell">{r.workstreamName}</td>
                    <td class="govuk-table__cell">{r.agencyName}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </ScrollTable>
      </Show>
      <h3 class="govuk-heading-s">Escalations to the executive</h3>
      <Show when={props.t.escalations.length > 0} fallback={<p class="govuk-body">No escalations this period.</p>}>
        <ul class="govuk-list app-tracker-escalations">
          <For each={props.t.escalations}>
            {(e) => (
              <li>
                <a class="govuk-link" href={returnHref(p(), e.agencyId, e.workstreamId)}>
                  {e.summary}
                </a>
                <span class="app-tracker-note">
                  {e.agencyName}, {e.workstreamName}
                </span>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </Section>
  );
}

function MilestoneTable(props: { caption: string; label: string; items: TrackerMilestone[]; periodId: string; empty: string }) {
  return (
    <Show when={props.items.length > 0} fallback={<p class="govuk-body">{props.empty}</p>}>
      <ScrollTable label={props.label}>
        <table class="govuk-table">
          <caption class="govuk-table__caption govuk-table__caption--m">{props.caption}</caption>
          <thead class="govuk-table__head">
            <tr class="govuk-table__row">
              <th scope="col" class="govuk-table__header">
                Milestone
              </th>
              <th scope="col" class="govuk-table__header">
                Workstream
              </th>
              <th scope="col" class="govuk-table__header">
                Owner
              </th>
              <th scope="col" class="govuk-table__header">
                Due
              </th>
              <th scope="col" class="govuk-table__header">
                Status
              </th>
            </tr>
          </thead>
          <tbody class="govuk-table__body">
            <For each={props.items}>
              {(m) => (
                <tr class="govuk-table__row">
                  <td class="govuk-table__cell">
                    <a class="govuk-link" href={returnHref(props.periodId, m.ownerAgencyId, m.workstreamId)}>
                      {m.title}
                    </a>
                  </td>
                  <td class="govuk-table__cell">{m.workstreamName}</td>
                  <td class="govuk-table__cell">{m.ownerName}</td>
                  <td class="govuk-table__cell">{day(m.dueDate)}</td>
                  <td class="govuk-table__cell">
                    <strong class={`govuk-tag ${m.status === 'off-track' ? 'govuk-tag--red' : m.status === 'at-risk' ? 'govuk-tag--yellow' : m.status === 'on-track' ? 'govuk-tag--green' : 'govuk-tag--grey'}`}>
                      {MILESTONE_STATUS_LABELS[m.status] ?? m.status}
                    </strong>
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </ScrollTable>
    </Show>
  );
}

export function MilestonesSection(props: { t: Tracker }) {
  const next = () => props.t.milestones.nextQuarter;
  return (
    <Section id="milestones" title="Milestones">
      <h3 class="govuk-heading-s">Overdue</h3>
      <MilestoneTable caption="Overdue milestones" label="Overdue milestones" items={props.t.milestones.overdue} periodId={props.t.period.id} empty="No milestones are overdue." />
      <h3 class="govuk-heading-s">
        Due next quarter: {periodLabel(next().periodId)} ({periodLongLabel(next().periodId)})
      </h3>
      <MilestoneTable caption={`Milestones due ${periodLabel(next().periodId)}`} label="Milestones due next quarter" items={next().items} periodId={props.t.period.id} empty="No milestones are due next quarter." />
    </Section>
  );
}
