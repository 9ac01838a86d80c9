import { A, useSearchParams } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { ROLE_LABELS, ROLES } from '../../../../shared/auth/roles.js';
import { PERSON_STATUS_LABELS, PERSON_STATUSES, type PeopleQuery, SIGNED_IN_FILTERS, SIGNED_IN_LABELS } from '../../../../shared/users/schema.js';
import { listPeople, type Person } from '../../api/people.js';
import { QUERY } from '../../api/queries.js';
import { allowedParam, firstParam } from '../../components/address-filters.js';
import { type Column, DataTable } from '../../components/data-table.js';
import { Select, TextField } from '../../components/fields.js';
import { FilterForm, FilterRow, withAny } from '../../components/filter-form.js';
import { useLocationFlash, FlashBanner } from '../../components/flash-banner.js';
import { formatDate } from '../../components/format.js';
import { Page } from '../../components/page.js';
import { createKeyedResource, QueryResults } from '../../components/results.js';
import { useApp } from '../../state.js';
import { PeopleManagersOnly, PersonStatusTag, roleWords } from './people-access.js';
import './people.css';

type Filters = { q: string; agencyId: string; role: string; status: string; signedIn: string };
const EMPTY: Filters = { q: '', agencyId: '', role: '', status: '', signedIn: '' };
const options = <T extends string>(values: readonly T[], labels: Record<T, string>) => values.map((value) => ({ value, label: labels[value] }));

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
  const [params, setParams] = useSearchParams<Partial<Record<keyof Filters, string>>>();
  const lead = () => app.me()?.role === 'lead';
  const agencies = () => (app.partnership()?.agencies ?? []).map((a) => ({ value: a.id, label: a.name }));
  const applied = (): Filters => ({
    q: firstParam(params.q),
    agencyId: agencies().some((a) => a.value === firstParam(params.agencyId)) ? firstParam(params.agencyId) : '',
    role: allowedParam(params.role, ROLES),
    status: allowedParam(params.status, PERSON_STATUSES),
    signedIn: allowedParam(params.signedIn, SIGNED_IN_FILTERS),
  });
  const [draft, setDraft] = createSignal<Filters>(applied());
  const set = (k: keyof Filters) => (value: string) => setDraft((d) => ({ ...d, [k]: value }));
  const filtered = () => Object.values(applied()).some(Boolean);
  const [people] = createKeyedResource(QUERY.people, () => applied() as PeopleQuery, listPeople);
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
    <Page title="People" caption={app.partnershipName()}>
      <FlashBanner message={flash()} />
      <p class="govuk-body">
        {lead()
          ? 'Everyone who can sign in to the portal. Invite people, change their role or agency, and deactivate anyone who has left.'
          : `The partner agency officers of ${agencyName(app.me()?.agencyId ?? '') ?? 'your agency'}. Invite colleagues, and deactivate anyone who has left.`}
      </p>
      <p class="govuk-body">
        <A href="/people/invite" class="govuk-button govuk-!-margin-bottom-0" role="button" draggable="false">
          Invite someone
        </A>
      </p>
      <FilterForm
        label="Filter people"
        submit="Apply filters"
        filtered={filtered()}
        onApply={() => setParams(Object.fromEntries(Object.entries(draft()).map(([k, v]) => [k, v.trim() || undefined])))}
        onClear={() => {
          setDraft(EMPTY);
          setParams(Object.fromEntries(Object.keys(EMPTY).map((k) => [k, undefined])));
        }}
      >
        <FilterRow>
          <TextField id="q" label="Name or email address" type="search" value={draft().q} onInput={set('q')} maxlength={120} />
          <Show when={lead()}>
            <Select id="agencyId" label="Agency" options={withAny('Any agency', agencies())} value={draft().agencyId} onChange={set('agencyId')} />
            <Select id="role" label="Role" options={withAny('Any role', options(ROLES, ROLE_LABELS))} value={draft().role} onChange={set('role')} />
          </Show>
        </FilterRow>
        <FilterRow>
          <Select id="status" label="Status" options={withAny('Any status', options(PERSON_STATUSES, PERSON_STATUS_LABELS))} value={draft().status} onChange={set('status')} />
          <Select
            id="signedIn"
            label="Last signed in"
            options={withAny('Any time', options(SIGNED_IN_FILTERS, SIGNED_IN_LABELS))}
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
