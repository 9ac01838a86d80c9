import { A, useParams } from '@solidjs/router';
import { Match, Show, Switch } from 'solid-js';
import { periodLabel } from '../../../../shared/periods/period.js';
import { blockingWarnings } from '../../../../shared/pii/detect.js';
import { usePartnerReturn, useWorkstreamNames } from '../../api/returns.js';
import { editableIn } from '../../../../shared/returns/rules.js';
import { ConflictPanel } from '../../components/conflict-panel.js';
import { ErrorSummary } from '../../components/error-summary.js';
import { Checkboxes } from '../../components/fields.js';
import { LoadingPage } from '../../components/loading.js';
import { Page } from '../../components/page.js';
import { ConfidenceKey, ReturnStatusTag } from '../../components/tag.js';
import { ErrorPage } from '../../components/problem-page.js';
import { noSuchPeriod, inReturnsScope } from './page-states.js';
import { submitWords } from './certification-words.js';
import { ourReturnPath } from './paths.js';
import { SectionCards } from './section-cards.js';
import { useSubmitReturn } from './submit-return.js';

/*
 * The partner's "check your answers" page: every section with Change links, then submit (or, where
 * the partnership requires it, send for certification by a signatory at the agency). Read only
 * once it cannot change.
 */

function CheckAnswersPageContent() {
  const params = useParams<{ periodId: string }>();
  const names = useWorkstreamNames();
  const { periods, period, ret, refetch, mutate, agencyName } = usePartnerReturn(() => params.periodId);
  const s = useSubmitReturn({ workstreamName: names.workstreamName, mutate, refetch });

  return (
    <Switch fallback={<LoadingPage title="Check your answers" label="Loading your answers…" />}>
      <Match when={periods.error || ret.error || period() === null}>
        <ErrorPage
          title="Check your answers"
          error={periods.error ?? ret.error ?? noSuchPeriod(params.periodId)}
          back={{ href: '/our-return', text: 'Go to your current return' }}
        />
      </Match>
      <Match when={period() && ret()}>
        {(_) => {
          const view = () => ret()!.data;
          const label = () => periodLabel(period()!.id);
          const editable = () => editableIn(view(), period());
          const needsAck = () => view().warnings.length > 0 && blockingWarnings(view().warnings).length === 0;
          const words = () => submitWords(view().certificationRequired);
          return (
            <>
              <A class="govuk-back-link" href={ourReturnPath(params.periodId)}>
                Back to your return
              </A>
              <Page
                title={editable() ? words().title : `Your return for ${label()}`}
                caption={editable() ? `${agencyName()}: return for ${label()}` : agencyName()}
                hasErrors={!!s.errors()?.length}
              >
                <Show when={s.errors()} keyed>
                  {(list) => <ErrorSummary errors={list} title={s.errorTitle()} />}
                </Show>
                <Show when={s.conflict()}>
                  <ConflictPanel title="Your return has changed since you opened this page" action="Reload the latest answers" onAction={() => s.reload()}>
                    <p class="govuk-body">Someone else in your agency saved the return after you opened this page, {words().notDone}</p>
                  </ConflictPanel>
                </Show>
                <Show when={!editable()}>
                  <p class="govuk-body">
                    Status: <ReturnStatusTag status={view().status} />
                  </p>
                </Show>
                <ConfidenceKey provisional={false} notReported={false} headingLevel={2} />
                <SectionCards view={view()} names={names} editable={editable()} />
                <Show when={editable()}>
                  <h2 class="govuk-heading-m">{words().heading}</h2>
                  <p class="govuk-body">{words().declaration}</p>
                  <Show when={needsAck()}>
                    <Checkboxes
                      id="acknowledge"
                      legend="Possible personal details"
                      hint="Some answers look like they may contain personal details (shown with a warning above). Remove them, or confirm they are about an office, a service or a programme date, not a person."
                      error={s.errors()?.some((e) => e.field === 'acknowledge') ? 'Confirm these are not personal details' : undefined}
                      options={[{ value: 'yes', label: 'I have checked: these are not personal details' }]}
                      selected={s.acknowledged() ? ['yes'] : []}
                      onChange={(v) => s.setAcknowledged(v.includes('yes'))}
                      small
                    />
                  </Show>
                  <button type="button" class="govuk-button" disabled={s.submitting()} onClick={() => void s.submit(ret()!)}>
                    {s.submitting() ? words().busy : words().button}
                  </button>
                </Show>
              </Page>
            </>
          );
        }}
      </Match>
    </Switch>
  );
}

export const CheckAnswersPage = inReturnsScope(CheckAnswersPageContent);
