import { createSignal, For, Show } from 'solid-js';
import { ApiError } from '../api/client.js';
import './download-list.css';

/**
 * Buttons that download files, one each. Buttons, not links: the API needs the bearer token, so
 * each one fetches its file (`download`) and saves it. Progress is announced in a live region, and
 * a failure says which file and why; one download runs at a time.
 */
export function DownloadList<F extends string>(props: {
  files: readonly { file: F; label: string }[];
  download: (file: F) => Promise<void>;
  /** what the files hold, for the status line: "Returns (CSV) for 2026-27 Q3 downloaded." */
  of: string;
}) {
  const [message, setMessage] = createSignal('');
  const [error, setError] = createSignal('');
  const [busy, setBusy] = createSignal<F | null>(null);
  const download = async (file: F, label: string) => {
    setBusy(() => file);
    setError('');
    setMessage(`Preparing ${label.toLowerCase()}…`);
    try {
      await props.download(file);
      setMessage(`${label} for ${props.of} downloaded.`);
    } catch (err) {
      setMessage('');
      setError(err instanceof ApiError ? `${label} could not be downloaded: ${err.detail}` : `${label} could not be downloaded. Try again.`);
    } finally {
      setBusy(null);
    }
  };
  return (
    <>
      <ul class="app-download-list">
        <For each={props.files}>
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
    </>
  );
}
