import { useSearchParams } from '@solidjs/router';
import { Match, Switch, type JSX } from 'solid-js';
import { ApiError } from '../../api/client.js';
import { getTracker, type Tracker } from '../../api/tracker.js';
import { Loading } from '../../components/loading.js';
import { Page } from '../../components/page.js';
import { createKeyedResource } from '../../components/results.js';
import { QUERY } from '../../api/queries.js';

/** The tracker for `?periodId=` (default: the current period), shared by the tracker and board report. */
export function useTracker() {
  const [search, setSearch] = useSearchParams<{ periodId?: string }>();
  // A period chosen in the picker shows the loading state until its figures arrive, never the last
  // period's figures under the new choice; a refetch after a save keeps the page as it is.
  const [tracker, { refetch }] = createKeyedResource(
    QUERY.tracker,
    () => ({ periodId: search.periodId }),
    ({ periodId }) => getTracker(periodId),
  );
  return { search, setSearch, tracker, refetch };
}

export function TrackerLoader(props: { data: ReturnType<typeof useTracker>; title: string; children: (t: () => Tracker) => JSX.Element }) {
  const t = props.data.tracker;
  return (
    <Switch fallback={<Loading label="Loading the tracker…" />}>
      <Match when={t.error && !t()}>
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
      </Match>
      <Match when={t()}>{(data) => props.children(data)}</Match>
    </Switch>
  );
}
