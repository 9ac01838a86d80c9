import type { IssueVersionRequest, SignOffRequest } from '../../../shared/threshold/schema.js';
import { api, ifMatch, read, readWithEtag, seg, type OkOf, type WithEtag } from './client.js';

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

/** A PDF version's bytes. */
export async function fetchPdf(versionId: string): Promise<Blob> {
  const res = await docs[':versionId'].content.$get({ param: { versionId: seg(versionId) } }, { headers: { Accept: 'application/pdf' } });
  return res.blob();
}
