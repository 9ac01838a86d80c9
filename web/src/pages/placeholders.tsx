import type { JSX } from 'solid-js';
import { Page } from '../components/page.js';
import { useApp } from '../state.js';
import { ExecutiveHome } from './home.js';

/** An area that exists but has nothing in it yet: says what will be here and what happens next. */
function Placeholder(props: { title: string; lead: string; next: JSX.Element }) {
  return (
    <Page title={props.title}>
      <p class="govuk-body-l">{props.lead}</p>
      <div class="govuk-inset-text">{props.next}</div>
      <p class="govuk-body">
        <a href="/" class="govuk-link">
          Back to your home page
        </a>
      </p>
    </Page>
  );
}

/** The signed-in role (pages here only render once RequireSignIn has loaded the user). */
function useRole() {
  const app = useApp();
  return () => app.me()?.role;
}

export function ReturnsPage() {
  return (
    <Placeholder
      title="Quarterly returns"
      lead="Each agency's quarterly return on the reform: delivery confidence, progress, milestones, risks and escalations for every workstream."
      next={<p class="govuk-body">Quarterly returns will open here when you open a reporting period. You will then see which agencies have submitted and which are overdue, and accept or return each one.</p>}
    />
  );
}

export function OurReturnPage() {
  return (
    <Placeholder
      title="Our return"
      lead="Your agency's quarterly return on the reform, with a section for each workstream your agency contributes to."
      next={<p class="govuk-body">No reporting period is open yet. Your return will open here when the programme lead opens a reporting period; your previous answers will carry forward each quarter.</p>}
    />
  );
}

export function ThresholdPage() {
  const role = useRole();
  const next = () =>
    role() === 'lead'
      ? 'No threshold document version has been issued yet. Issue the first version here; each statutory partner’s signatory then approves it or asks for changes.'
      : role() === 'partner'
        ? 'No threshold document version has been issued yet. When the programme lead issues one, your agency’s signatory will approve it or ask for changes here.'
        : 'No threshold document version has been issued yet. You will see each version and every partner’s sign-off decision here.';
  return (
    <Placeholder
      title="Threshold document"
      lead="The partnership’s multi-agency threshold document: levels of need and when to act, signed off by each statutory safeguarding partner."
      next={<p class="govuk-body">{next()}</p>}
    />
  );
}

export function KinshipPage() {
  const role = useRole();
  const next = () =>
    role() === 'executive'
      ? 'Nothing has been added yet. You will see the offer here as agencies build it and when it is published.'
      : 'Nothing has been added yet. Agencies will add their support items here (financial support, health and wellbeing, relationships, education and training, accommodation); the programme lead then publishes the offer.';
  return (
    <Placeholder
      title="Kinship Local Offer"
      lead="The support available to children in kinship care and their kinship carers, which the council must publish and keep up to date."
      next={
        <>
          <p class="govuk-body">{next()}</p>
          <p class="govuk-body">
            The published offer appears on the{' '}
            <a href="/kinship-offer" class="govuk-link">
              public Kinship Local Offer page
            </a>
            .
          </p>
        </>
      }
    />
  );
}

export function ReadinessPage() {
  const role = useRole();
  const next = () =>
    role() === 'lead'
      ? 'No criteria have been assessed yet. Agencies will self-assess each go-live criterion here and you will validate their evidence.'
      : role() === 'partner'
        ? 'No criteria have been assessed yet. You will self-assess your agency’s go-live criteria here, with evidence for the programme lead to validate.'
        : 'No criteria have been assessed yet. You will see how ready each workstream is to go live here.';
  return (
    <Placeholder
      title="Readiness"
      lead="Go-live criteria for multi-agency child protection teams (MACPT) and the other workstreams, and how ready each agency is."
      next={<p class="govuk-body">{next()}</p>}
    />
  );
}

export function TrackerPage() {
  const role = useRole();
  if (role() === 'executive') return <ExecutiveHome />;
  return (
    <Placeholder
      title="Tracker"
      lead="The partnership’s shared tracker: delivery confidence, milestones, risks and escalations for every workstream."
      next={<p class="govuk-body">No returns have been accepted yet. The tracker fills in as you accept the agencies’ quarterly returns.</p>}
    />
  );
}
