import { lazy, Match, Show, Switch } from 'solid-js';
import { useApp } from '../state.js';
import { LeadHome } from './home/lead-home.js';
import { PartnerHome } from './home/partner-home.js';

// The executive's home is the shared tracker: loaded on demand so other roles never download it.
const TrackerHome = lazy(() => import('./tracker/tracker-page.js').then((m) => ({ default: m.TrackerHomePage })));

/** `/`: each role lands on what it works with. */
export function HomePage() {
  const app = useApp();
  // Guarded rather than asserted: on sign-out the user goes away a moment before the route does.
  return (
    <Show when={app.me()}>
      {(me) => (
        <Switch>
          <Match when={me().role === 'lead'}>
            <LeadHome />
          </Match>
          <Match when={me().role === 'executive'}>
            <TrackerHome />
          </Match>
          <Match when={me().role === 'partner'}>
            <PartnerHome me={me()} />
          </Match>
        </Switch>
      )}
    </Show>
  );
}
