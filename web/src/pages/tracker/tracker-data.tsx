import { useSearchParams } from '@solidjs/router';
import { Match, Switch, type JSX } from 'solid-js';
import { ApiError } from '../../api/client.js';
import { type Tracker, useTracker as useTrackerFor } from '../../api/tracker.js';
import { Loaded } from '../../components/loaded.js';
import { Page } from '../../components/page.js';

/** The tracker for `?periodId=` (default: the current period), shared by the tracker and board report. */
export function useTracker() {
  const [search, setSearch] = useSearchParams<{ periodId?: string }>();
  const [tracker, { refetch }] = useTrackerFor(() => search.periodId);
  return { search, setSearch, tracker, refetch };
}

export function TrackerLoader(props: { data: ReturnType<typeof useTracker>; title: string; children: (t: () => Tracker) => JSX.Element }) {
  const t = props.data.tracker;
  return (
    <Loaded
      data={t}
      loading="Loading the tracker…"
      error={
        <Page title={props.title}>
          <Switch>
            <Match when={t.error instanceof ApiError && t.error.status === 404}>
              <p class="govuk-body">{(t.error as ApiError).detail}</p>
              <p class="govuk-body">The tracker fills in once the programme lead opens a reporting period and agencies send their returns.</p>
            </Match>
            <Match when={true}>
              <p class="govuk-body">{t.error instanceof ApiError ? t.error.detail : 'The tracker could not be loaded. Try again later.'}</p>
            </Match>
          </Switch>
        </Page>
      }
    >
      {(data) => props.children(data)}
    </Loaded>
  );
}
