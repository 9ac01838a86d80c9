import type { IssueVersionRequest, SignOffRequest, ThresholdVersion } from '../../../shared/threshold/schema.js';
import { api, ApiError, getWithEtag, sendWithEtag, type WithEtag } from './client.js';
import { getSession } from './session.js';

const base = '/api/threshold-documents';

/** `GET .../content` for a markdown version: the text with the hash it was issued under. */
export interface MarkdownContent {
  versionId: string;
  versionLabel: string;
  contentType: 'text/markdown';
  sha256: string;
  content: string;
}

/** `GET /api/threshold-config`: which agencies must sign versions issued from now on. */
export interface ThresholdConfig {
  requiredAgencyIds: string[];
  currentVersionId: string | null;
  version: number;
}

export const getThresholdConfig = () => getWithEtag<ThresholdConfig>('/api/threshold-config');

/** The lead sets who signs new versions; `etag` is the one they were shown (412 if someone else saved first). */
export const setRequiredAgencies = (requiredAgencyIds: string[], etag: string | undefined): Promise<WithEtag<ThresholdConfig>> =>
  sendWithEtag('/api/threshold-config', 'PUT', { requiredAgencyIds }, etag);

/** Every version, newest first, with its sign-off decisions. */
export const listVersions = () => api<ThresholdVersion[]>(base);

export const getMarkdownContent = (versionId: string) => api<MarkdownContent>(`${base}/${encodeURIComponent(versionId)}/content`);

/**
 * Issue a version whose document is markdown typed into the portal. `configEtag` is the ETag of
 * `GET /api/threshold-config` the lead was shown: issuing supersedes the current version and copies
 * who must sign, so the server refuses (412) if either changed meanwhile.
 */
export const issueVersion = async (body: IssueVersionRequest, configEtag: string | undefined) => (await sendWithEtag<ThresholdVersion>(base, 'POST', body, configEtag)).data;

/** Record the signatory's decision; `sha256` is the hash they were shown, so the server can refuse a mismatch. */
export const signOff = (versionId: string, body: SignOffRequest) => api<ThresholdVersion>(`${base}/${encodeURIComponent(versionId)}/sign-offs`, { body });

function bearer(): Record<string, string> {
  const token = getSession()?.token;
  if (!token) throw new ApiError(401, { detail: 'Your session has ended. Sign in again to continue.' });
  return { Authorization: `Bearer ${token}` };
}

async function problemOf(res: Response): Promise<ApiError> {
  let body: Record<string, unknown> = {};
  try {
    if ((res.headers.get('Content-Type') ?? '').includes('json')) body = (await res.json()) as Record<string, unknown>;
  } catch {
    /* not JSON: fall back to the status text */
  }
  return new ApiError(res.status, body);
}

/**
 * Issue a version from an uploaded PDF (multipart), guarded like {@link issueVersion}. Not through
 * `api()`: that sends JSON, and the browser must set the multipart boundary itself.
 */
export async function uploadVersion(fields: Omit<IssueVersionRequest, 'content'>, file: File, configEtag: string | undefined): Promise<ThresholdVersion> {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append('file', file);
  let res: Response;
  try {
    const headers: Record<string, string> = { Accept: 'application/json, application/problem+json', ...bearer(), ...(configEtag ? { 'If-Match': configEtag } : {}) };
    res = await fetch(`${base}/upload`, { method: 'POST', headers, body: form });
  } catch {
    throw new ApiError(0, {});
  }
  if (!res.ok) throw await problemOf(res);
  return (await res.json()) as ThresholdVersion;
}

/**
 * The PDF of a version as a Blob. A plain link cannot carry the bearer token, so the page fetches
 * the bytes and offers them as a download.
 */
export async function fetchPdf(versionId: string): Promise<Blob> {
  let res: Response;
  try {
    res = await fetch(`${base}/${encodeURIComponent(versionId)}/content`, { headers: { Accept: 'application/pdf', ...bearer() } });
  } catch {
    throw new ApiError(0, {});
  }
  if (!res.ok) throw await problemOf(res);
  return res.blob();
}
