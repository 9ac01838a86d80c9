import { A } from '@solidjs/router';
import { createSignal, For, Show, type JSX } from 'solid-js';
import type { Milestone } from '../../../../shared/workstreams/milestone.js';
import {
  CONFIDENCE_LABELS,
  CONFIDENCE_LEVELS,
  CONFIDENCE_MEANINGS,
  IMPACT_LABELS,
  LIKELIHOOD_LABELS,
  MILESTONE_STATUS_LABELS,
  RETURN_STATUS_LABELS,
  SECTION_PROGRESS_LABELS,
  riskRating,
  type Confidence,
  type Impact,
  type Likelihood,
  type ReturnSectionView,
  type ReturnStatus,
  type SectionProgress,
} from '../../../../shared/returns/schema.js';
import type { Warning } from '../../../../shared/pii/detect.js';
import type { Period } from '../../../../shared/periods/period.js';
import { ApiError } from '../../api/client.js';
import { Loading } from '../../components/loading.js';
import { Page } from '../../components/page.js';
import './returns.css';

/*
 * Pieces the partner's and the lead's return pages share: status tags, the delivery-confidence
 * tag and key, a read-only section, and small formatting helpers.
 */

// ---------------------------------------------------------------------------------------------
// Formatting

const DATE_TIME = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  hour12: true,
  timeZone: 'Europe/London',
});

/** "3 August 2026 at 10:15am" (UK time). */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return DATE_TIME.format(d).replace(/\s?([ap])m$/i, (_m, ap: string) => `${ap.toLowerCase()}m`);
}

/** `risks[1].title` (a problem+json or zod path inside a section) -> `risks-1-title`, the field's id. */
export function fieldId(path: string): string {
  return path.replace(/\[(\d+)\]/g, '-$1').replace(/\./g, '-');
}

/** "BII – likely, major". */
export function riskRatingText(likelihood: Likelihood, impact: Impact): string {
  return `${riskRating(likelihood, impact)} – ${LIKELIHOOD_LABELS[likelihood].toLowerCase()}, ${IMPACT_LABELS[impact].toLowerCase()}`;
}

/** A message that says how to put an API failure right. */
export function problemMessage(err: unknown): string {
  if (err instanceof ApiError) return err.detail;
  return 'Something went wrong. Check your connection and try again.';
}

/** A one-off message for the next page (e.g. "Section saved"), read once. */
const [flash, setFlashSignal] = createSignal<{ title: string; body: string; todo?: string[] } | null>(null);
/** `todo`: what the saved section still needs; shown as an important banner instead of "Success". */
export function setReturnsFlash(title: string, body: string, todo: string[] = []) {
  setFlashSignal({ title, body, todo });
}
export function takeReturnsFlash() {
  const f = flash();
  setFlashSignal(null);
  return f;
}

// ---------------------------------------------------------------------------------------------
// Tags

const STATUS_TAG: Record<ReturnStatus, string> = {
  'not-started': 'govuk-tag--grey',
  draft: 'govuk-tag--yellow',
  submitted: 'govuk-tag--blue',
  returned: 'govuk-tag--red',
  accepted: 'govuk-tag--green',
};

export function StatusTag(props: { status: ReturnStatus }) {
  return <strong class={`govuk-tag ${STATUS_TAG[props.status]}`}>{RETURN_STATUS_LABELS[props.status]}</strong>;
}

const PROGRESS_TAG: Record<SectionProgress, string> = {
  'not-started': 'govuk-tag--grey',
  'in-progress': 'govuk-tag--blue',
  completed: '',
};

export function ProgressTag(props: { progress: SectionProgress; id?: string }) {
  return (
    <Show
      when={props.progress !== 'completed'}
      fallback={
        <span class="app-task-list__done" id={props.id}>
          {SECTION_PROGRESS_LABELS.completed}
        </span>
      }
    >
      <strong class={`govuk-tag ${PROGRESS_TAG[props.progress]}`} id={props.id}>
        {SECTION_PROGRESS_LABELS[props.progress]}
      </strong>
    </Show>
  );
}

/** A delivery-confidence rating: a colour swatch (never colour alone) and the level's name. */
export function RagTag(props: { confidence: string | null | undefined }) {
  return (
    <Show when={props.confidence && (CONFIDENCE_LEVELS as readonly string[]).includes(props.confidence)} fallback={<span class="app-conf app-conf--none">Not given</span>}>
      <span class={`app-conf app-conf--${props.confidence}`}>
        <span class="app-conf__swatch" aria-hidden="true" />
        {CONFIDENCE_LABELS[props.confidence as Confidence]}
      </span>
    </Show>
  );
}

/** The key to delivery confidence, shown wherever ratings are. */
export function RagKey() {
  return (
    <section class="app-conf-key" aria-label="Delivery confidence key">
      <p class="app-conf-key__title">Delivery confidence key</p>
      <dl class="app-conf-key__list">
        <For each={CONFIDENCE_LEVELS}>
          {(level) => (
            <div class="app-conf-key__item">
              <dt>
                <RagTag confidence={level} />
              </dt>
              <dd>{CONFIDENCE_MEANINGS[level]}</dd>
            </div>
          )}
        </For>
      </dl>
    </section>
  );
}

