import { useParams } from '@solidjs/router';
import { type Accessor, type JSX, Show } from 'solid-js';
import { ROLE_LABELS } from '../../../../shared/auth/roles.js';
import { managesPeople, PERSON_STATUS_LABELS, type PersonStatus } from '../../../../shared/users/schema.js';
import { type Person, type PersonDetail, usePerson } from '../../api/people.js';
import { Loaded } from '../../components/loaded.js';
import { ErrorPage, ProblemPage } from '../../components/problem-page.js';
import { StatusTag, type TagColour } from '../../components/tag.js';
import { useApp } from '../../state.js';

/** A people page: anyone who manages no one is told why, with the way home. */
export function PeopleManagersOnly(props: { children: JSX.Element }) {
  const app = useApp();
  return (
    <Show
      when={managesPeople(app.me())}
      fallback={
        <ProblemPage title="You cannot manage people" back={{ href: '/', text: 'Go to your home page' }}>
          <p class="govuk-body">Only the programme lead and agency administrators can invite and manage people. Ask the programme lead if you need someone added.</p>
        </ProblemPage>
      }
    >
      {props.children}
    </Show>
  );
}

const STATUS_COLOURS: Partial<Record<PersonStatus, TagColour>> = { invited: 'blue', active: 'green', deactivated: 'grey' };

export function PersonStatusTag(props: { status: PersonStatus }) {
  return <StatusTag status={props.status} labels={PERSON_STATUS_LABELS} colours={STATUS_COLOURS} />;
}

/** "Partner agency officer, Kent Police". */
export function roleWords(p: Pick<Person, 'role' | 'agencyId'>, agencyName: (id: string) => string | undefined): string {
  return p.agencyId ? `${ROLE_LABELS[p.role]}, ${agencyName(p.agencyId) ?? p.agencyId}` : ROLE_LABELS[p.role];
}

/**
 * A page about the person in the address (`/people/:id/…`), for those who manage people: loading,
 * not found or failed, then the page. `mutate` puts a changed person in the cache.
 */
export function PersonLoader(props: { children: (detail: Accessor<PersonDetail>, mutate: (next: PersonDetail) => void) => JSX.Element }) {
  const params = useParams<{ id: string }>();
  const [detail, { mutate }] = usePerson(() => params.id);
  return (
    <PeopleManagersOnly>
      <Loaded
        data={detail}
        loading="Loading the person…"
        error={
          <ErrorPage title="Sorry, there is a problem with the service" notFoundTitle="Person not found" error={detail.error} back={{ href: '/people', text: 'Back to people' }} />
        }
      >
        {(d) => props.children(d, (next) => mutate(next, params.id))}
      </Loaded>
    </PeopleManagersOnly>
  );
}
