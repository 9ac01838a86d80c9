import { createDownloads } from './download-status.js';

/**
 * One button that downloads one file (a report as a Word document), as the kit's DownloadList does
 * for a set of exports. `what` names the file in its messages ("the Word document").
 */
export function DownloadButton(props: { label: string; what: string; download: () => Promise<void>; secondary?: boolean }) {
  const downloads = createDownloads<true>();
  const sentence = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
  const download = () =>
    downloads.run(
      true,
      { preparing: `Preparing ${props.what}…`, done: `${sentence(props.what)} has been downloaded.`, failed: `${sentence(props.what)} could not be downloaded` },
      props.download,
    );
  return (
    <div class="app-download-button">
      <button
        type="button"
        class="govuk-button"
        classList={{ 'govuk-button--secondary': props.secondary !== false }}
        disabled={downloads.busy() !== null}
        onClick={() => void download()}
      >
        {props.label}
      </button>
      {downloads.status()}
    </div>
  );
}