// ---------------------------------------------------------------------------------------------
// Personal-data warnings

/** GOV.UK warning text beside a field whose text may be personal data. */
export function PiiWarning(props: { warnings: Warning[]; id?: string }) {
  return (
    <Show when={props.warnings.length > 0}>
      <div class="govuk-warning-text" id={props.id}>
        <span class="govuk-warning-text__icon" aria-hidden="true">
          !
        </span>
        <div class="govuk-warning-text__text">
          <span class="govuk-visually-hidden">Warning: </span>
          <For each={props.warnings}>{(w) => <p class="app-warning-line">{w.message}</p>}</For>
        </div>
      </div>
    </Show>
  );
}

// ---------------------------------------------------------------------------------------------
// A section, read-only

export interface SectionNames {
  workstreamName(id: string): string;
  milestone(id: string): Milestone | undefined;
}

function Multiline(props: { text: string }) {
  return (
    <For each={props.text.split(/\n{2,}/)}>
      {(para) => <p class="app-multiline">{para}</p>}
    </For>
  );
}

/** Risks as a table: title, rating in words, mitigation and owner. */
export function RiskTable(props: { risks: ReturnSectionView['risks']; caption: string }) {
  return (
    <div class="app-table-scroll" role="region" aria-label={props.caption} tabindex="0">
      <table class="govuk-table">
        <caption class="govuk-table__caption govuk-visually-hidden">{props.caption}</caption>
        <thead class="govuk-table__head">
          <tr class="govuk-table__row">
            <th scope="col" class="govuk-table__header">
              Risk
            </th>
            <th scope="col" class="govuk-table__header">
              Rating
            </th>
            <th scope="col" class="govuk-table__header">
              Mitigation
            </th>
            <th scope="col" class="govuk-table__header">
              Owner
            </th>
          </tr>
        </thead>
        <tbody class="govuk-table__body">
          <For each={props.risks}>
            {(r) => (
              <tr class="govuk-table__row">
                <td class="govuk-table__cell">
                  <strong>{r.title}</strong>
                  <Show when={r.description}>
                    <br />
                    <span class="app-secondary-text">{r.description}</span>
                  </Show>
                </td>
                <td class="govuk-table__cell app-nowrap">
                  <span class="app-ret-risk-rating">{riskRating(r.likelihood, r.impact)}</span>
                  <span class="app-secondary-text">
                    {' – '}
                    {LIKELIHOOD_LABELS[r.likelihood].toLowerCase()}, {IMPACT_LABELS[r.impact].toLowerCase()}
                  </span>
                </td>
                <td class="govuk-table__cell">{r.mitigation || 'None given'}</td>
                <td class="govuk-table__cell">{r.owner || 'Not named'}</td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
}

/**
 * One section as summary lists, for checking answers and for the lead's review. `change` adds a
 * "Change" link per row; `warnings` (paths inside the section) are shown beside their rows.
 */
export function SectionSummary(props: {
  section: ReturnSectionView;
  names: SectionNames;
  change?: (field: string) => string;
  warnings?: Warning[];
  /** Risks as a full-width table after the list (the lead's view) rather than a list in it. */
  risksAsTable?: boolean;
}) {
  const s = () => props.section;
  const name = () => props.names.workstreamName(s().workstreamId);
  const warningsFor = (prefix: string) => (props.warnings ?? []).filter((w) => w.path === prefix || w.path.startsWith(`${prefix}[`) || w.path.startsWith(`${prefix}.`));
  const row = (key: string, field: string, value: JSX.Element) => (
    <div class="govuk-summary-list__row" classList={{ 'govuk-summary-list__row--no-actions': !props.change }}>
      <dt class="govuk-summary-list__key">{key}</dt>
      <dd class="govuk-summary-list__value">
        {value}
        <PiiWarning warnings={warningsFor(field)} />
      </dd>
      <Show when={props.change}>
        {(change) => (
          <dd class="govuk-summary-list__actions">
            <A class="govuk-link" href={change()(field)}>
              Change<span class="govuk-visually-hidden"> {key.toLowerCase()} for {name()}</span>
            </A>
          </dd>
        )}
      </Show>
    </div>
  );
  return (
    <>
      <dl class="govuk-summary-list app-summary-list">
        {row(
          'Delivery confidence',
          'confidence',
          <Show when={s().confidence} fallback={<span class="app-secondary-text">Not given yet</span>}>
            <RagTag confidence={s().confidence} />
            <p class="app-conf-meaning">{CONFIDENCE_MEANINGS[s().confidence as Confidence]}</p>
          </Show>,
        )}
        {row(
          'Progress',
          'narrative',
          <Show when={s().narrative.trim()} fallback={<span class="app-secondary-text">Not written yet</span>}>
            <Show when={s().carriedForward}>
              <p>
                <strong class="govuk-tag govuk-tag--yellow">Carried forward from last quarter: check and update</strong>
              </p>
            </Show>
            <Multiline text={s().narrative} />
          </Show>,
        )}
        {row(
          'Milestones',
          'milestones',
          <Show when={s().milestones.length > 0} fallback={<span class="app-secondary-text">No milestone updates</span>}>
            <ul class="govuk-list app-milestone-list">
              <For each={s().milestones}>
                {(m) => (
                  <li>
                    <strong>{props.names.milestone(m.milestoneId)?.title ?? m.milestoneId}</strong>: {MILESTONE_STATUS_LABELS[m.status]}
                    <Show when={m.note}>
                      <br />
                      <span class="app-secondary-text">{m.note}</span>
                    </Show>
                  </li>
                )}
              </For>
            </ul>
          </Show>,
        )}
        <Show when={!props.risksAsTable}>
          {row(
            'Risks',
            'risks',
            <Show when={s().risks.length > 0} fallback={<span class="app-secondary-text">No risks recorded</span>}>
              <ul class="govuk-list app-risk-list">
                <For each={s().risks}>
                  {(r) => (
                    <li>
                      <strong>{r.title}</strong>
                      <br />
                      Rating: <span class="app-ret-risk-rating">{riskRatingText(r.likelihood, r.impact)}</span>
                      <Show when={r.description}>
                        <br />
                        <span class="app-secondary-text">{r.description}</span>
                      </Show>
                      <Show when={r.mitigation}>
                        <br />
                        <span class="app-secondary-text">Mitigation: {r.mitigation}</span>
                      </Show>
                      <Show when={r.owner}>
                        <br />
                        <span class="app-secondary-text">Owner: {r.owner}</span>
                      </Show>
                    </li>
                  )}
                </For>
              </ul>
            </Show>,
          )}
        </Show>
        {row(
          'Escalations',
          'escalations',
          <Show when={s().escalations.length > 0} fallback={<span class="app-secondary-text">Nothing escalated</span>}>
            <ul class="govuk-list govuk-list--bullet">
              <For each={s().escalations}>{(e) => <li>{e.summary}</li>}</For>
            </ul>
          </Show>,
        )}
        {row(
          'Measures',
          'metrics',
          <Show when={s().metrics.length > 0} fallback={<span class="app-secondary-text">No measures reported</span>}>
            <ul class="govuk-list">
              <For each={s().metrics}>
                {(m) => (
                  <li>
                    {m.name}: <strong>{m.value.toLocaleString('en-GB')}</strong>
                  </li>
                )}
              </For>
            </ul>
          </Show>,
        )}
      </dl>
      <Show when={props.risksAsTable}>
        <h3 class="govuk-heading-s app-risks-heading">Risks</h3>
        <Show when={s().risks.length > 0} fallback={<p class="govuk-body app-secondary-text">No risks recorded.</p>}>
          <RiskTable risks={s().risks} caption={`Risks for ${name()}`} />
        </Show>
      </Show>
    </>
  );
}

/** Warnings for one section of a return (server paths `sections[i]...`), with paths made relative. */
export function sectionWarnings(warnings: Warning[], index: number): Warning[] {
  const prefix = `sections[${index}].`;
  return warnings.filter((w) => w.path.startsWith(prefix)).map((w) => ({ ...w, path: w.path.slice(prefix.length) }));
}

/** Due date line with an overdue tag. */
export function DueDate(props: { dueDate: string; overdue?: boolean; label: string }) {
  return (
    <>
      {props.label}
      <Show when={props.overdue}>
        {' '}
        <strong class="govuk-tag govuk-tag--red">Overdue</strong>
      </Show>
    </>
  );
}

// ---------------------------------------------------------------------------------------------
// Page states

/** The period named in the address, or else the newest open one (or the newest of all). */
export function periodChoice(periods: Period[], id: string | undefined): Period | undefined {
  if (id) return periods.find((p) => p.id === id);
  return periods.find((p) => p.status === 'open') ?? periods[0];
}

export function ReturnLoading(props: { title: string; label: string }) {
  return (
    <Page title={props.title}>
      <Loading label={props.label} />
    </Page>
  );
}

/** A page that could not load: what went wrong and where to go instead. */
export function ErrorPage(props: { title: string; error: unknown; back: { href: string; text: string } }) {
  const notFound = () => props.error instanceof ApiError && props.error.status === 404;
  return (
    <Page title={notFound() ? 'Page not found' : props.title}>
      <p class="govuk-body">
        {notFound() ? `${problemMessage(props.error)} Check the address is right.` : problemMessage(props.error)}
        {!notFound() && !(props.error instanceof ApiError && props.error.status === 403) ? ' Reload the page to try again.' : ''}
      </p>
      <p class="govuk-body">
        <A class="govuk-link" href={props.back.href}>
          {props.back.text}
        </A>
      </p>
    </Page>
  );
}

export function EmptyStateLink(props: { text: string; href: string; link: string }) {
  return (
    <div class="govuk-inset-text">
      <p class="govuk-body">{props.text}</p>
      <p class="govuk-body">
        <A class="govuk-link" href={props.href}>
          {props.link}
        </A>
      </p>
    </div>
  );
}
