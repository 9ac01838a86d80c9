import { For } from 'solid-js';
import { formatDayLong } from '../../../../shared/periods/period.js';
import type { ReturnView, SectionNames } from '../../api/returns.js';
import { DataTable } from '../../components/data-table.js';
import { JumpLink } from '../../components/fields.js';
import { formatDateTime, formatDoneBy } from '../../components/format.js';
import { SummaryCard } from '../../components/summary-card.js';
import { FactRow, SummaryList } from '../../components/summary-list.js';
import { ConfidenceTag, OverdueTag, ReturnStatusTag } from '../../components/tag.js';
import { SectionSummary } from './section-summary.js';

/*
 * The lead's (and executives') view of one return: where it stands (who prepared and who certified
 * it, where the partnership certifies returns), delivery confidence by workstream linking to each
 * section, and every section in full.
 */

export function ReviewFacts(props: { view: ReturnView; canReview: boolean }) {
  const v = () => props.view;
  return (
    <SummaryList class="app-summary-list app-return-facts">
      <FactRow key="Status" when>
        <ReturnStatusTag status={v().status} reopened={Boolean(v().reopened)} />
        <OverdueTag when={v().overdue} />
      </FactRow>
      <FactRow key="Due" when={v().dueDate}>
        {formatDayLong(v().dueDate!)}
      </FactRow>
      <FactRow key="Prepared by" when={v().certification?.preparedByName && v().certification?.sentAt}>
        {v().certification!.preparedByName}, sent for certification {formatDateTime(v().certification!.sentAt)}
      </FactRow>
      <FactRow key="Certified" when={v().certification?.certifiedAt}>
        {formatDoneBy(v().certification!.certifiedAt, v().certification!.certifiedByName ?? 'a signatory at the agency')}
      </FactRow>
      <FactRow key="Submitted" when={v().submittedAt}>
        {formatDoneBy(v().submittedAt, v().submittedByName ?? 'a partner officer')}
      </FactRow>
      <FactRow key="Your review" when={props.canReview}>
        <JumpLink to="comment">Accept or return this return</JumpLink>
      </FactRow>
      <FactRow key="Accepted" when={v().acceptedAt}>
        {formatDoneBy(v().acceptedAt, v().acceptedByName ?? 'the programme lead')}
      </FactRow>
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
        <SummaryCard id={`section-${s.workstreamId}`} title={props.names.workstreamName(s.workstreamId)} status={<ConfidenceTag confidence={s.confidence} />} focusable>
          <SectionSummary section={s} names={props.names} of={props.view} risksAsTable />
        </SummaryCard>
      )}
    </For>
  );
}
