import { Show } from 'solid-js';
import { formatDayLong, periodLabel, periodLongLabel } from '../../../../shared/periods/period.js';
import { VERSION_STATUS_LABELS } from '../../../../shared/threshold/schema.js';
import type { Me } from '../../../../shared/auth/roles.js';
import { AGENCY_TYPE_LABELS } from '../../../../shared/partnership/schema.js';
import { macptReadinessHref } from '../../../../shared/readiness/words.js';
import { usePartnerStatus, type PartnerStatus } from '../../api/partner-status.js';
import { ActionPanel } from '../../components/action-panel.js';
import { Loading } from '../../components/loading.js';
import { Page } from '../../components/page.js';
import { SummaryList, SummaryRow } from '../../components/summary-list.js';
import { ReturnStatusTag } from '../../components/tag.js';
import { useApp } from '../../state.js';
import { NeedsAttention } from '../../components/attention-list.js';
import { sorted, WorkstreamList } from './workstream-list.js';

function ReturnStatus(props: { status: PartnerStatus }) {
  const s = props.status;
  return (
    <Show when={!s.loading()} fallback={<Loading label="Loading your return's status" />}>
      <Show when={s.period()} fallback={<p class="govuk-body">No reporting period is open yet. When the programme lead opens one, you will draft your agency's return here.</p>}>
        {(period) => (
          <p class="govuk-body">
            {periodLabel(period().id)} ({periodLongLabel(period().id)}): <ReturnStatusTag status={s.row()?.status ?? 'not-started'} />
            {s.row()?.overdue ? ' Overdue: ' : ' '}
            due {formatDayLong(period().dueDate)}.
          </p>
        )}
      </Show>
    </Show>
  );
}

function ThresholdStatus(props: { status: PartnerStatus; me: Me }) {
  const s = props.status;
  return (
    <Show when={s.mustSign() && s.threshold()}>
      {(th) => (
        <ActionPanel title="Threshold document" href="/threshold" link="Read the threshold document">
          <p class="govuk-body">
            {th().versionLabel} is {(VERSION_STATUS_LABELS[th().status as keyof typeof VERSION_STATUS_LABELS] ?? '').toLowerCase()}.{' '}
            {s.decided()
              ? 'Your agency has recorded its decision.'
              : props.me.signatory
                ? 'Your agency has not decided yet: you can approve it or request changes.'
                : "Your agency's signatory has not decided yet."}
          </p>
        </ActionPanel>
      )}
    </Show>
  );
}

export function PartnerHome(props: { me: Me }) {
  const app = useApp();
  const status = usePartnerStatus(props.me);
  const data = () => (app.partnership.state === 'ready' ? app.partnership() : undefined);
  const agency = () => data()?.agencies.find((a) => a.id === props.me.agencyId);
  const mine = () => sorted((data()?.workstreams ?? []).filter((w) => w.leadAgencyId === props.me.agencyId || w.contributingAgencyIds.includes(props.me.agencyId ?? '')));
  return (
    <Page title="Your agency's work" caption={agency()?.name ?? app.partnershipName()}>
      <NeedsAttention />
      <Show when={data()} fallback={<Loading />}>
        <SummaryList>
          <SummaryRow key="Agency">{agency()?.name ?? 'Not linked to an agency'}</SummaryRow>
          <Show when={agency()}>
            {(a) => (
              <SummaryRow key="Type">
                {AGENCY_TYPE_LABELS[a().type]}
                {a().statutory ? ' (statutory safeguarding partner)' : ' (relevant agency)'}
              </SummaryRow>
            )}
          </Show>
          <SummaryRow key="Threshold sign-off">
            {props.me.signatory ? 'You sign off threshold documents for your agency' : 'Your agency signatory signs off threshold documents'}
          </SummaryRow>
        </SummaryList>

        <ActionPanel title="Your quarterly return" href="/our-return" link="Go to your return">
          <ReturnStatus status={status} />
        </ActionPanel>

        <ThresholdStatus status={status} me={props.me} />

        <ActionPanel title="MACPT readiness" href={macptReadinessHref(data()?.workstreams ?? [])} link="MACPT readiness">
          <p class="govuk-body">Say how ready your agency is for multi-agency child protection teams, with evidence for the programme lead to check.</p>
        </ActionPanel>

        <h2 class="govuk-heading-m">Workstreams your agency contributes to</h2>
        <Show when={mine().length > 0} fallback={<p class="govuk-body">Your agency is not part of any workstream yet. The programme lead assigns agencies to workstreams.</p>}>
          <p class="govuk-body">Your return will have a section for each of these {mine().length} workstreams.</p>
          <WorkstreamList workstreams={mine()} highlightLeadFor={props.me.agencyId} />
        </Show>
      </Show>
    </Page>
  );
}
