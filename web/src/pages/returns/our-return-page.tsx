import { A, useParams } from '@solidjs/router';
import { Show } from 'solid-js';
import { formatDayLong, periodLabel, periodLongLabel } from '../../../../shared/periods/period.js';
import { type Period, type ReturnView, usePartnerReturn, useWorkstreamNames } from '../../api/returns.js';
import { editableIn } from '../../../../shared/returns/rules.js';
import { LinkLine } from '../../components/link-line.js';
import { Page } from '../../components/page.js';
import { SummaryList, SummaryRow } from '../../components/summary-list.js';
import { takeReturnsFlash } from './flash.js';
import { NoPeriodPage, inReturnsScope } from './page-states.js';
import { checkLinkWords } from './certification-words.js';
import { ourReturnPath } from './paths.js';
import { ourReturnPrintPath, PrintReturnLink } from './print-link.js';
import { ReturnStateBanners } from './return-banners.js';
import { OutcomeBanner } from '../../components/flash-banner.js';
import { OverdueTag, ReturnStatusTag } from '../../components/tag.js';
import { SectionTasks } from './task-list.js';
import { PageStates } from '../../components/loaded.js';
import { LinkList } from '../../components/link-line.js';

/* The partner's return: where it stands, the task list of sections, and the other quarters. */

function ReturnFacts(props: { view: ReturnView; period: Period }) {
  const due = () => props.view.dueDate ?? props.period.dueDate;
  return (
    <SummaryList class="app-summary-list app-return-facts">
      <SummaryRow key="Period" actions={false}>
        {periodLabel(props.period.id)} ({periodLongLabel(props.period.id)})
      </SummaryRow>
      <SummaryRow key="Due" actions={false}>
        {formatDayLong(due())}
        <OverdueTag when={props.view.overdue} />
      </SummaryRow>
      <SummaryRow key="Status" actions={false}>
        <ReturnStatusTag status={props.view.status} reopened={Boolean(props.view.reopened)} />
      </SummaryRow>
    </SummaryList>
  );
}

function OtherQuarters(props: { periods: Period[] }) {
  return (
    <Show when={props.periods.length > 0}>
      <h2 class="govuk-heading-m">Other quarters</h2>
      <LinkList
        links={props.periods.map((x) => ({
          href: ourReturnPath(x.id),
          text: `${periodLabel(x.id)} (${periodLongLabel(x.id)})`,
          after: x.status === 'closed' && ' – closed, read only',
        }))}
      />
    </Show>
  );
}

function ReturnTasks(props: { view: ReturnView; period: Period }) {
  const { workstreamName } = useWorkstreamNames();
  const done = () => props.view.sections.filter((s) => s.progress === 'completed').length;
  const checkPath = () => `${ourReturnPath(props.period.id)}/check`;
  return (
    <Show
      when={editableIn(props.view, props.period)}
      fallback={
        <>
          <p class="govuk-body">
            {props.period.status === 'closed'
              ? 'This reporting period is closed, so the return can no longer be changed.'
              : props.view.status === 'awaiting-certification'
                ? 'This return is waiting to be certified, so it cannot be changed now.'
                : 'You cannot change this return now.'}
          </p>
          <LinkLine href={checkPath()}>View your answers for {periodLabel(props.period.id)}</LinkLine>
        </>
      }
    >
      <h2 class="govuk-heading-m">Complete each section</h2>
      <p class="govuk-body">
        There is a section for each workstream your agency contributes to. You have completed {done()} of {props.view.sections.length} sections. Your answers are saved as you
        complete each section.
      </p>
      <SectionTasks view={props.view} workstreamName={workstreamName} />
      <A href={checkPath()} class="govuk-button">
        {checkLinkWords(props.view.certificationRequired)}
      </A>
    </Show>
  );
}

function OurReturnPageContent() {
  const params = useParams<{ periodId?: string }>();
  const { periods, period, ret, agencyName } = usePartnerReturn(() => params.periodId);
  const flash = takeReturnsFlash();

  const back = { href: '/our-return', text: 'Go to your current return' };
  return (
    <PageStates
      title="Our return"
      loading="Loading your return…"
      error={periods.error ?? ret.error}
      back={back}
      value={period() === null ? null : period() && ret()}
      notFound={
        <NoPeriodPage
          title="Our return"
          caption={agencyName()}
          periodId={params.periodId}
          none="No reporting period is open yet. Your return will open here when the programme lead opens the next quarter; your previous answers will carry forward."
          missing="Check the address, or choose a period from your current return page."
          back={back}
        />
      }
    >
      {(r) => {
        const p = () => period()!;
        return (
          <Page title={`Your return for ${periodLabel(p().id)}`} caption={agencyName()}>
            <Show when={flash}>{(f) => <OutcomeBanner message={f()} />}</Show>
            <ReturnStateBanners view={r().data} />
            <ReturnFacts view={r().data} period={p()} />
            <PrintReturnLink href={ourReturnPrintPath(p().id)} />
            <ReturnTasks view={r().data} period={p()} />
            <OtherQuarters periods={(periods() ?? []).filter((x) => x.id !== p().id)} />
          </Page>
        );
      }}
    </PageStates>
  );
}

export const OurReturnPage = inReturnsScope(OurReturnPageContent);
