import { For, Show } from 'solid-js';
import type { ThresholdVersion } from '../../../../shared/threshold/schema.js';
import { useThresholdConfig } from '../../api/threshold.js';
import { DataTable, type Column } from '../../components/data-table.js';
import { Loaded } from '../../components/loaded.js';
import { LoadingPlaceholder } from '../../components/loading.js';
import { useApp } from '../../state.js';
import { formatDate } from '../../components/format.js';
import { LinkLine } from '../../components/link-line.js';
import { VersionStatusTag } from '../../components/status-tags.js';
import { Section } from '../../components/section.js';

const HISTORY_COLUMNS: Column<ThresholdVersion>[] = [
  {
    key: 'version',
    header: 'Version',
    rowHeader: true,
    cell: (v) => (
      <>
        {v.versionLabel}
        <span class="app-table-sub">{v.title}</span>
      </>
    ),
  },
  { key: 'issued', header: 'Issued', cell: (v) => formatDate(v.issuedAt) },
  { key: 'effective', header: 'Effective from', cell: (v) => formatDate(v.effectiveFrom) },
  { key: 'status', header: 'Status', cell: (v) => <VersionStatusTag status={v.status} /> },
  { key: 'signed', header: 'Signed off', cell: (v) => (v.signedOffAt ? formatDate(v.signedOffAt) : 'Not signed off') },
];

/** Every version issued, newest first. */
export function History(props: { versions: ThresholdVersion[] }) {
  return (
    <Section headingId="history-heading" title="Version history">
      <DataTable caption="Every version issued, newest first" class="app-history-table" columns={HISTORY_COLUMNS} rows={props.versions} />
    </Section>
  );
}

/** The lead's view of who must sign versions issued from now on, with the way to change it. */
export function WhoSigns() {
  const app = useApp();
  const [config] = useThresholdConfig();
  return (
    <Section headingId="who-signs-heading" title="Who signs new versions">
      <Loaded
        data={config}
        placeholder={<LoadingPlaceholder label="Loading who signs…" lines={3} />}
        error={<p class="govuk-body">Who signs could not be loaded. Reload the page to try again.</p>}
      >
        {(c) => (
          <Show when={c().data.requiredAgencyIds.length > 0} fallback={<p class="govuk-body">No agencies are set to sign. Choose them before you issue a version.</p>}>
            <p class="govuk-body">Each of these agencies must approve a version before it is signed off:</p>
            <ul class="govuk-list govuk-list--bullet" data-testid="who-signs">
              <For each={c().data.requiredAgencyIds}>{(id) => <li>{app.agencyName(id)}</li>}</For>
            </ul>
          </Show>
        )}
      </Loaded>
      <LinkLine href="/threshold/signatories">Change who signs new versions</LinkLine>
    </Section>
  );
}
