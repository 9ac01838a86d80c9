import { Page } from '../components/page.js';

/** Public, no sign-in: families and practitioners read the published offer here. */
export function PublicKinshipOfferPage() {
  return (
    <Page title="Kinship Local Offer">
      <p class="govuk-body-l">Support for children who live with relatives or friends, and for their kinship carers.</p>
      <div class="govuk-inset-text">
        <p class="govuk-body">The Kinship Local Offer will be published here. It will explain the financial support, health and wellbeing, relationships, education and training, and accommodation support available, who can get it and how to ask for it.</p>
      </div>
    </Page>
  );
}
