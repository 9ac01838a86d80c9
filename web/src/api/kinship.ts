import type { Category, Coverage, ItemContent, ItemStatus, KinshipItem, PublicItem } from '../../../shared/kinship/schema.js';
import { api, getWithEtag, sendWithEtag, type WithEtag } from './client.js';

const base = '/api/kinship-offer/items';

export interface ItemFilter {
  status?: ItemStatus | '';
  category?: Category | '';
  agencyId?: string;
}

/** A personal-data warning the server found in the item's text (shown to staff, never blocking here). */
export interface ItemWarning {
  path: string;
  kind: string;
  message: string;
}

export type StaffItem = KinshipItem & { warnings?: ItemWarning[] };

export interface PublicOffer {
  partnership: string;
  lastUpdated: string | null;
  groups: { category: Category; label: string; items: PublicItem[] }[];
}

/** The register, filtered on the server (empty filters are left out). */
export function listItems(filter: ItemFilter = {}): Promise<StaffItem[]> {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(filter)) if (v) q.set(k, v);
  const qs = q.toString();
  return api<StaffItem[]>(qs ? `${base}?${qs}` : base);
}

export const getItem = (id: string) => getWithEtag<StaffItem>(`${base}/${encodeURIComponent(id)}`);

export const createItem = (body: ItemContent) => api<StaffItem>(base, { body });

/** Edit guarded by the ETag the form was loaded with (412 when someone else saved first). */
export const updateItem = (id: string, patch: Partial<ItemContent>, etag: string | undefined): Promise<WithEtag<StaffItem>> =>
  sendWithEtag<StaffItem>(`${base}/${encodeURIComponent(id)}`, 'PATCH', patch, etag);

export type ItemAction = 'submit' | 'publish' | 'retire';

export const transitionItem = (id: string, action: ItemAction, etag: string | undefined): Promise<WithEtag<StaffItem>> =>
  sendWithEtag<StaffItem>(`${base}/${encodeURIComponent(id)}/${action}`, 'POST', {}, etag);

/** The lead sends an item in review back to its agency with a comment (If-Match of the item). */
export const returnItem = (id: string, comment: string, etag: string | undefined): Promise<WithEtag<StaffItem>> =>
  sendWithEtag<StaffItem>(`${base}/${encodeURIComponent(id)}/return`, 'POST', { comment }, etag);

export const getCoverage = () => api<Coverage>('/api/kinship-offer/coverage');

/** The published offer: no sign-in, so no token is sent. */
export const getPublicOffer = () => api<PublicOffer>('/api/public/kinship-offer', { anonymous: true });
