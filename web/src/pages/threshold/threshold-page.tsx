import { A } from '@solidjs/router';
import { createMemo, createResource, createSignal, For, Match, Show, Switch } from 'solid-js';
import type { Me } from '../../../../shared/auth/roles.js';
import { VERSION_STATUS_LABELS, type Decision, type ThresholdVersion, type VersionStatus } from '../../../../shared/threshold/schema.js';
import { ApiError } from '../../api/client.js';
import { fetchPdf, getMarkdownContent, getThresholdConfig, listVersions, signOff } from '../../api/threshold.js';
import { ErrorSummary, type SummaryError } from '../../components/error-summary.js';
import { Loading } from '../../components/loading.js';
import { NotificationBanner } from '../../components/notification-banner.js';
import { Page } from '../../components/page.js';
import { useApp } from '../../state.js';
import { takeThresholdFlash } from './flash.js';
import { errorFor, formatDate, formatDateTime, TextArea } from './form-fields.js';
import { Markdown } from './markdown.js';
import './threshold.css';

const STATUS_TAG: Record<VersionStatus, string> = {
  'awaiting-sign-off': 'govuk-tag--blue',
  'changes-requested': 'govuk-tag--yellow',
  'signed-off': 'govuk-tag--green',
  superseded: 'govuk-tag--grey',
};

export function StatusTag(props: { status: VersionStatus }) {
  return <strong class={`govuk-tag ${STATUS_TAG[props.status]}`}>{VERSION_STATUS_LABELS[props.status]}</strong>;
}

const DECISION_LABEL: Record<Decision, string> = { approve: 'Approved', 'request-changes': 'Changes requested' };

/** Why this person cannot record a decision on the version, or null when they can. */
export function whyCannotSign(me: Me, v: ThresholdVersion, agencyName: (id: string) => string | undefined): string | null {
  if (me.role === 'lead') return 'The programme lead issues threshold document versions. Only the signatories of the statutory safeguarding partners approve them or request changes.';
  if (me.role === 'executive') return 'Partnership executive members follow sign-off here, but do not sign the threshold document.';
  if (!me.signatory) return "Only your agency's signatory (its accountable officer or their delegate) can approve the threshold document or request changes. Your account is not a signatory.";
  if (!me.agencyId || !v.requiredAgencyIds.includes(me.agencyId)) return `${agencyName(me.agencyId ?? '') ?? 'Your agency'} is not one of the partners that sign the threshold document.`;
  if (v.status === 'superseded') return 'This version has been superseded by a newer one.';
  const mine = v.decisions.find((d) => d.agencyId === me.agencyId);
  if (mine) return `${agencyName(mine.agencyId)} recorded its decision on ${v.versionLabel} (${DECISION_LABEL[mine.decision].toLowerCase()}) on ${formatDate(mine.at)}. Decisions are permanent; you will be asked again when a new version is issued.`;
  return null;
}

/** The SHA-256 in monospace, broken into groups so it wraps on a phone and reads aloud in chunks. */
export function Hash(props: { value: string; id?: string }) {
  return (
    <code class="app-hash" id={props.id}>
      {props.value}
    </code>
  );
}

