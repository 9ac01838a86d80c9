import type { Category, ItemContent, ItemStatus } from '../../../shared/kinship/schema.js';
import { api, ifMatch, publicApi, read, readWithEtag, seg, type OkOf, type WithEtag } from './client.js';

/** The Kinship Local Offer register (staff) and the public offer. */

const items = api.api['kinship-offer'].items;

export interface ItemFilter {
  status?: ItemStatus | '';
  category?: Category | '';
  agencyId?: string;
}

type ItemWithWarnings = OkOf<(typeof items)[':id']['$get']>;
export type ItemWarning = ItemWithWarnings['warnings'][number];
/** An item as staff see it; reads carry its personal-data warnings, writes answer the item alone. */
export type StaffItem = Omit<ItemWithWarnings, 'warnings'> & { warnings?: ItemWarning[] };
export type PublicOffer = OkOf<(typeof publicApi.api.public)['kinship-offer']['$get']>;

export function listItems(filter: ItemFilter = {}) {
  const query: Record<string, string> = {};
  for (const [k, v] of Object.entries(filter)) if (v) query[k] = v;
  return read(items.$get({ query }));
}

export const getItem = (id: string): Promise<WithEtag<StaffItem>> => readWithEtag(items[':id'].$get({ param: { id: seg(id) } }));

export const createItem = (json: ItemContent) => read(items.$post({ json }));

/** Edit guarded by the ETag the form was loaded with (412 when someone else saved first). */
export const updateItem = (id: string, json: Partial<ItemContent>, etag: string | undefined): Promise<WithEtag<StaffItem>> =>
  readWithEtag(items[':id'].$patch({ param: { id: seg(id) }, json }, ifMatch(etag)));

export type ItemAction = 'submit' | 'publish' | 'retire';

export const transitionItem = (id: string, action: ItemAction, etag: string | undefined): Promise<WithEtag<StaffItem>> =>
  readWithEtag(items[':id'][action].$post({ param: { id: seg(id) } }, ifMatch(etag)));

export const returnItem = (id: string, comment: string, etag: string | undefined): Promise<WithEtag<StaffItem>> =>
  readWithEtag(items[':id'].return.$post({ param: { id: seg(id) }, json: { comment } }, ifMatch(etag)));

export const getCoverage = () => read(api.api['kinship-offer'].coverage.$get());

export const getPublicOffer = () => read(publicApi.api.public['kinship-offer'].$get());
