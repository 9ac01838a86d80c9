import { For } from 'solid-js';
import { createDownloads } from './download-status.js';
import './download-list.css';

/**
 * Buttons that download files, one each: buttons, not links, since each fetches its file with the
 * bearer token (`download`); the messages name the file (see download-status.tsx).
 */
export function DownloadList<F extends string>(props: {
  files: readonly { file: F; label: string }[];
  download: (file: F) => Promise<void>;
  /** what the files hold, for the status line: "Returns (CSV) for 2026-27 Q3 downloaded." */
  of: string;
}) {
  const downloads = createDownloads<F>();
  const download = (file: F, label: string) =>
    downloads.run(file, { preparing: `Preparing ${label.toLowerCase()}…`, done: `${label} for ${props.of} downloaded.`, failed: `${label} could not be downloaded` }, () =>
      props.download(file),
    );
  return (
    <>
      <ul class="app-download-list">
        <For each={props.files}>
          {(e) => (
            <li>
              <button
                type="button"
                class="govuk-button govuk-button--secondary app-download-list__button"
                disabled={downloads.busy() !== null}
                onClick={() => void download(e.file, e.label)}
                data-file={e.file}
              >
                Download {e.label.charAt(0).toLowerCase() + e.label.slice(1)}
              </button>
            </li>
          )}
        </For>
      </ul>
      {downloads.status()}
    </>
  );
}
