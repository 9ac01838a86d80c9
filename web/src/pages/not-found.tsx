import { Page } from '../components/page.js';

/** GOV.UK "page not found" pattern. */
export function NotFoundPage() {
  return (
    <Page title="Page not found">
      <p class="govuk-body">If you typed the web address, check it is correct.</p>
      <p class="govuk-body">If you pasted the web address, check you copied the entire address.</p>
      <p class="govuk-body">
        <a href="/" class="govuk-link">
          Go to the Partnership Reform Portal home page
        </a>
      </p>
    </Page>
  );
}
