import { createSignal, type JSX, Show } from 'solid-js';
import { ApiError } from '../api/client.js';
import './download-list.css';

/** What a download says while it runs, once done, and when it fails (the reason is added). */
export interface DownloadWords {
  preparing: string;
  done: string;
  failed: string;
}

/**
 * One place for how the kit's downloads behave: the API needs the bearer token, so each download
 * fetches its file and saves it; one runs at a time (`busy` names it), progress is announced in a
 * live region, and a failure says why. `status` is that region, for the caller to place.
 */
export function createDownloads<K>(): { busy: () => K | null; run: (key: K, words: DownloadWords, download: () => Promise<void>) => Promise<void>; status: () => JSX.Element } {
  const [message, setMessage] = createSignal('');
  const [error, setError] = createSignal('');
  const [busy, setBusy] = createSignal<K | null>(null);
  const run = async (key: K, words: DownloadWords, download: () => Promise<void>) => {
    setBusy(() => key);
    setError('');
    setMessage(words.preparing);
    try {
      await download();
      setMessage(words.done);
    } catch (err) {
      setMessage('');
      setError(err instanceof ApiError ? `${words.failed}: ${err.detail}` : `${words.failed}. Try again.`);
    } finally {
      setBusy(null);
    }
  };
  const status = () => (
    <>
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
  return { busy, run, status };
}
