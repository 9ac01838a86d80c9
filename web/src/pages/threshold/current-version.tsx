import { Show } from 'solid-js';
import type { ThresholdVersion } from '../../../../shared/threshold/schema.js';
import { formatDate, formatDateTime } from './form-fields.js';
import { SignOffTable } from './sign-off-table.js';
import { StatusTag } from './status.js';
import { hasOrHave } from '../../../../shared/text/plural.js';

/** The current version's record (title, status, dates, summary of changes) and who has signed it. */
export function CurrentVersion(props: { version: ThresholdVersion }) {
  const v = () => props.version;
  const approvals = () => v().decisions.filter((d) => d.decision === 'approve').length;
  return (
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
          {approvals()} of {v().requiredAgencyIds.length} partners {hasOrHave(approvals())} approved {v().versionLabel}.
        </p>
        <SignOffTable version={v()} />
      </section>
    </>
  );
}
