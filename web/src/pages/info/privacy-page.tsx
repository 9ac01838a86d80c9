import { listOf } from '../../../../shared/text/plural.js';
import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { Page, SERVICE_NAME, TwoThirds } from '../../components/page.js';
import { useApp } from '../../state.js';

const UPDATED = '29 November 2026';

/**
 * /privacy: how the portal uses personal data (UK GDPR articles 13 and 14). Nothing here names a
 * partnership: the name comes from the deployment's configuration, and the controllers from its
 * agencies once someone signs in. Public: no sign-in.
 */
export default function PrivacyPage() {
  const app = useApp();
  const partnership = () => app.partnershipName() ?? 'the safeguarding partnership';
  const partners = () =>
    app
      .agencies()
      .filter((a) => a.statutory)
      .map((a) => a.name);
  return (
    <Page title="Privacy notice" caption={app.partnershipName()}>
      <TwoThirds>
        <p class="govuk-body-l">
          How the {SERVICE_NAME} for {partnership()} uses personal data, and your rights.
        </p>

        <h2 class="govuk-heading-m">Who we are</h2>
        <p class="govuk-body">
          The portal is how the agencies of {partnership()} plan and report on the children's social care reforms together, and where the council publishes its Kinship Local Offer.
          Each copy of the portal is set up for one partnership.
        </p>
        <p class="govuk-body">
          The safeguarding partners of {partnership()} (the local authority, the police and the NHS integrated care board) are joint controllers of the personal data in the portal.
          They decide why and how it is used.
          <Show when={partners().length > 0}> For this partnership they are {listOf(partners())}.</Show> Other agencies that use the portal are controllers of what their own staff
          write in it.
        </p>

        <h2 class="govuk-heading-m">What personal data the portal holds</h2>
        <p class="govuk-body">About the people who use it for their work:</p>
        <ul class="govuk-list govuk-list--bullet">
          <li>your name, work email address, agency and role in the portal, and whether you sign documents for your agency</li>
          <li>when you last signed in, and whether your account is active</li>
          <li>a record (audit trail) of every change you make: what changed, when, and who made it; your name also shows on returns, sign-off decisions and comments you write</li>
          <li>the internet (IP) address your computer uses: in server logs, and for up to 15 minutes after a failed sign-in, to stop people guessing passwords</li>
        </ul>
        <p class="govuk-body">
          The public Kinship Local Offer needs no sign-in and asks for nothing about you. Like any website, the server records the address of the computer asking for a page in its
          logs.
        </p>

        <h2 class="govuk-heading-m">What the portal must never hold</h2>
        <p class="govuk-body">
          The portal holds programme information only: plans, progress, risks and decisions. It must never hold case information about children or families, such as a child's or
          family member's name, date of birth, NHS number or address. To help with this:
        </p>
        <ul class="govuk-list govuk-list--bullet">
          <li>the portal refuses text containing an NHS number or a National Insurance number</li>
          <li>
            when text looks like it may contain personal data, such as a postcode, a date of birth, an email address, a phone number or a name next to an age or family role, the
            portal asks you to check before saving it; it records that you confirmed, and in which field, but not the text
          </li>
          <li>
            the programme lead can erase personal data saved by mistake: the text is replaced by "[removed]" in the record, in its earlier versions and in the audit trail, and the
            erasure itself is recorded (who, when, which field and why)
          </li>
        </ul>

        <h2 class="govuk-heading-m">Why we use it and our lawful basis</h2>
        <p class="govuk-body">
          We use this data to give people access to the portal, to show who made each change and decision, to keep the portal secure, and to account for how the partnership meets
          its duties.
        </p>
        <p class="govuk-body">
          The lawful basis is public task (UK GDPR Article 6(1)(e)): the safeguarding partners must make arrangements to work together to safeguard and promote the welfare of
          children (Children Act 2004, as set out in Working Together to Safeguard Children 2023), and the council must publish and keep up to date its Kinship Local Offer
          (Children Act 1989, section 22H). The portal is not meant to hold special category or criminal offence data.
        </p>

        <h2 class="govuk-heading-m">How long we keep it</h2>
        <ul class="govuk-list govuk-list--bullet">
          <li>your account, while you need access; when you leave or no longer need it, your account is deactivated and you can no longer sign in</li>
          <li>
            the records of the programme and their audit trail, including the names of the people who made changes and decisions, for as long as the partnership's records retention
            schedule says for programme and governance records
          </li>
          <li>server logs, for up to 3 months</li>
          <li>backups, for up to 35 days</li>
        </ul>

        <h2 class="govuk-heading-m">Who can see it and where it is kept</h2>
        <p class="govuk-body">
          People signed in to the portal see the names of the people who made changes and decisions. The portal is hosted by Amazon Web Services, as a processor for the partners,
          in its London (UK) region. We do not sell or share your data for marketing.
        </p>

        <h2 class="govuk-heading-m">Your rights</h2>
        <p class="govuk-body">You have the right to:</p>
        <ul class="govuk-list govuk-list--bullet">
          <li>ask for a copy of the personal data we hold about you (access)</li>
          <li>ask us to correct it if it is wrong (rectification)</li>
          <li>ask us to delete it (erasure), where we do not need to keep it to account for decisions</li>
          <li>ask us to limit how we use it (restriction)</li>
          <li>object to how we use it (objection)</li>
        </ul>
        <p class="govuk-body">
          To use these rights or ask about this notice, contact the data protection officer of your own agency, or of the council that leads {partnership()}. If you are not a
          member of staff, contact the council's data protection officer through the council's website.
        </p>

        <h2 class="govuk-heading-m">Cookies and what is stored in your browser</h2>
        <p class="govuk-body">The portal does not use cookies, analytics or any tracking, and loads nothing from other websites.</p>
        <p class="govuk-body">
          When you sign in, the portal keeps your sign-in token in your browser's session storage, so that you stay signed in while the tab is open. It also keeps there a short
          message to show on the next page (for example, that you have signed out) and, while you sign in, a one-time code that checks the sign-in came from this tab. The token
          goes when you sign out, and all of them when you close the tab. The public Kinship Local Offer stores nothing in your browser.
        </p>
        <Show when={app.config.state === 'ready' && app.config()?.auth.mode === 'cognito'}>
          <p class="govuk-body">The partnership's sign-in service, on its own web address, may set cookies of its own to keep you signed in there.</p>
        </Show>

        <h2 class="govuk-heading-m">How to complain</h2>
        <p class="govuk-body">
          If you are unhappy with how we use your personal data, contact the data protection officer first. You can also complain to the Information Commissioner's Office (ICO):
        </p>
        <ul class="govuk-list">
          <For each={['Information Commissioner\u2019s Office', 'Wycliffe House, Water Lane', 'Wilmslow, Cheshire SK9 5AF', 'Helpline: 0303 123 1113']}>
            {(line) => <li>{line}</li>}
          </For>
          <li>
            <a class="govuk-link" href="https://ico.org.uk/make-a-complaint/">
              Make a complaint on the ICO website
            </a>
          </li>
        </ul>

        <h2 class="govuk-heading-m">Changes to this notice</h2>
        <p class="govuk-body">This notice was last updated on {UPDATED}.</p>
        <p class="govuk-body">
          Read the{' '}
          <A class="govuk-link" href="/accessibility">
            accessibility statement
          </A>
          .
        </p>
      </TwoThirds>
    </Page>
  );
}
