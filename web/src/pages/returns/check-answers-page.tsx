import { useParams } from '@solidjs/router';
import { Show } from 'solid-js';
import { periodLabel } from '../../../../shared/periods/period.js';
import { blockingWarnings } from '../../../../shared/pii/detect.js';
import { usePartnerReturn, useWorkstreamNames } from '../../api/returns.js';
import { editableIn } from '../../../../shared/returns/rules.js';
import { ConflictPanel } from '../../components/conflict-panel.js';
import { FormErrors } from '../../components/form-state.js';
import { Checkboxes } from '../../components/fields.js';
import { PageStates } from '../../components/loaded.js';
import { Page } from '../../components/page.js';
import { ConfidenceKey, ReturnStatusTag } from '../../components/tag.js';
import { inReturnsScope } from './page-states.js';
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
  const { period, ret, failure, refetch, mutate, agencyName } = usePartnerReturn(() => params.periodId);
  const s = useSubmitReturn({ workstreamName: names.workstreamName, mutate, refetch });

  return (
    <PageStates
      title="Check your answers"
      loading="Loading your answers…"
      error={failure()}
      back={{ href: '/our-return', text: 'Go to your current return' }}
      value={period() && ret()}
    >
      {(_) => {
        const view = () => ret()!.data;
        const label = () => periodLabel(period()!.id);
        const editable = () => editableIn(view(), period());
        const needsAck = () => view().warnings.length > 0 && blockingWarnings(view().warnings).length === 0;
        const words = () => submitWords(view().certificationRequired);
        return (
          <Page
            title={editable() ? words().title : `Your return for ${label()}`}
            caption={editable() ? `${agencyName()}: return for ${label()}` : agencyName()}
            hasErrors={s.errors().length > 0}
            backLink={{ href: ourReturnPath(params.periodId), text: 'Back to your return' }}
          >
            <FormErrors errors={s.errors()} title={s.errorTitle()} />
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
                  error={s.errors().some((e) => e.field === 'acknowledge') ? 'Confirm these are not personal details' : undefined}
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
        );
      }}
    </PageStates>
  );
}

export const CheckAnswersPage = inReturnsScope(CheckAnswersPageContent);
