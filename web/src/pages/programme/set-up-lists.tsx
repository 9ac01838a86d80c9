import { createSignal, Show } from 'solid-js';
import { AGENCY_TYPE_LABELS } from '../../../../shared/partnership/schema.js';
import { listOf } from '../../../../shared/text/plural.js';
import { type Direction, lifecycle, type SetUpKind, setUpChanged } from '../../api/set-up.js';
import { isStale, saveErrors } from '../../components/form-state.js';
import { ButtonLink } from '../../components/link-line.js';
import { Loading } from '../../components/loading.js';
import { type Managed, ManagedList } from '../../components/managed-list.js';
import { useApp } from '../../state.js';
import type { MilestoneEvents } from './milestones.js';

/**
 * Programme set-up's workstreams and agencies, each in its order with what can be done to it.
 * Moving and restoring happen here; adding, changing and retiring each have a page.
 */
export function SetUpLists(props: { events: MilestoneEvents }) {
  const app = useApp();
  const [busy, setBusy] = createSignal(false);
  const data = () => (app.partnership.state === 'ready' ? app.partnership() : undefined);
  const name = (id: string) => app.agencyName(id) ?? id;
  const inUse = (id: string) => app.agencies().some((a) => a.id === id);

  /** Runs a change based on the version on show; the list reloads, and the outcome is said. */
  const run = async (change: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await change();
      await setUpChanged();
      props.events.onChanged(done);
    } catch (err) {
      props.events.onError(
        saveErrors(err, { stale: 'Someone else changed this list at the same time. It has been reloaded: check it and try again.', fallback: 'Something went wrong. Try again.' }),
      );
      if (isStale(err)) void setUpChanged();
    } finally {
      setBusy(false);
    }
  };
  const actions = (kind: SetUpKind) => ({
    href: (x: Managed, action: 'change' | 'retire') => `/programme/${kind}/${x.id}/${action}`,
    onMove: (x: Managed, direction: Direction) => run(() => lifecycle[kind].move(x.id, direction, x.version), `${x.name} moved ${direction}.`),
    onRestore: (x: Managed) => run(() => lifecycle[kind].restore(x.id, x.version), `${x.name} has been restored and is in use again.`),
  });

  return (
    <Show when={data()} fallback={<Loading label="Loading workstreams and agencies" />}>
      {(d) => (
        <>
          <h2 class="govuk-heading-m">Workstreams</h2>
          <p class="govuk-body">Each agency’s return has a section for every workstream it reports on, in this order.</p>
          <ManagedList
            noun="workstream"
            plural="Workstreams"
            items={d().workstreams}
            busy={busy()}
            {...actions('workstreams')}
            columns={[
              { key: 'lead', header: 'Lead agency', cell: (w) => name(w.leadAgencyId) },
              { key: 'reporting', header: 'Agencies reporting', cell: (w) => listOf(w.contributingAgencyIds.filter(inUse).map(name)) },
            ]}
          />
          <ButtonLink href="/programme/workstreams/new" secondary>
            Add a workstream
          </ButtonLink>
          <h2 class="govuk-heading-m">Agencies</h2>
          <p class="govuk-body">The agencies of the partnership, in the order pages list them.</p>
          <ManagedList
            noun="agency"
            plural="Agencies"
            items={d().agencies}
            busy={busy()}
            {...actions('agencies')}
            columns={[
              { key: 'type', header: 'Type', cell: (a) => AGENCY_TYPE_LABELS[a.type] },
              { key: 'statutory', header: 'Statutory partner', cell: (a) => (a.statutory ? 'Yes' : 'No') },
            ]}
          />
          <ButtonLink href="/programme/agencies/new" secondary>
            Add an agency
          </ButtonLink>
        </>
      )}
    </Show>
  );
}
