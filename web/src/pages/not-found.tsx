import { LinkLine } from '../components/link-line.js';
import { Page, SERVICE_NAME } from '../components/page.js';

/** GOV.UK "page not found" pattern. */
export function NotFoundPage() {
  return (
    <Page title="Page not found">
      <p class="govuk-body">If you typed the web address, check it is correct.</p>
      <p class="govuk-body">If you pasted the web address, check you copied the entire address.</p>
      <LinkLine href="/">Go to the {SERVICE_NAME} home page</LinkLine>
    </Page>
  );
}
