import { Show } from 'solid-js';
import type { ThresholdVersion } from '../../../../shared/threshold/schema.js';
import { formatDate, formatDateTime } from '../../components/format.js';
import { SummaryList, SummaryRow } from '../../components/summary-list.js';
import { SignOffTable } from './sign-off-table.js';
import { VersionStatusTag } from '../../components/status-tags.js';
import { hasOrHave } from '../../../../shared/text/plural.js';
import { Section } from '../../components/section.js';

/** The current version's record (title, status, dates, summary of changes) and who has signed it. */
export function CurrentVersion(props: { version: ThresholdVersion }) {
  const v = () => props.version;
  const approvals = () => v().decisions.filter((d) => d.decision === 'approve').length;
  return (
    <>
      <Section headingId="current-heading" title={<>Current version: {v().versionLabel}</>}>
        <SummaryList>
          <SummaryRow key="Title">{v().title}</SummaryRow>
          <SummaryRow key="Version">{v().versionLabel}</SummaryRow>
          <SummaryRow key="Status" valueTestId="current-status">
            <VersionStatusTag status={v().status} />
            <Show when={v().signedOffAt}> on {formatDate(v().signedOffAt)}</Show>
          </SummaryRow>
          <SummaryRow key="Effective from">{formatDate(v().effectiveFrom)}</SummaryRow>
          <SummaryRow key="Issued">{formatDateTime(v().issuedAt)}</SummaryRow>
          <SummaryRow key="Summary of changes" valueClass="app-prewrap">
            {v().summaryOfChanges}
          </SummaryRow>
        </SummaryList>
      </Section>

      <Section headingId="signoff-heading" title="Sign-off by the statutory partners">
        <p class="govuk-body">
          {approvals()} of {v().requiredAgencyIds.length} partners {hasOrHave(approvals())} approved {v().versionLabel}.
        </p>
        <SignOffTable version={v()} />
      </Section>
    </>
  );
}