async function sha256Hex(text: string): Promise<string | null> {
  if (!globalThis.crypto?.subtle) return null;
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

function SignOffTable(props: { version: ThresholdVersion }) {
  const app = useApp();
  const rows = () => props.version.requiredAgencyIds.map((agencyId) => ({ agencyId, decision: props.version.decisions.find((d) => d.agencyId === agencyId) }));
  return (
    <div class="app-table-wrap">
      <table class="govuk-table app-table--stack app-signoff-table">
        <caption class="govuk-table__caption govuk-visually-hidden">Sign-off decisions on {props.version.versionLabel}</caption>
        <thead class="govuk-table__head">
          <tr class="govuk-table__row">
            <th scope="col" class="govuk-table__header">Agency</th>
            <th scope="col" class="govuk-table__header">Decision</th>
            <th scope="col" class="govuk-table__header">By</th>
            <th scope="col" class="govuk-table__header">Date</th>
            <th scope="col" class="govuk-table__header">Comment</th>
          </tr>
        </thead>
        <tbody class="govuk-table__body">
          <For each={rows()}>
            {(row) => (
              <tr class="govuk-table__row" data-agency={row.agencyId}>
                <th scope="row" class="govuk-table__header">{app.agencyName(row.agencyId)}</th>
                <Show
                  when={row.decision}
                  fallback={
                    <>
                      <td class="govuk-table__cell" data-label="Decision">
                        <strong class="govuk-tag govuk-tag--grey">Not yet decided</strong>
                      </td>
                      <td class="govuk-table__cell app-empty-cell" />
                      <td class="govuk-table__cell app-empty-cell" />
                      <td class="govuk-table__cell app-empty-cell" />
                    </>
                  }
                >
                  {(d) => (
                    <>
                      <td class="govuk-table__cell" data-label="Decision">
                        <strong class={`govuk-tag ${d().decision === 'approve' ? 'govuk-tag--green' : 'govuk-tag--yellow'}`}>{DECISION_LABEL[d().decision]}</strong>
                      </td>
                      <td class="govuk-table__cell" data-label="By">{d().byName}</td>
                      <td class="govuk-table__cell" data-label="Date">{formatDate(d().at)}</td>
                      <td class="govuk-table__cell app-comment" data-label="Comment">{d().comment || 'No comment'}</td>
                    </>
                  )}
                </Show>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
}

/** Approve / request changes, then a confirmation step naming exactly the version and hash signed. */
function DecisionPanel(props: { version: ThresholdVersion; hashVerified: boolean | null; onDone: (v: ThresholdVersion, decision: Decision) => void }) {
  const [choice, setChoice] = createSignal<Decision | null>(null);
  const [comment, setComment] = createSignal('');
  const [errors, setErrors] = createSignal<SummaryError[]>([]);
  const [busy, setBusy] = createSignal(false);
  let confirmHeading!: HTMLHeadingElement;

  const start = (d: Decision) => {
    setChoice(d);
    setErrors([]);
    queueMicrotask(() => confirmHeading?.focus());
  };
  const cancel = () => {
    setChoice(null);
    setComment('');
    setErrors([]);
  };
  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const decision = choice();
    if (!decision || busy()) return;
    if (decision === 'request-changes' && !comment().trim()) {
      setErrors([{ field: 'comment', message: 'Say what needs to change before the document can be approved' }]);
      return;
    }
    setBusy(true);
    try {
      const v = await signOff(props.version.id, { decision, comment: comment().trim(), sha256: props.version.sha256 });
      props.onDone(v, decision);
    } catch (err) {
      if (err instanceof ApiError && err.errors.length) setErrors(err.errors.map((fe) => ({ field: 'comment', message: fe.message })));
      else setErrors([{ message: err instanceof ApiError ? err.detail : 'Your decision could not be recorded. Try again.' }]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="app-decision" aria-labelledby="decision-heading">
      <h2 class="govuk-heading-m" id="decision-heading">
        Your agency's decision
      </h2>
      <Show
        when={choice()}
        fallback={
          <>
            <p class="govuk-body">Read the document below, then approve it for your agency or ask for changes. Your decision is permanent and is recorded against this version and its SHA-256 hash.</p>
            <Show when={props.hashVerified === false}>
              <div class="govuk-warning-text">
                <span class="govuk-warning-text__icon" aria-hidden="true">
                  !
                </span>
                <strong class="govuk-warning-text__text">
                  <span class="govuk-visually-hidden">Warning</span>
                  The document this page received does not match its recorded hash. Reload the page before you decide.
                </strong>
              </div>
            </Show>
            <div class="govuk-button-group">
              <button type="button" class="govuk-button" onClick={() => start('approve')}>
                Approve
              </button>
              <button type="button" class="govuk-button govuk-button--secondary" onClick={() => start('request-changes')}>
                Request changes
              </button>
            </div>
          </>
        }
      >
        {(d) => (
          <form class="app-confirm" onSubmit={submit} novalidate>
            <Show when={errors().length}>
              <ErrorSummary errors={errors()} />
            </Show>
            <h3 class="govuk-heading-s" tabindex="-1" ref={confirmHeading}>
              {d() === 'approve' ? 'Confirm your approval' : 'Confirm your request for changes'}
            </h3>
            <p class="govuk-body app-confirm__statement" data-testid="confirm-statement">
              {d() === 'approve' ? 'You are approving ' : 'You are requesting changes to '}
              <strong>
                {props.version.title} {props.version.versionLabel}
              </strong>
              , SHA-256 <Hash value={props.version.sha256} />.
            </p>
            <TextArea
              id="comment"
              label={d() === 'approve' ? 'Comment (optional)' : 'What needs to change'}
              hint={d() === 'approve' ? 'For example, conditions or briefings your agency will carry out.' : 'The programme lead will see this when preparing the next version.'}
              error={errorFor(errors(), 'comment')}
              value={comment()}
              onInput={setComment}
              rows={4}
            />
            <div class="govuk-button-group">
              <button type="submit" class="govuk-button" disabled={busy()}>
                {d() === 'approve' ? `Confirm approval of ${props.version.versionLabel}` : 'Send request for changes'}
              </button>
              <button type="button" class="govuk-button govuk-button--secondary" onClick={cancel}>
                Cancel
              </button>
            </div>
          </form>
        )}
      </Show>
    </section>
  );
}

function DocumentBody(props: { version: ThresholdVersion; onVerified: (ok: boolean | null) => void }) {
  const [content] = createResource(
    () => (props.version.contentType === 'text/markdown' ? props.version.id : false),
    async (id) => {
      const c = await getMarkdownContent(id);
      const local = await sha256Hex(c.content);
      props.onVerified(local === null ? null : local === props.version.sha256 && c.sha256 === props.version.sha256);
      return c;
    },
  );
  const [pdfError, setPdfError] = createSignal<string | null>(null);
  const download = async () => {
    setPdfError(null);
    try {
      const blob = await fetchPdf(props.version.id);
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = `threshold-document-${props.version.id}.pdf`;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (err) {
      setPdfError(err instanceof ApiError ? err.detail : 'The PDF could not be downloaded. Try again.');
    }
  };
  return (
    <section aria-labelledby="document-heading">
      <h2 class="govuk-heading-m" id="document-heading">
        The document
      </h2>
      <dl class="govuk-summary-list app-hash-list">
        <div class="govuk-summary-list__row">
          <dt class="govuk-summary-list__key">SHA-256</dt>
          <dd class="govuk-summary-list__value">
            <Hash value={props.version.sha256} id="document-sha256" />
          </dd>
        </div>
      </dl>
      <Switch>
        <Match when={props.version.contentType === 'application/pdf'}>
          <p class="govuk-body">This version was issued as a PDF ({Math.max(1, Math.round(props.version.size / 1024))} KB).</p>
          <Show when={pdfError()}>
            <p class="govuk-error-message">{pdfError()}</p>
          </Show>
          <button type="button" class="govuk-button govuk-button--secondary" onClick={download}>
            Download the PDF of {props.version.versionLabel}
          </button>
        </Match>
        <Match when={content.error}>
          <p class="govuk-body">The document could not be loaded. Reload the page to try again.</p>
        </Match>
        <Match when={content()}>{(c) => <Markdown source={c().content} headingOffset={2} class="app-document" />}</Match>
        <Match when={true}>
          <Loading label="Loading the document…" />
        </Match>
      </Switch>
    </section>
  );
}

function History(props: { versions: ThresholdVersion[] }) {
  return (
    <section aria-labelledby="history-heading">
      <h2 class="govuk-heading-m" id="history-heading">
        Version history
      </h2>
      <div class="app-table-wrap">
        <table class="govuk-table app-table--stack app-history-table">
          <caption class="govuk-table__caption govuk-visually-hidden">Every version issued, newest first</caption>
          <thead class="govuk-table__head">
            <tr class="govuk-table__row">
              <th scope="col" class="govuk-table__header">Version</th>
              <th scope="col" class="govuk-table__header">Issued</th>
              <th scope="col" class="govuk-table__header">Effective from</th>
              <th scope="col" class="govuk-table__header">Status</th>
              <th scope="col" class="govuk-table__header">Signed off</th>
            </tr>
          </thead>
          <tbody class="govuk-table__body">
            <For each={props.versions}>
              {(v) => (
                <tr class="govuk-table__row">
                  <th scope="row" class="govuk-table__header">
                    {v.versionLabel}
                    <span class="app-table-sub">{v.title}</span>
                  </th>
                  <td class="govuk-table__cell" data-label="Issued">{formatDate(v.issuedAt)}</td>
                  <td class="govuk-table__cell" data-label="Effective from">{formatDate(v.effectiveFrom)}</td>
                  <td class="govuk-table__cell" data-label="Status">
                    <StatusTag status={v.status} />
                  </td>
                  <td class="govuk-table__cell" data-label="Signed off">{v.signedOffAt ? formatDate(v.signedOffAt) : 'Not signed off'}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** The lead's view of who must sign versions issued from now on, with the way to change it. */
function WhoSigns() {
  const app = useApp();
  const [config] = createResource(getThresholdConfig);
  return (
    <section aria-labelledby="who-signs-heading">
      <h2 class="govuk-heading-m" id="who-signs-heading">
        Who signs new versions
      </h2>
      <Switch fallback={<Loading label="Loading who signs…" />}>
        <Match when={config.error}>
          <p class="govuk-body">Who signs could not be loaded. Reload the page to try again.</p>
        </Match>
        <Match when={config()}>
          {(c) => (
            <Show when={c().data.requiredAgencyIds.length > 0} fallback={<p class="govuk-body">No agencies are set to sign. Choose them before you issue a version.</p>}>
              <p class="govuk-body">Each of these agencies must approve a version before it is signed off:</p>
              <ul class="govuk-list govuk-list--bullet" data-testid="who-signs">
                <For each={c().data.requiredAgencyIds}>{(id) => <li>{app.agencyName(id)}</li>}</For>
              </ul>
            </Show>
          )}
        </Match>
      </Switch>
      <p class="govuk-body">
        <A href="/threshold/signatories" class="govuk-link">
          Change who signs new versions
        </A>
      </p>
    </section>
  );
}

/** /threshold: the current version, who has signed, the document and its hash, and the history. */
export default function ThresholdPage() {
  const app = useApp();
  const [versions, { mutate }] = createResource(listVersions);
  const [flash, setFlash] = createSignal<string | null>(takeThresholdFlash());
  const [hashVerified, setHashVerified] = createSignal<boolean | null>(null);
  const me = () => app.me()!;
  const current = createMemo(() => versions()?.[0]);

  const decided = (v: ThresholdVersion, decision: Decision) => {
    setFlash(
      decision === 'approve'
        ? `You approved ${v.title} ${v.versionLabel} for ${app.agencyName(me().agencyId)}.${v.status === 'signed-off' ? ' Every statutory partner has now approved it: it is signed off.' : ''}`
        : `You requested changes to ${v.versionLabel}. The programme lead will issue a new version.`,
    );
    mutate((list) => list?.map((x) => (x.id === v.id ? v : x)));
    queueMicrotask(() => document.querySelector<HTMLElement>('.govuk-notification-banner')?.scrollIntoView({ block: 'start' }));
  };

  return (
    <Page title="Threshold document" caption={app.partnershipName()}>
      <Show when={flash()}>
        <NotificationBanner type="success">
          <p class="govuk-notification-banner__heading">{flash()}</p>
        </NotificationBanner>
      </Show>
      <p class="govuk-body-l">The partnership's multi-agency threshold document: levels of need and when to act, signed off by each statutory safeguarding partner.</p>
      <Show when={me().role === 'lead'}>
        <A href="/threshold/issue" class="govuk-button" role="button">
          Issue a new version
        </A>
        <WhoSigns />
      </Show>
      <Switch>
        <Match when={versions.error}>
          <p class="govuk-body">The threshold document record could not be loaded. Reload the page to try again.</p>
        </Match>
        <Match when={versions.state === 'ready' && !current()}>
          <div class="govuk-inset-text">
            <p class="govuk-body">No version has been issued yet.{me().role === 'lead' ? ' Issue the first version; each statutory partner’s signatory then approves it or asks for changes.' : ' When the programme lead issues one, it will appear here.'}</p>
          </div>
        </Match>
        <Match when={current()}>
          {(v) => (
            <>
              <section aria-labelledby="current-heading">
                <h2 class="govuk-heading-m" id="current-heading">
                  Current version: {v().versionLabel}
                </h2>
                <dl class="govuk-summary-list">
                  <div class="govuk-summary-list__row">
                    <dt class="govuk-summary-list__key">Title</dt>
                    <dd class="govuk-summary-list__value">{v().title}</dd>
                  </div>
                  <div class="govuk-summary-list__row">
                    <dt class="govuk-summary-list__key">Version</dt>
                    <dd class="govuk-summary-list__value">{v().versionLabel}</dd>
                  </div>
                  <div class="govuk-summary-list__row">
                    <dt class="govuk-summary-list__key">Status</dt>
                    <dd class="govuk-summary-list__value" data-testid="current-status">
                      <StatusTag status={v().status} />
                      <Show when={v().signedOffAt}> on {formatDate(v().signedOffAt)}</Show>
                    </dd>
                  </div>
                  <div class="govuk-summary-list__row">
                    <dt class="govuk-summary-list__key">Effective from</dt>
                    <dd class="govuk-summary-list__value">{formatDate(v().effectiveFrom)}</dd>
                  </div>
                  <div class="govuk-summary-list__row">
                    <dt class="govuk-summary-list__key">Issued</dt>
                    <dd class="govuk-summary-list__value">{formatDateTime(v().issuedAt)}</dd>
                  </div>
                  <div class="govuk-summary-list__row">
                    <dt class="govuk-summary-list__key">Summary of changes</dt>
                    <dd class="govuk-summary-list__value app-prewrap">{v().summaryOfChanges}</dd>
                  </div>
                </dl>
              </section>

              <section aria-labelledby="signoff-heading">
                <h2 class="govuk-heading-m" id="signoff-heading">
                  Sign-off by the statutory partners
                </h2>
                <p class="govuk-body">
                  {v().decisions.filter((d) => d.decision === 'approve').length} of {v().requiredAgencyIds.length} partners have approved {v().versionLabel}.
                </p>
                <SignOffTable version={v()} />
              </section>

              <Show
                when={whyCannotSign(me(), v(), (id) => app.agencyName(id))}
                fallback={<DecisionPanel version={v()} hashVerified={hashVerified()} onDone={decided} />}
              >
                {(reason) => (
                  <section aria-labelledby="decision-heading">
                    <h2 class="govuk-heading-m" id="decision-heading">
                      Signing this version
                    </h2>
                    <div class="govuk-inset-text" data-testid="cannot-sign">
                      <p class="govuk-body">{reason()}</p>
                    </div>
                  </section>
                )}
              </Show>

              <DocumentBody version={v()} onVerified={setHashVerified} />
              <History versions={versions() ?? []} />
            </>
          )}
        </Match>
        <Match when={true}>
          <Loading label="Loading the threshold document…" />
        </Match>
      </Switch>
    </Page>
  );
}
