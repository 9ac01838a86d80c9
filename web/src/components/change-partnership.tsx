import { A } from '@solidjs/router';
import { Show } from 'solid-js';
import { useMyPartnerships } from '../api/partnerships.js';

/** For someone who works in more than one partnership: the way to the others (one sign-in for all). */
export function ChangePartnership() {
  const [list] = useMyPartnerships();
  return (
    <Show when={(list()?.partnerships.length ?? 0) > 1}>
      {' '}
      <A href="/partnerships" class="app-header__change-partnership">
        Change<span class="govuk-visually-hidden"> partnership</span>
      </A>
    </Show>
  );
}
