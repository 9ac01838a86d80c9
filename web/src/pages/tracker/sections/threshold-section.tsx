import { A } from '@solidjs/router';
import { Show } from 'solid-js';
import { DecisionTag, VersionStatusTag } from '../../../components/status-tags.js';
import { hasOrHave } from '../../../../../shared/text/plural.js';
import { approvedCount } from '../../../../../shared/tracker/figures.js';
import type { Tracker } from '../../../api/tracker.js';
import { DataTable } from '../../../components/data-table.js';
import { Section } from './section.js';
import { formatDay } from '../../../components/format.js';

type Threshold = NonNullable<Tracker['threshold']>;
type Partner = Threshold['required'][number];

/** The current threshold document version and who has signed it. */
function ThresholdSignOff(props: { th: Threshold }) {
  const approved = () => approvedCount(props.th);
  return (
    <>
      <p class="govuk-body">
        <A class="govuk-link" href="/threshold">
          Version {props.th.versionLabel}
        </A>
        : <VersionStatusTag status={props.th.status} />. {approved()} of {props.th.required.length} statutory partners {hasOrHave(approved())} approved it
        {props.th.signedOffAt ? `; signed off ${formatDay(props.th.signedOffAt)}` : ''}.
      </p>
      <DataTable<Partner>
        caption={`Who has signed version ${props.th.versionLabel}`}
        captionSize="m"
        label="Threshold sign-off by partner"
        rows={props.th.required}
        columns={[
          { key: 'partner', header: 'Partner', rowHeader: true, cell: (r) => r.agencyName },
          { key: 'decision', header: 'Decision', cell: (r) => <DecisionTag decision={r.decision?.decision} /> },
          { key: 'by', header: 'Signed by', cell: (r) => r.decision?.byName ?? '' },
          { key: 'date', header: 'Date', cell: (r) => formatDay(r.decision?.at) },
        ]}
      />
    </>
  );
}

export function ThresholdSection(props: { t: Tracker }) {
  return (
    <Section id="threshold" title="Threshold document">
      <Show
        when={props.t.threshold}
        fallback={
          <p class="govuk-body">
            No version has been issued yet.{' '}
            <A class="govuk-link" href="/threshold">
              Threshold document
            </A>
          </p>
        }
      >
        {(th) => <ThresholdSignOff th={th()} />}
      </Show>
    </Section>
  );
}
