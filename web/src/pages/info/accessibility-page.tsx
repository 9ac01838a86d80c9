import { A } from '@solidjs/router';
import { Page, SERVICE_NAME, TwoThirds } from '../../components/page.js';
import { useApp } from '../../state.js';

/** When this statement was prepared and the portal last tested (update both after each review). */
const PREPARED = '29 November 2026';
const LAST_TESTED = '29 November 2026';

/**
 * /accessibility: the accessibility statement every public-sector website must publish (Public
 * Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018), in the
 * shape of the GOV.UK sample statement. Public: no sign-in.
 */
export default function AccessibilityPage() {
  const app = useApp();
  const partnership = () => app.partnershipName() ?? 'the safeguarding partnership';
  return (
    <Page title="Accessibility statement" caption={app.partnershipName()}>
      <TwoThirds>
        <p class="govuk-body-l">
          This accessibility statement applies to the {SERVICE_NAME} for {partnership()}, including the public Kinship Local Offer.
        </p>
        <p class="govuk-body">
          This website is run for {partnership()} by its safeguarding partners (the local authority, the police and the NHS integrated care board), working with other agencies. We
          want as many people as possible to be able to use it. For example, that means you should be able to:
        </p>
        <ul class="govuk-list govuk-list--bullet">
          <li>change colours, contrast levels and fonts using browser or device settings</li>
          <li>zoom in up to 400% without the text spilling off the screen</li>
          <li>use the website on a screen 320 pixels wide without scrolling sideways</li>
          <li>navigate the whole website using just a keyboard or speech recognition software</li>
          <li>listen to the website using a screen reader (including the most recent versions of JAWS, NVDA and VoiceOver)</li>
          <li>print the Kinship Local Offer as a leaflet</li>
        </ul>
        <p class="govuk-body">We have also made the text as simple as possible to understand.</p>
        <p class="govuk-body">
          <a class="govuk-link" href="https://mcmw.abilitynet.org.uk/">
            AbilityNet has advice on making your device easier to use
          </a>{' '}
          if you have a disability.
        </p>

        <h2 class="govuk-heading-m">How accessible this website is</h2>
        <p class="govuk-body">We know some parts of this website are not fully accessible:</p>
        <ul class="govuk-list govuk-list--bullet">
          <li>documents that agencies upload or link to, such as a threshold document in PDF or Word format, are written outside the portal and may not be accessible</li>
        </ul>

        <h2 class="govuk-heading-m">Feedback and contact information</h2>
        <p class="govuk-body">If you need information on this website in a different format, like accessible PDF, large print, easy read, audio recording or braille:</p>
        <ul class="govuk-list govuk-list--bullet">
          <li>if you use the portal for your work, ask the programme team of {partnership()} or your agency's contact for the partnership</li>
          <li>
            if you are a kinship carer or a young person, ask the council's children's services or your social worker, or use the contact details given for each kind of support in
            the Kinship Local Offer
          </li>
        </ul>
        <p class="govuk-body">We will consider your request and get back to you within 10 working days.</p>

        <h2 class="govuk-heading-m">Reporting accessibility problems with this website</h2>
        <p class="govuk-body">
          We are always looking to improve the accessibility of this website. If you find any problems not listed on this page, or think we are not meeting accessibility
          requirements, tell us in the same way: through the programme team of {partnership()}, or through the council's children's services. Say which page you were on and what
          went wrong.
        </p>

        <h2 class="govuk-heading-m">Enforcement procedure</h2>
        <p class="govuk-body">
          The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations
          2018 (the "accessibility regulations"). If you are not happy with how we respond to your complaint,{' '}
          <a class="govuk-link" href="https://www.equalityadvisoryservice.com/">
            contact the Equality Advisory and Support Service (EASS)
          </a>
          .
        </p>

        <h2 class="govuk-heading-m">Technical information about this website's accessibility</h2>
        <p class="govuk-body">
          {partnership()} is committed to making its website accessible, in accordance with the Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility
          Regulations 2018.
        </p>

        <h3 class="govuk-heading-s">Compliance status</h3>
        <p class="govuk-body">
          This website is partially compliant with the{' '}
          <a class="govuk-link" href="https://www.w3.org/TR/WCAG22/">
            Web Content Accessibility Guidelines version 2.2
          </a>{' '}
          AA standard, due to the non-compliance listed below. The pages of the portal itself meet the standard as far as our testing shows.
        </p>

        <h2 class="govuk-heading-m">Non-accessible content</h2>
        <p class="govuk-body">The content listed below is non-accessible for the following reasons.</p>
        <h3 class="govuk-heading-s">Non-compliance with the accessibility regulations</h3>
        <p class="govuk-body">
          Documents that agencies upload or link to (for example a threshold document) are not checked by the portal. A PDF without tags or headings may not work with a screen
          reader (WCAG 2.2 success criteria 1.3.1 Info and Relationships and 2.4.2 Page Titled). Agencies are asked to provide accessible documents. If you need a document in
          another format, ask as described above.
        </p>
        <h3 class="govuk-heading-s">Disproportionate burden</h3>
        <p class="govuk-body">We are not claiming that any accessibility problem would be a disproportionate burden to fix.</p>
        <h3 class="govuk-heading-s">Content that's not within the scope of the accessibility regulations</h3>
        <p class="govuk-body">None that we know of.</p>

        <h2 class="govuk-heading-m">What we're doing to improve accessibility</h2>
        <p class="govuk-body">
          Every change to the portal is tested before it is released: automated browser tests open every page, and the states of each page such as errors, filters and loading, in a
          real browser (Chromium), including at 320 pixels wide, and check them with axe-core against WCAG 2.2 AA. A change that brings an accessibility failure is not released. We
          also check new pages by keyboard alone.
        </p>

        <h2 class="govuk-heading-m">Preparation of this accessibility statement</h2>
        <p class="govuk-body">
          This statement was prepared on {PREPARED}. It was last reviewed on {PREPARED}.
        </p>
        <p class="govuk-body">
          This website was last tested on {LAST_TESTED} against the WCAG 2.2 AA standard. The test was carried out by the portal's development team. Every page and its main states
          were tested: automatically with axe-core in browser tests, at desktop width and at 320 pixels wide, and by keyboard (moving through each page with Tab, using the skip
          link, menus, forms and error messages).
        </p>
        <p class="govuk-body">
          Read how the portal uses personal data in the{' '}
          <A class="govuk-link" href="/privacy">
            privacy notice
          </A>
          .
        </p>
      </TwoThirds>
    </Page>
  );
}
