import { A } from '@solidjs/router';
import { Show } from 'solid-js';
import { ROLE_LABELS, ROLES } from '../../../../shared/auth/roles.js';
import { PERSON_STATUS_LABELS, PERSON_STATUSES, type PeopleQuery, SIGNED_IN_FILTERS, SIGNED_IN_LABELS } from '../../../../shared/users/schema.js';
import { type Person, usePeople } from '../../api/people.js';
import { type Column, DataTable } from '../../components/data-table.js';
import { optionsOf, Select, TextField, namedOptions } from '../../components/fields.js';
import { FilterForm, FilterRow, withAny } from '../../components/filter-form.js';
import { useLocationFlash } from '../../components/flash-banner.js';
import { formatDate } from '../../components/format.js';
import { Page } from '../../components/page.js';
import { QueryResults } from '../../components/results.js';
import { useApp } from '../../state.js';
import { PeopleManagersOnly, roleWords } from './people-access.js';
import { PersonStatusTag } from '../../components/status-tags.js';
import './people.css';
import { ButtonLink } from '../../components/link-line.js';
import { useFilterForm } from '../../components/address-filters.js';

/** `/people`: who uses the portal, with search and filters kept in the address. */
export default function PeoplePage() {
  return (
    <PeopleManagersOnly>
      <PeopleList />
    </PeopleManagersOnly>
  );
}

function PeopleList() {
  const app = useApp();
  const [flash] = useLocationFlash();
  const lead = () => app.me()?.role === 'lead';
  const agencies = () => namedOptions(app.agencies());
  const filters = useFilterForm({ q: null, agencyId: () => app.agencies().map((a) => a.id), role: ROLES, status: PERSON_STATUSES, signedIn: SIGNED_IN_FILTERS });
  const { draft, set, filtered } = filters;
  const [people] = usePeople(() => filters.applied() as PeopleQuery);
  const agencyName = (id: string) => app.agencyName(id);

  const columns: Column<Person>[] = [
    {
      key: 'name',
      header: 'Name',
      rowHeader: true,
      sort: (a, b) => a.name.localeCompare(b.name, 'en-GB'),
      cell: (p) => (
        <A href={`/people/${p.id}`} class="govuk-link">
          {p.name}
        </A>
      ),
    },
    { key: 'email', header: 'Email address', cell: (p) => <span class="app-break-words">{p.email}</span> },
    { key: 'role', header: 'Role', cell: (p) => roleWords(p, agencyName) },
    {
      key: 'status',
      header: 'Status',
      cell: (p) => [
        <PersonStatusTag status={p.status} />,
        <Show when={p.emailStopped}>
          <br />
          <span class="app-email-stopped">Email not delivered</span>
        </Show>,
      ],
    },
    {
      key: 'signedIn',
      header: 'Last signed in',
      sort: (a, b) => (a.lastSignInAt ?? '').localeCompare(b.lastSignInAt ?? ''),
      cell: (p) => (p.lastSignInAt ? formatDate(p.lastSignInAt) : 'Never'),
    },
  ];

  return (
    <Page title="People" caption={app.partnershipName()} flash={flash()}>
      <p class="govuk-body">
        {lead()
          ? 'Everyone who can sign in to the portal. Invite people, change their role or agency, and deactivate anyone who has left.'
          : `The partner agency officers of ${agencyName(app.me()?.agencyId ?? '') ?? 'your agency'}. Invite colleagues, and deactivate anyone who has left.`}
      </p>
      <p class="govuk-body">
        <ButtonLink href="/people/invite" class="govuk-!-margin-bottom-0">
          Invite someone
        </ButtonLink>
      </p>
      <FilterForm label="Filter people" submit="Apply filters" filtered={filtered()} onApply={filters.apply} onClear={filters.clear}>
        <FilterRow>
          <TextField id="q" label="Name or email address" type="search" value={draft().q} onInput={set('q')} maxlength={120} />
          <Show when={lead()}>
            <Select id="agencyId" label="Agency" options={withAny('Any agency', agencies())} value={draft().agencyId} onChange={set('agencyId')} />
            <Select id="role" label="Role" options={withAny('Any role', optionsOf(ROLES, ROLE_LABELS))} value={draft().role} onChange={set('role')} />
          </Show>
        </FilterRow>
        <FilterRow>
          <Select id="status" label="Status" options={withAny('Any status', optionsOf(PERSON_STATUSES, PERSON_STATUS_LABELS))} value={draft().status} onChange={set('status')} />
          <Select
            id="signedIn"
            label="Last signed in"
            options={withAny('Any time', optionsOf(SIGNED_IN_FILTERS, SIGNED_IN_LABELS))}
            value={draft().signedIn}
            onChange={set('signedIn')}
          />
        </FilterRow>
      </FilterForm>
      <QueryResults
        data={people}
        loading="Loading people…"
        summary={(p) => {
          const n = p().people.length;
          return n === 0
            ? filtered()
              ? 'Nobody matches the filters.'
              : 'Nobody has been invited yet.'
            : `${n === 1 ? '1 person' : `${n} people`}${filtered() ? ' match the filters' : ''}.`;
        }}
        error={<p class="govuk-body">The list of people could not be loaded. Reload the page to try again.</p>}
        statusTestId="people-count"
      >
        {(p) => (
          <DataTable
            caption="People"
            columns={columns}
            rows={p().people}
            id="people"
            empty={<p class="govuk-body">{filtered() ? 'Try other filters, or clear them to see everyone.' : 'Use “Invite someone” to add the first person.'}</p>}
          />
        )}
      </QueryResults>
    </Page>
  );
}
