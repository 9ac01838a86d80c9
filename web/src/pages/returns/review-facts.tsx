import { For, Show, type JSX } from 'solid-js';
import { formatDayLong } from '../../../../shared/periods/period.js';
import type { ReturnView } from '../../api/returns.js';
import { DataTable } from '../../components/data-table.js';
import { focusField } from '../../components/fields.js';
import { formatDateTime } from '../../components/format.js';
import { SummaryList, SummaryRow } from '../../components/summary-list.js';
import { ConfidenceTag, OverdueTag, ReturnStatusTag } from '../../components/tag.js';
import type { SectionNames } from './data.js';
import { SectionSummary } from './section-summary.js';

/*
 * The lead's (and executives') view of one return: where it stands, delivery confidence by
 * workstream linking to each section, and every section in full.
 */

/** An in-page link that moves focus to its target (the router would treat a #hash as a navigation). */
function JumpLink(props: { to: string; children: string }) {
  return (
    <a
      class="govuk-link"
      href={`#${props.to}`}
      onClick={(e) => {
        e.preventDefault();
        focusField(props.to);
      }}
    >
      {props.children}
    </a>
  );
}

/** A row shown only when there is something to say. */
function Fact(props: { key: string; when: unknown; children: JSX.Element }) {
  return (
    <Show when={props.when}>
      <SummaryRow key={props.key} actions={false}>
        {props.children}
      </SummaryRow>
    </Show>
  );
}

export function ReviewFacts(props: { view: ReturnView; canReview: boolean }) {
  const v = () => props.view;
  return (
    <SummaryList class="app-summary-list app-return-facts">
      <Fact key="Status" when>
        <ReturnStatusTag status={v().status} />
        <OverdueTag when={v().overdue} />
      </Fact>
      <Fact key="Due" when={v().dueDate}>
        {formatDayLong(v().dueDate!)}
      </Fact>
      <Fact key="Submitted" when={v().submittedAt}>
        {formatDateTime(v().submittedAt)} by {v().submittedByName ?? 'a partner officer'}
      </Fact>
      <Fact key="Your review" when={props.canReview}>
        <JumpLink to="comment">Accept or return this return</JumpLink>
      </Fact>
      <Fact key="Accepted" when={v().acceptedAt}>
        {formatDateTime(v().acceptedAt)} by {v().acceptedByName ?? 'the programme lead'}
      </Fact>
    </SummaryList>
  );
}

export function ConfidenceTable(props: { view: ReturnView; names: SectionNames }) {
  return (
    <DataTable
      caption="Delivery confidence by workstream"
      rows={props.view.sections}
      columns={[
        {
          key: 'workstream',
          header: 'Workstream',
          rowHeader: true,
          cell: (s) => <JumpLink to={`section-${s.workstreamId}`}>{props.names.workstreamName(s.workstreamId)}</JumpLink>,
        },
        { key: 'confidence', header: 'Delivery confidence', cell: (s) => <ConfidenceTag confidence={s.confidence} /> },
        { key: 'risks', header: 'Risks', cell: (s) => s.risks.length },
        { key: 'escalations', header: 'Escalations', cell: (s) => s.escalations.length },
      ]}
    />
  );
}

export function ReviewSections(props: { view: ReturnView; names: SectionNames }) {
  return (
    <For each={props.view.sections}>
      {(s) => (
        <section class="app-summary-card" id={`section-${s.workstreamId}`} tabindex="-1" aria-labelledby={`section-${s.workstreamId}-title`}>
          <div class="app-summary-card__title-wrapper">
            <h2 class="app-summary-card__title" id={`section-${s.workstreamId}-title`}>
              {props.names.workstreamName(s.workstreamId)}
            </h2>
            <ConfidenceTag confidence={s.confidence} />
          </div>
          <div class="app-summary-card__content">
            <SectionSummary section={s} names={props.names} risksAsTable />
          </div>
        </section>
      )}
    </For>
  );
}
