import { createSignal, Match, Show, Switch } from 'solid-js';
import type { ThresholdVersion } from '../../../../shared/threshold/schema.js';
import { ApiError } from '../../api/client.js';
import type { KeyedResource } from '../../api/queries.js';
import { downloadPdf, type VersionText } from '../../api/threshold.js';
import { LoadingPlaceholder } from '../../components/loading.js';
import { Markdown } from '../../components/markdown.js';
import { SummaryList, SummaryRow } from '../../components/summary-list.js';
import { Hash } from '../../components/hash.js';
import { Section } from '../../components/section.js';

/** The document the partners sign: its hash, then the markdown rendered, or the PDF to download. */
export function DocumentBody(props: { version: ThresholdVersion; text: KeyedResource<VersionText> }) {
  const [pdfError, setPdfError] = createSignal<string | null>(null);
  const download = async () => {
    setPdfError(null);
    try {
      await downloadPdf(props.version.id);
    } catch (err) {
      setPdfError(err instanceof ApiError ? err.detail : 'The PDF could not be downloaded. Try again.');
    }
  };
  return (
    <Section headingId="document-heading" title="The document" id="document">
      <SummaryList class="app-hash-list">
        <SummaryRow key="SHA-256">
          <Hash value={props.version.sha256} id="document-sha256" />
        </SummaryRow>
      </SummaryList>
      <Switch>
        <Match when={props.version.contentType === 'application/pdf'}>
          <p class="govuk-body">This version was issued as a PDF ({Math.max(1, Math.round(props.version.size / 1024))} KB).</p>
          <Show when={pdfError()}>
            <p class="govuk-error-message">{pdfError()}</p>
          </Show>
          <button type="button" class="govuk-button govuk-button--secondary" onClick={download}>
            Download the PDF of {props.version.versionLabel}
          </button>
        </Match>
        <Match when={props.text.error}>
          <p class="govuk-body">The document could not be loaded. Reload the page to try again.</p>
        </Match>
        <Match when={props.text()}>{(c) => <Markdown source={c().content} headingOffset={2} class="app-document" />}</Match>
        <Match when={true}>
          <LoadingPlaceholder label="Loading the document…" lines={12} />
        </Match>
      </Switch>
    </Section>
  );
}
