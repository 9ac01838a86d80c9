import type { ThresholdVersion } from '../../../../shared/threshold/schema.js';
import type { KeyedResource } from '../../api/queries.js';
import { DocumentChanges } from '../../components/document-changes.js';
import type { VersionText } from '../../api/threshold.js';

/** The changes between two issued versions, once both texts have loaded (none to show for a PDF). */
export function VersionChanges(props: { previous: ThresholdVersion; current: ThresholdVersion; before: KeyedResource<VersionText>; after: KeyedResource<VersionText> }) {
  const state = (): { before?: string; after?: string; unavailable?: string; loading?: boolean } => {
    const pdf = [props.current, props.previous].find((v) => v.contentType !== 'text/markdown');
    if (pdf) return { unavailable: `${pdf.versionLabel} was issued as a PDF, so the portal cannot compare the two versions. The summary of changes says what changed.` };
    if (props.before.error || props.after.error) return { unavailable: 'The changes could not be loaded. Reload the page to try again.' };
    const before = props.before();
    const after = props.after();
    return before && after ? { before: before.content, after: after.content } : { loading: true };
  };
  return (
    <DocumentChanges
      id="changes"
      fromLabel={props.previous.versionLabel}
      before={state().before ?? null}
      after={state().after ?? null}
      unavailable={state().unavailable}
      loading={state().loading}
    />
  );
}
