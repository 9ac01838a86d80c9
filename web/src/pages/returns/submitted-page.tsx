import { useParams } from '@solidjs/router';
import { periodLabel } from '../../../../shared/periods/period.js';
import { LinkLine } from '../../components/link-line.js';
import { Page } from '../../components/page.js';
import { useApp } from '../../state.js';
import { inReturnsScope } from './page-states.js';
import { ourReturnPath } from './paths.js';

/* The confirmation after the partner submits their return: what happens next. */

function ReturnSubmittedPageContent() {
  const params = useParams<{ periodId: string }>();
  const app = useApp();
  const agencyName = () => app.agencyName(app.me()?.agencyId) ?? '';
  return (
    <>
      <div class="govuk-panel govuk-panel--confirmation">
        <Page title="Return submitted">
          <div class="govuk-panel__body">
            {agencyName()}
            <br />
            {periodLabel(params.periodId)} return
          </div>
        </Page>
      </div>
      <h2 class="govuk-heading-m">What happens next</h2>
      <p class="govuk-body">The programme lead will review your return. They will either accept it or return it to you with comments saying what to change.</p>
      <p class="govuk-body">If it is returned, you will see their comments at the top of your return page. Make the changes and submit it again.</p>
      <LinkLine href={`${ourReturnPath(params.periodId)}/check`}>View your submitted return</LinkLine>
      <LinkLine href="/">Back to your home page</LinkLine>
    </>
  );
}

export const ReturnSubmittedPage = inReturnsScope(ReturnSubmittedPageContent);
