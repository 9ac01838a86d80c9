import { useParams } from '@solidjs/router';
import { Match, Show, Switch } from 'solid-js';
import { periodLabel } from '../../../../shared/periods/period.js';
import { certifyRefusal } from '../../../../shared/returns/rules.js';
import { usePartnerReturn, useWorkstreamNames } from '../../api/returns.js';
import { ConflictPanel } from '../../components/conflict-panel.js';
import { PageStates } from '../../components/loaded.js';
import { Page } from '../../components/page.js';
import { ConfidenceKey } from '../../components/tag.js';
import { useApp } from '../../state.js';
import { notAwaitingWords } from './certification-words.js';
import { CertifyFacts, CertifyForm, useCertify } from './certify-form.js';
import { inReturnsScope } from './page-states.js';
import { ourReturnPath } from './paths.js';
import { SectionCards } from './section-cards.js';
import { InsetText } from '../../components/inset-text.js';

/*
 * A signatory checks their agency's return awaiting certification, every section read only, then
 * certifies it (it goes to the programme lead) or sends it back to whoever prepared it. Anyone
 * else is told why they cannot (the shared rule the API applies), and a return not waiting for
 * certification says where it stands; neither gets the form. Emails to certifiers link here.
 */

const TITLE = "Certify your agency's return";

function CertifyPageContent() {
  const params = useParams<{ periodId: string }>();
  const app = useApp();
  const names = useWorkstreamNames();
  const { period, ret, failure, refetch, mutate, agencyName } = usePartnerReturn(() => params.periodId);
  const certify = useCertify({ current: ret, mutate, refetch });

  return (
    <PageStates
      title={TITLE}
      loading="Loading the return…"
      error={failure()}
      back={{ href: '/our-return', text: 'Go to your current return' }}
      value={period() && ret() && app.me()}
    >
      {(_) => {
        const view = () => ret()!.data;
        const awaiting = () => view().status === 'awaiting-certification';
        const refusal = () => certifyRefusal(app.me()!, view().agencyId, view().certification?.preparedBy);
        return (
          <Page
            title={`${TITLE} for ${periodLabel(period()!.id)}`}
            caption={agencyName()}
            errors={certify.errors()}
            backLink={{ href: ourReturnPath(params.periodId), text: 'Back to the return' }}
          >
            <Show when={certify.conflict()}>
              <ConflictPanel title="The return has changed since you opened this page" action="Reload the return" onAction={() => certify.reload()}>
                <p class="govuk-body">
                  Someone changed the return after you opened this page, so nothing was done. Reload the page to check the latest version, then choose again.
                </p>
              </ConflictPanel>
            </Show>
            <CertifyFacts view={view()} period={period()!} />
            <Switch>
              <Match when={!awaiting()}>
                <InsetText>{notAwaitingWords(view().status)}</InsetText>
              </Match>
              <Match when={refusal()}>{(why) => <InsetText>{why()}</InsetText>}</Match>
            </Switch>
            <ConfidenceKey provisional={false} notReported={false} headingLevel={2} />
            <SectionCards view={view()} names={names} editable={false} />
            <Show when={awaiting() && !refusal()}>
              <CertifyForm view={view()} certify={certify} />
            </Show>
          </Page>
        );
      }}
    </PageStates>
  );
}

export const CertifyPage = inReturnsScope(CertifyPageContent);
