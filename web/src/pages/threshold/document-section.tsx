import { createSignal, Match, Show, Switch } from 'solid-js';
import type { ThresholdVersion } from '../../../../shared/threshold/schema.js';
import { ApiError } from '../../api/client.js';
import { createKeyedResource, QUERY, type KeyedResource } from '../../api/queries.js';
import { fetchPdf, getMarkdownContent } from '../../api/threshold.js';
import { LoadingPlaceholder } from '../../components/loading.js';
import { Markdown } from '../../components/markdown.js';
import { SummaryList, SummaryRow } from '../../components/summary-list.js';
import { Hash } from './status.js';

/** A markdown version's text, and whether it matches the hash recorded for it (null: cannot check here). */
export interface VersionText {
  content: string;
  verified: boolean | null;
}

async function sha256Hex(text: string): Promise<string | null> {
  if (!globalThis.crypto?.subtle) return null;
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The text of a version issued as markdown (none for a PDF), fetched once per version and hash: a
 * refreshed record of the same version (after a decision) does not fetch it again.
 */
export function createVersionText(version: () => ThresholdVersion | undefined): KeyedResource<VersionText> {
  const [text] = createKeyedResource(
    QUERY.thresholdContent,
    () => {
      const v = version();
      return v?.contentType === 'text/markdown' ? { id: v.id, sha256: v.sha256 } : undefined;
    },
    async ({ id, sha256 }) => {
      const c = await getMarkdownContent(id);
      const local = await sha256Hex(c.content);
      return { content: c.content, verified: local === null ? null : local === sha256 && c.sha256 === sha256 };
    },
  );
  return text;
}

/** The document the partners sign: its hash, then the markdown rendered, or the PDF to download. */
export function DocumentBody(props: { version: ThresholdVersion; text: KeyedResource<VersionText> }) {
  const [pdfError, setPdfError] = createSignal<string | null>(null);
  const download = async () => {
    setPdfError(null);
    try {
      const blob = await fetchPdf(props.version.id);
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = `threshold-document-${props.version.id}.pdf`;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (err) {
      setPdfError(err instanceof ApiError ? err.detail : 'The PDF could not be downloaded. Try again.');
    }
  };
  return (
    <section id="document" aria-labelledby="document-heading">
      <h2 class="govuk-heading-m" id="document-heading">
        The document
      </h2>
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
    </section>
  );
}
