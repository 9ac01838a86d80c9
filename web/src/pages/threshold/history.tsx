import { A } from '@solidjs/router';
import { createResource, For, Match, Show, Switch } from 'solid-js';
import type { ThresholdVersion } from '../../../../shared/threshold/schema.js';
import { getThresholdConfig } from '../../api/threshold.js';
import { Loading } from '../../components/loading.js';
import { useApp } from '../../state.js';
import { formatDate } from './form-fields.js';
import { StatusTag } from './status.js';

/** Every version issued, newest first. */
export function History(props: { versions: ThresholdVersion[] }) {
  return (
    <section aria-labelledby="history-heading">
      <h2 class="govuk-heading-m" id="history-heading">
        Version history
      </h2>
      <div class="app-table-scroll" role="region" aria-label="Every version issued, newest first" tabindex="0">
        <table class="govuk-table app-history-table">
          <caption class="govuk-table__caption govuk-visually-hidden">Every version issued, newest first</caption>
          <thead class="govuk-table__head">
            <tr class="govuk-table__row">
              <th scope="col" class="govuk-table__header">Version</th>
              <th scope="col" class="govuk-table__header">Issued</th>
              <th scope="col" class="govuk-table__header">Effective from</th>
              <th scope="col" class="govuk-table__header">Status</th>
              <th scope="col" class="govuk-table__header">Signed off</th>
            </tr>
          </thead>
          <tbody class="govuk-table__body">
            <For each={props.versions}>
              {(v) => (
                <tr class="govuk-table__row">
                  <th scope="row" class="govuk-table__header">
                    {v.versionLabel}
                    <span class="app-table-sub">{v.title}</span>
                  </th>
                  <td class="govuk-table__cell" data-label="Issued">{formatDate(v.issuedAt)}</td>
                  <td class="govuk-table__cell" data-label="Effective from">{formatDate(v.effectiveFrom)}</td>
                  <td class="govuk-table__cell" data-label="Status">
                    <StatusTag status={v.status} />
                  </td>
                  <td class="govuk-table__cell" data-label="Signed off">{v.signedOffAt ? formatDate(v.signedOffAt) : 'Not signed off'}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** The lead's view of who must sign versions issued from now on, with the way to change it. */
export function WhoSigns() {
  const app = useApp();
  const [config] = createResource(getThresholdConfig);
  return (
    <section aria-labelledby="who-signs-heading">
      <h2 class="govuk-heading-m" id="who-signs-heading">
        Who signs new versions
      </h2>
      <Switch fallback={<Loading label="Loading who signs…" />}>
        <Match when={config.error}>
          <p class="govuk-body">Who signs could not be loaded. Reload the page to try again.</p>
        </Match>
        <Match when={config()}>
          {(c) => (
            <Show when={c().data.requiredAgencyIds.length > 0} fallback={<p class="govuk-body">No agencies are set to sign. Choose them before you issue a version.</p>}>
              <p class="govuk-body">Each of these agencies must approve a version before it is signed off:</p>
              <ul class="govuk-list govuk-list--bullet" data-testid="who-signs">
                <For each={c().data.requiredAgencyIds}>{(id) => <li>{app.agencyName(id)}</li>}</For>
              </ul>
            </Show>
          )}
        </Match>
      </Switch>
      <p class="govuk-body">
        <A href="/threshold/signatories" class="govuk-link">
          Change who signs new versions
        </A>
      </p>
    </section>
  );
}
