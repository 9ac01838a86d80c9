import { useNavigate, useParams } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { periodLabel } from '../../../../shared/periods/period.js';
import { editableIn } from '../../../../shared/returns/rules.js';
import { RETURN_STATUS_LABELS } from '../../../../shared/returns/schema.js';
import { ApiError } from '../../api/client.js';
import { afterReturnWrite, copySection, type ReturnSources, usePartnerReturn, useReturnSources, useWorkstreamNames } from '../../api/returns.js';
import { type ChoiceOption, Radios } from '../../components/choices.js';
import { EmptyStateLink } from '../../components/empty-state.js';
import { formatDay } from '../../components/format.js';
import { createFormState } from '../../components/form-state.js';
import { FormPage } from '../../components/form.js';
import { PageStates } from '../../components/loaded.js';
import { Page } from '../../components/page.js';
import { ErrorPage } from '../../components/problem-page.js';
import { WarningText } from '../../components/warning-text.js';
import { inReturnsScope } from './page-states.js';
import { ourReturnPath, sectionPath } from './paths.js';

/*
 * Start one section of the partner's return from their agency's answer for the same quarter in
 * another partnership they work in (issue 13): the answers listed by partnership and workstream
 * (names and dates only), one chosen, copied by the server from its own records, then edited on
 * the section's page. Nothing is copied until the person chooses it.
 */

/** A choice's value: the partnership and the workstream there. */
const choiceOf = (partnershipId: string, workstreamId: string) => `${partnershipId} ${workstreamId}`;

/** Every section there is to start from, by partnership, as radios: the workstream, then whose return and when it was saved. */
function choicesOf(sources: ReturnSources['sources']): ChoiceOption[] {
  return sources.flatMap((s) =>
    s.sections.map((section) => ({
      value: choiceOf(s.partnershipId, section.workstreamId),
      label: `${section.workstreamName} (${s.partnershipName})`,
      hint: `${s.agencyName}’s return, ${RETURN_STATUS_LABELS[s.status].toLowerCase()}${section.savedAt ? `, last saved ${formatDay(section.savedAt)}` : ''}`,
    })),
  );
}

function StartFromPageContent() {
  const params = useParams<{ periodId: string; workstreamId: string }>();
  const navigate = useNavigate();
  const { period, ret, failure, mutate, agencyId } = usePartnerReturn(() => params.periodId);
  const names = useWorkstreamNames();
  const [sources] = useReturnSources(() => {
    const p = period();
    return p && agencyId() ? ([p.id, agencyId()] as const) : undefined;
  });
  const [chosen, setChosen] = createSignal('');
  const form = createFormState();
  const title = 'Start this section from another partnership’s answer';
  const sectionName = () => names.workstreamName(params.workstreamId);
  const back = () => ({ href: sectionPath(params.periodId, params.workstreamId), text: `Back to ${sectionName()}` });

  const copy = async () => {
    const [fromPartnershipId, fromWorkstreamId] = chosen().split(' ');
    if (!fromPartnershipId || !fromWorkstreamId) {
      form.setErrors([{ field: 'source', message: 'Choose the answer to start from' }]);
      return;
    }
    const current = ret();
    if (!current) return;
    await form.save(
      async () => {
        const answer = await copySection(params.periodId, current.data.agencyId, { workstreamId: params.workstreamId, fromPartnershipId, fromWorkstreamId }, current.etag);
        afterReturnWrite(answer, mutate);
        const from = sources()?.sources.find((s) => s.partnershipId === fromPartnershipId)?.partnershipName ?? 'your other partnership';
        navigate(sectionPath(params.periodId, params.workstreamId), {
          state: { flash: `${sectionName()} now starts from your answer in ${from}. Check each answer, change what is different here, then save.` },
        });
      },
      {
        // The chosen answer's own text is checked as if typed here: its problems belong to the choice.
        field: (path) => (path === 'copy' || path.startsWith('copy.') ? 'source' : undefined),
        fallback: 'The answer could not be copied. Check your connection and try again.',
        onStale: () =>
          form.setErrors([{ message: 'Someone in your agency saved this return after you opened this page. Go back to the section to see their version, then try again.' }]),
      },
    );
  };

  return (
    <PageStates
      title={title}
      loading="Loading your answers in your other partnerships…"
      error={failure() ?? sources.error ?? names.workstreams.error}
      back={{ href: ourReturnPath(params.periodId), text: 'Go to your return' }}
      value={period() && ret() && sources() && names.workstreams()}
    >
      {(workstreams) => {
        const view = () => ret()!.data;
        const reports = () => workstreams().some((w) => w.id === params.workstreamId) && view().sections.some((s) => s.workstreamId === params.workstreamId);
        const choices = () => choicesOf(sources()!.sources);
        const hasAnswers = () => view().sections.find((s) => s.workstreamId === params.workstreamId)?.progress !== 'not-started';
        return (
          <Show when={reports()} fallback={<ErrorPage title={title} error={new ApiError(404, { detail: `Your agency does not report on ${sectionName()}.` })} back={back()} />}>
            <Show
              when={editableIn(view(), period())}
              fallback={
                <Page title={title} caption={`${sectionName()}, ${periodLabel(params.periodId)}`} backLink={back()}>
                  <EmptyStateLink
                    text="This return cannot be changed now, so no section can start from another answer."
                    href={ourReturnPath(params.periodId)}
                    link="Go to your return"
                  />
                </Page>
              }
            >
              <Show
                when={choices().length > 0}
                fallback={
                  <Page title={title} caption={`${sectionName()}, ${periodLabel(params.periodId)}`} backLink={back()}>
                    <EmptyStateLink
                      text={`Your agency has no answers for ${periodLabel(params.periodId)} in another partnership you work in. Answer this section here instead.`}
                      href={sectionPath(params.periodId, params.workstreamId)}
                      link={`Answer ${sectionName()}`}
                    />
                  </Page>
                }
              >
                <FormPage
                  title={title}
                  caption={`${sectionName()}, ${periodLabel(params.periodId)}`}
                  backLink={back()}
                  form={form}
                  onSubmit={() => void copy()}
                  submit={form.busy() ? 'Copying…' : 'Copy this answer'}
                  cancelHref={sectionPath(params.periodId, params.workstreamId)}
                >
                  <p class="govuk-body">
                    Your agency answers this quarter in more than one partnership. You can copy one of those answers into {sectionName()}, then change what is different here.
                  </p>
                  <Radios
                    id="source"
                    legend={<h2 class="govuk-fieldset__heading">Which answer do you want to start from?</h2>}
                    legendClass="govuk-fieldset__legend--m"
                    error={form.err('source')}
                    value={chosen()}
                    onChange={setChosen}
                    options={choices()}
                  />
                  <p class="govuk-body">
                    The delivery confidence, what has happened, risks and escalations are copied. Milestone updates are copied only for milestones of {sectionName()}; your figures
                    are not copied.
                  </p>
                  <Show when={hasAnswers()}>
                    <WarningText lines={[`This replaces what ${sectionName()} says now.`]} />
                  </Show>
                </FormPage>
              </Show>
            </Show>
          </Show>
        );
      }}
    </PageStates>
  );
}

export const StartFromPage = inReturnsScope(StartFromPageContent);
