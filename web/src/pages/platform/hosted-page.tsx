import { partnershipPath } from '../../../../shared/partnership/paths.js';
import { count } from '../../../../shared/text/plural.js';
import { type HostedPartnership, useHostedPartnerships, useTemplates } from '../../api/platform.js';
import { type Column, DataTable } from '../../components/data-table.js';
import { formatDoneBy } from '../../components/format.js';
import { ButtonLink } from '../../components/link-line.js';
import { Loaded } from '../../components/loaded.js';
import { Page } from '../../components/page.js';

/**
 * `/platform`: the partnerships the portal hosts, when and by whom each was created, and the way
 * to create another. Platform administrators create partnerships; they do not work in them.
 */
export default function HostedPartnershipsPage() {
  const [hosted] = useHostedPartnerships();
  const [templates] = useTemplates();
  const templateName = (id: string | null) => (id ? (templates()?.templates.find((t) => t.id === id)?.name ?? id) : 'None');
  const columns: Column<HostedPartnership>[] = [
    { key: 'name', header: 'Partnership', rowHeader: true, cell: (p) => p.name },
    { key: 'short', header: 'Short name', cell: (p) => p.shortName },
    { key: 'address', header: 'Address', cell: (p) => <span class="app-code">{partnershipPath(p.id)}</span> },
    { key: 'created', header: 'Created', cell: (p) => (p.createdAt ? formatDoneBy(p.createdAt, p.createdBy ?? 'someone') : 'Loaded with the demonstration data') },
    { key: 'template', header: 'Template', cell: (p) => templateName(p.templateId) },
  ];
  return (
    <Page title="Partnerships" caption="Platform administration">
      <p class="govuk-body">
        The safeguarding partnerships this portal hosts. Each has its own address, people and records. Create a partnership from a template, and its first programme lead is invited
        to run it.
      </p>
      <ButtonLink href="/platform/new">Create a partnership</ButtonLink>
      <Loaded data={hosted} loading="Loading the partnerships…" error={<p class="govuk-body">The partnerships could not be loaded. Reload the page to try again.</p>}>
        {(list) => (
          <DataTable
            caption={count(list().partnerships.length, 'partnership')}
            captionSize="m"
            label="Partnerships hosted"
            columns={columns}
            rows={list().partnerships}
            id="hosted-partnerships"
            rowAttrs={(p) => ({ 'data-id': p.id })}
            empty={<p class="govuk-body">The portal hosts no partnerships yet.</p>}
          />
        )}
      </Loaded>
    </Page>
  );
}
