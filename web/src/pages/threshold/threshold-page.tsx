import { createMemo, Show } from 'solid-js';
import type { Decision, ThresholdVersion } from '../../../../shared/threshold/schema.js';
import { createVersionText, thresholdChanged, useThresholdVersions } from '../../api/threshold.js';
import { jumpTo } from '../../components/jump-to.js';
import { Loaded } from '../../components/loaded.js';
import { createFlashMessage } from '../../components/flash-banner.js';
import { Page } from '../../components/page.js';
import { useApp } from '../../state.js';
import { VersionChanges } from './changes.js';
import { CurrentVersion } from './current-version.js';
import { DecisionPanel } from './decision-panel.js';
import { DocumentBody } from './document-section.js';
import { takeThresholdFlash } from './flash.js';
import { History, WhoSigns } from './history.js';
import { whyCannotSign } from '../../../../shared/threshold/sign-rule.js';
import { formatDate } from '../../components/format.js';
import { Section } from '../../components/section.js';
import './threshold.css';
import { InsetText } from '../../components/inset-text.js';
import { ButtonLink } from '../../components/link-line.js';

/** A signatory who can decide is asked to read first: the decision comes after the document. */
function ReadFirst(props: { version: ThresholdVersion; previous: ThresholdVersion | undefined }) {
  return (
    <>
      <InsetText testId="read-first">
        <strong>Read the document before you decide.</strong>{' '}
        <Show when={props.previous}>
          {(p) => (
            <>
              Start with what changed from {p().versionLabel}, then read the whole of {props.version.versionLabel}.{' '}
            </>
          )}
        </Show>
        Approve and Request changes are after the document.
      </InsetText>
      {/* biome-ignore lint/a11y/useValidAnchor: a real link to #decision that moves focus itself (a hash would go through the router) */}
      <a href="#decision" class="govuk-skip-link app-skip-to-decision" onClick={(e) => jumpTo(e, 'decision-heading')}>
        Skip to your decision
      </a>
    </>
  );
}

/** /threshold: the current version, who has signed, what changed, the document, the decision, the history. */
export default function ThresholdPage() {
  const app = useApp();
  const [versions, { mutate }] = useThresholdVersions();
  const [flash, showFlash] = createFlashMessage(takeThresholdFlash);
  const me = () => app.me()!;
  const current = createMemo(() => versions()?.[0]);
  const previous = createMemo(() => versions()?.[1]);
  const text = createVersionText(current);
  const previousText = createVersionText(previous);
  const hashVerified = () => (text.state === 'ready' ? (text()?.verified ?? null) : null);

  const decided = (v: ThresholdVersion, decision: Decision) => {
    showFlash(
      decision === 'approve'
        ? `You approved ${v.title} ${v.versionLabel} for ${app.agencyName(me().agencyId)}.${v.status === 'signed-off' ? ' Every statutory partner has now approved it: it is signed off.' : ''}`
        : `You requested changes to ${v.versionLabel}. The programme lead will issue a new version.`,
    );
    const list = versions();
    if (list) mutate(list.map((x) => (x.id === v.id ? v : x)));
    // A decision can sign the version off: who has signed shows on the home pages and the tracker.
    void thresholdChanged();
  };

  return (
    <Page title="Threshold document" caption={app.partnershipName()} flash={flash()}>
      <p class="govuk-body-l">The partnership's multi-agency threshold document: levels of need and when to act, signed off by each statutory safeguarding partner.</p>
      <Show when={me().role === 'lead'}>
        <ButtonLink href="/threshold/issue">Issue a new version</ButtonLink>
        <WhoSigns />
      </Show>
      <Loaded
        data={versions}
        pick={(list) => list[0] ?? null}
        loading="Loading the threshold document…"
        error={<p class="govuk-body">The threshold document record could not be loaded. Reload the page to try again.</p>}
        notFound={
          <InsetText>
            No version has been issued yet.
            {me().role === 'lead'
              ? ' Issue the first version; each statutory partner’s signatory then approves it or asks for changes.'
              : ' When the programme lead issues one, it will appear here.'}
          </InsetText>
        }
      >
        {(v) => {
          const why = () => whyCannotSign(me(), v(), (id) => app.agencyName(id), formatDate);
          return (
            <>
              <CurrentVersion version={v()} />
              <Show when={!why()}>
                <ReadFirst version={v()} previous={previous()} />
              </Show>
              <Show when={previous()}>{(p) => <VersionChanges previous={p()} current={v()} before={previousText} after={text} />}</Show>
              <DocumentBody version={v()} text={text} />
              <Show when={why()} fallback={<DecisionPanel version={v()} hashVerified={hashVerified()} onDone={decided} />}>
                {(reason) => (
                  <Section headingId="decision-heading" title="Signing this version" focusable id="decision">
                    <InsetText testId="cannot-sign">{reason()}</InsetText>
                  </Section>
                )}
              </Show>
              <History versions={versions() ?? []} />
            </>
          );
        }}
      </Loaded>
    </Page>
  );
}
