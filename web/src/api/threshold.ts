import type { IssueVersionRequest, SignOffRequest } from '../../../shared/threshold/schema.js';
import { api, ifMatch, read, readWithEtag, saveResponse, seg, type OkOf, type WithEtag } from './client.js';
import { createApiQuery, createKeyedResource, invalidate, QUERY, type KeyedResource } from './queries.js';

/** Threshold document versions, who signs them, and their sign-off. */

const docs = api.api['threshold-documents'];

export type ThresholdConfig = OkOf<(typeof api.api)['threshold-config']['$get']>;
export type ThresholdVersion = OkOf<(typeof docs)[':versionId']['$get']>;
/** A version's Markdown text (PDF versions are fetched as a file: {@link fetchPdf}). */
export type MarkdownContent = Extract<OkOf<(typeof docs)[':versionId']['content']['$get']>, { content: string }>;

export const getThresholdConfig = () => readWithEtag(api.api['threshold-config'].$get());

/** The lead sets who signs new versions; `etag` is the one they were shown (412 if someone else saved first). */
export const setRequiredAgencies = (requiredAgencyIds: string[], etag: string | undefined): Promise<WithEtag<ThresholdConfig>> =>
  readWithEtag(api.api['threshold-config'].$put({ json: { requiredAgencyIds } }, ifMatch(etag)));

export const listVersions = () => read(docs.$get());

/** A Markdown version's text as JSON (the route answers JSON unless asked for the PDF itself). */
export const getMarkdownContent = async (versionId: string) => (await read(docs[':versionId'].content.$get({ param: { versionId: seg(versionId) } }))) as MarkdownContent;

/**
 * Issues a new version. `configEtag` is the signatory configuration the lead saw when they chose
 * who must sign, so the server refuses (412) if either changed meanwhile.
 */
export const issueVersion = (json: IssueVersionRequest, configEtag: string | undefined) => read(docs.$post({ json }, ifMatch(configEtag)));

export const signOff = (versionId: string, json: SignOffRequest) => read(docs[':versionId']['sign-offs'].$post({ param: { versionId: seg(versionId) }, json }));

/** Issues a version from an uploaded PDF (multipart: the fields and the file). */
export function uploadVersion(fields: Omit<IssueVersionRequest, 'content'>, file: File, configEtag: string | undefined): Promise<ThresholdVersion> {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append('file', file);
  return read(docs.upload.$post(undefined, { ...ifMatch(configEtag), init: { body: form } })) as Promise<ThresholdVersion>;
}

const pdf = (versionId: string) => docs[':versionId'].content.$get({ param: { versionId: seg(versionId) } }, { headers: { Accept: 'application/pdf' } });

/** A PDF version's bytes. */
export async function fetchPdf(versionId: string): Promise<Blob> {
  return (await pdf(versionId)).blob();
}

/** Downloads a PDF version under the name the portal gives it (`mscp-threshold-document-<id>.pdf`). */
export async function downloadPdf(versionId: string): Promise<void> {
  await saveResponse(await pdf(versionId), `threshold-document-${versionId}.pdf`);
}

/* The threshold document's data through the query cache: its versions, who signs, and a version's text. */

/** Every version issued, newest first. */
export const useThresholdVersions = () => createApiQuery(QUERY.thresholdVersions, listVersions);

/** Who signs new versions, with its ETag (issuing and changing who signs are guarded by it); `enabled` false fetches nothing. */
export const useThresholdConfig = (enabled?: () => boolean) => createApiQuery(QUERY.thresholdConfig, getThresholdConfig, enabled);

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

/** A version issued or decided on (a decision can sign it off): the versions, the configuration's ETag, the home pages' and tracker's view of it, the audit trail. */
export const thresholdChanged = () => invalidate(QUERY.thresholdVersions, QUERY.thresholdConfig, QUERY.tracker, QUERY.audit);

/** Who signs was changed: it is part of the configuration issuing is guarded by, and the change is audited. */
export const signatoriesChanged = () => invalidate(QUERY.thresholdConfig, QUERY.audit);
