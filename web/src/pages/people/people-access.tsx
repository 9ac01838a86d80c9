import { useParams } from '@solidjs/router';
import type { Accessor, JSX } from 'solid-js';
import { ROLE_LABELS } from '../../../../shared/auth/roles.js';
import { managesPeople } from '../../../../shared/users/schema.js';
import { type Person, type PersonDetail, usePerson } from '../../api/people.js';
import { Loaded } from '../../components/loaded.js';
import { RoleOnly } from '../../components/role-guard.js';

/** A people page: anyone who manages no one is told why, with the way home. */
export function PeopleManagersOnly(props: { children: JSX.Element }) {
  const reason = 'Only the programme lead and agency administrators can invite and manage people. Ask the programme lead if you need someone added.';
  return (
    <RoleOnly allowed={managesPeople} title="You cannot manage people" reason={reason} back={{ href: '/', text: 'Go to your home page' }}>
      {props.children}
    </RoleOnly>
  );
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
      <Loaded data={detail} loading="Loading the person…" failed={{ notFoundTitle: 'Person not found', back: { href: '/people', text: 'Back to people' } }}>
        {(d) => props.children(d, (next) => mutate(next, params.id))}
      </Loaded>
    </PeopleManagersOnly>
  );
}
