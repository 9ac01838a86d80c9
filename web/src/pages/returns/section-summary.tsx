import { For, Show, type JSX } from 'solid-js';
import type { Warning } from '../../../../shared/pii/detect.js';
import { CONFIDENCE_MEANINGS, MILESTONE_STATUS_LABELS, riskRating } from '../../../../shared/returns/schema.js';
import type { ReturnView, SectionNames } from '../../api/returns.js';
import { DataTable } from '../../components/data-table.js';
import { Multiline } from '../../components/multiline.js';
import { SummaryList, SummaryRow } from '../../components/summary-list.js';
import { ConfidenceTag } from '../../components/tag.js';
import { warningsFor } from '../../../../shared/returns/paths.js';
import { riskRatingText, riskWords } from '../../../../shared/returns/words.js';
import { PiiWarning } from '../../components/warning-text.js';
import { copiedFromText } from './start-from-link.js';
import { useIndicatorAnswers } from './indicator-answers.js';

/*
 * One section of a return, read-only, as a summary list: for checking answers (with Change links)
 * and for the lead's review (risks as a table after the list).
 */

type Section = ReturnView['sections'][number];

const Secondary = (props: { children: JSX.Element }) => <span class="app-secondary-text">{props.children}</span>;

/** Extra lines under an item (description, mitigation...), each on its own line when given. */
function Lines(props: { lines: (string | false | null | undefined)[] }) {
  return (
    <For each={props.lines.filter(Boolean)}>
      {(line) => (
        <>
          <br />
          <Secondary>{line}</Secondary>
        </>
      )}
    </For>
  );
}

/** Risks as a table: title, rating in words, mitigation and owner. */
export function RiskTable(props: { risks: Section['risks']; caption: string }) {
  return (
    <DataTable
      caption={props.caption}
      rows={props.risks}
      columns={[
        { key: 'risk', header: 'Risk', cell: (r) => [<strong>{r.title}</strong>, <Lines lines={[r.description]} />] },
        {
          key: 'rating',
          header: 'Rating',
          class: 'app-nowrap',
          cell: (r) => [<span class="app-ret-risk-rating">{riskRating(r.likelihood, r.impact)}</span>, <Secondary>{` – ${riskWords(r.likelihood, r.impact)}`}</Secondary>],
        },
        { key: 'mitigation', header: 'Mitigation', cell: (r) => r.mitigation || 'None given' },
        { key: 'owner', header: 'Owner', cell: (r) => r.owner || 'Not named' },
      ]}
    />
  );
}

/**
 * One section as summary lists. `change` adds a "Change" link per row; `warnings` (paths inside the
 * section) are shown beside their rows.
 */
export function SectionSummary(props: {
  section: Section;
  names: SectionNames;
  change?: (field: string) => string;
  warnings?: Warning[];
  /** Risks as a full-width table after the list (the lead's view) rather than a list in it. */
  risksAsTable?: boolean;
  /** The return the section is in: its outcome indicators not given yet show too. */
  of?: Pick<ReturnView, 'periodId' | 'agencyId'>;
}) {
  const s = () => props.section;
  const indicators = useIndicatorAnswers(s, () => props.of);
  const name = () => props.names.workstreamName(s().workstreamId);
  const Row = (row: { key: string; field: string; when: unknown; none: string; children: JSX.Element }) => (
    <SummaryRow key={row.key} actions={!!props.change} action={props.change && { what: `${row.key.toLowerCase()} for ${name()}`, href: props.change(row.field) }}>
      <Show when={row.when} fallback={<Secondary>{row.none}</Secondary>}>
        {row.children}
      </Show>
      <PiiWarning warnings={warningsFor(props.warnings ?? [], row.field)} />
    </SummaryRow>
  );
  return (
    <>
      <SummaryList class="app-summary-list">
        <Show when={s().copiedFrom}>
          {(c) => (
            <SummaryRow key="Started from" actions={props.change ? false : undefined}>
              {copiedFromText(c())}
            </SummaryRow>
          )}
        </Show>
        <Row key="Delivery confidence" field="confidence" when={s().confidence} none="Not given yet">
          <ConfidenceTag confidence={s().confidence} />
          <p class="app-conf-meaning">{CONFIDENCE_MEANINGS[s().confidence!]}</p>
        </Row>
        <Row key="Progress" field="narrative" when={s().narrative.trim()} none="Not written yet">
          <Show when={s().carriedForward}>
            <p>
              <strong class="govuk-tag govuk-tag--yellow">Carried forward from last quarter: check and update</strong>
            </p>
          </Show>
          <Multiline text={s().narrative} />
        </Row>
        <Row key="Milestones" field="milestones" when={s().milestones.length > 0} none="No milestone updates">
          <ul class="govuk-list app-milestone-list">
            <For each={s().milestones}>
              {(m) => (
                <li>
                  <strong>{props.names.milestone(m.milestoneId)?.title ?? m.milestoneId}</strong>: {MILESTONE_STATUS_LABELS[m.status]}
                  <Lines lines={[m.note]} />
                </li>
              )}
            </For>
          </ul>
        </Row>
        <Show when={indicators().length > 0}>
          <Row key="Outcome indicators" field="indicators" when none="">
            <ul class="govuk-list app-indicator-list">
              <For each={indicators()}>
                {(a) => (
                  <li>
                    {a.name}: <strong>{a.value}</strong>
                    <Lines lines={[a.note, a.confirmed && 'Confirmed as correct after the portal queried it']} />
                  </li>
                )}
              </For>
            </ul>
          </Row>
        </Show>
        <Show when={!props.risksAsTable}>
          <Row key="Risks" field="risks" when={s().risks.length > 0} none="No risks recorded">
            <ul class="govuk-list app-risk-list">
              <For each={s().risks}>
                {(r) => (
                  <li>
                    <strong>{r.title}</strong>
                    <br />
                    Rating: <span class="app-ret-risk-rating">{riskRatingText(r.likelihood, r.impact)}</span>
                    <Lines lines={[r.description, r.mitigation && `Mitigation: ${r.mitigation}`, r.owner && `Owner: ${r.owner}`]} />
                  </li>
                )}
              </For>
            </ul>
          </Row>
        </Show>
        <Row key="Escalations" field="escalations" when={s().escalations.length > 0} none="Nothing escalated">
          <ul class="govuk-list govuk-list--bullet">
            <For each={s().escalations}>{(e) => <li>{e.summary}</li>}</For>
          </ul>
        </Row>
        <Row key="Measures" field="metrics" when={s().metrics.length > 0} none="No measures reported">
          <ul class="govuk-list">
            <For each={s().metrics}>
              {(m) => (
                <li>
                  {m.name}: <strong>{m.value.toLocaleString('en-GB')}</strong>
                </li>
              )}
            </For>
          </ul>
        </Row>
      </SummaryList>
      <Show when={props.risksAsTable}>
        <h3 class="govuk-heading-s app-risks-heading">Risks</h3>
        <Show when={s().risks.length > 0} fallback={<p class="govuk-body app-secondary-text">No risks recorded.</p>}>
          <RiskTable risks={s().risks} caption={`Risks for ${name()}`} />
        </Show>
      </Show>
    </>
  );
}
