import { useParams } from '@solidjs/router';
import { type JSX, Match, Switch } from 'solid-js';
import { periodLabel } from '../../../../shared/periods/period.js';
import { usePartnerReturn } from '../../api/returns.js';
import { LinkLine } from '../../components/link-line.js';
import { LoadingPage } from '../../components/loading.js';
import { certifyNextStep } from './certification-words.js';
import { inReturnsScope } from './page-states.js';
import { ourReturnPath } from './paths.js';
import { ourReturnPrintPath, PrintReturnLink } from './print-link.js';
import { ConfirmationPage } from '../../components/confirmation-page.js';

/*
 * The confirmations after the partner's return moves on, each with what happens next: submitted to
 * the programme lead; sent for certification by a signatory at the agency (naming who can certify
 * it, from the cached return); certified by a signatory and so submitted.
 */

/** The confirmation (the agency and period in the panel), what happens next, then where to go. */
function Confirmation(props: { title: string; periodId: string; agencyName: string; view: string; children: JSX.Element }) {
  const body = (
    <>
      {props.agencyName}
      <br />
      {periodLabel(props.periodId)} return
    </>
  );
  return (
    <ConfirmationPage title={props.title} body={body}>
      {props.children}
      <LinkLine href={`${ourReturnPath(props.periodId)}/check`}>{props.view}</LinkLine>
      <PrintReturnLink href={ourReturnPrintPath(props.periodId)} />
      <LinkLine href="/">Back to your home page</LinkLine>
    </ConfirmationPage>
  );
}

function ReturnSubmittedPageContent() {
  const params = useParams<{ periodId: string }>();
  // The answer to the submit is in the cache already; after a reload it is fetched again.
  const { periods, period, ret, agencyName } = usePartnerReturn(() => params.periodId);
  // Should the return not load, the page says what it always said: it was submitted.
  const status = () => ret()?.data.status ?? (ret.error || periods.error || period() === null ? 'submitted' : undefined);
  return (
    <Switch fallback={<LoadingPage title="Your return" label="Loading your return…" />}>
      <Match when={status() === 'awaiting-certification'}>
        <Confirmation title="Return sent for certification" periodId={params.periodId} agencyName={agencyName()} view="View your return">
          <p class="govuk-body">{certifyNextStep(ret()?.data.certifiers)}</p>
          <p class="govuk-body">If it is sent back, you will see their comments at the top of your return page. Make the changes and send it for certification again.</p>
        </Confirmation>
      </Match>
      <Match when={status()}>
        <Confirmation title="Return submitted" periodId={params.periodId} agencyName={agencyName()} view="View your submitted return">
          <p class="govuk-body">The programme lead will review your return. They will either accept it or return it to you with comments saying what to change.</p>
          <p class="govuk-body">If it is returned, you will see their comments at the top of your return page. Make the changes and submit it again.</p>
        </Confirmation>
      </Match>
    </Switch>
  );
}

/** After a signatory certifies the agency's return: it is now with the programme lead. */
function ReturnCertifiedPageContent() {
  const params = useParams<{ periodId: string }>();
  const { agencyName } = usePartnerReturn(() => params.periodId);
  return (
    <Confirmation title="Return certified and submitted" periodId={params.periodId} agencyName={agencyName()} view="View the certified return">
      <p class="govuk-body">The programme lead will review the return. They will either accept it or return it to your agency with comments saying what to change.</p>
      <p class="govuk-body">If it is returned, the comments will show at the top of your agency's return page, for the return to be changed and certified again.</p>
    </Confirmation>
  );
}

export const ReturnSubmittedPage = inReturnsScope(ReturnSubmittedPageContent);
export const ReturnCertifiedPage = inReturnsScope(ReturnCertifiedPageContent);
