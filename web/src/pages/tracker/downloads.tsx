import { createSignal, For, Show } from 'solid-js';
import { ApiError } from '../../api/client.js';
import { downloadExport, EXPORTS, type ExportFile } from '../../api/tracker.js';

/**
 * Export buttons (lead and executive). Buttons, not links: the API needs the bearer token, so each
 * one fetches the file and saves it through a Blob URL. Progress is announced in a live region.
 */
export function Downloads(props: { periodId: string; periodName: string }) {
  const [message, setMessage] = createSignal('');
  const [error, setError] = createSignal('');
  const [busy, setBusy] = createSignal<ExportFile | null>(null);
  const download = async (file: ExportFile, label: string) => {
    setBusy(file);
    setError('');
    setMessage(`Preparing ${label.toLowerCase()}…`);
    try {
      await downloadExport(file, props.periodId);
      setMessage(`${label} for ${props.periodName} downloaded.`);
    } catch (err) {
      setMessage('');
      setError(err instanceof ApiError ? `${label} could not be downloaded: ${err.detail}` : `${label} could not be downloaded. Try again.`);
    } finally {
      setBusy(null);
    }
  };
  return (
    <section class="app-tracker-section app-tracker-downloads app-no-print" aria-labelledby="downloads-heading">
      <h2 class="govuk-heading-m" id="downloads-heading">
        Download the data
      </h2>
      <p class="govuk-body">The figures on this page for {props.periodName}, to use in your own reports. CSV files open in any spreadsheet.</p>
      <ul class="app-download-list">
        <For each={EXPORTS}>
          {(e) => (
            <li>
              <button
                type="button"
                class="govuk-button govuk-button--secondary app-download-list__button"
                disabled={busy() !== null}
                onClick={() => void download(e.file, e.label)}
                data-file={e.file}
              >
                Download {e.label.charAt(0).toLowerCase() + e.label.slice(1)}
              </button>
            </li>
          )}
        </For>
      </ul>
      <p class="govuk-body app-download-status" role="status" aria-live="polite">
        {message()}
      </p>
      <Show when={error()}>
        <p class="govuk-error-message" role="alert">
          {error()}
        </p>
      </Show>
    </section>
  );
}
