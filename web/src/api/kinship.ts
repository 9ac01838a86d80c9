import type { Category, ItemContent, ItemStatus } from '../../../shared/kinship/schema.js';
import { api, ifMatch, publicPartnershipApi, read, readWithEtag, seg, type OkOf, type WithEtag } from './client.js';
import { createApiQuery, createKeyedResource, invalidate, QUERY } from './queries.js';

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
export type PublicOffer = OkOf<(typeof publicPartnershipApi)['kinship-offer']['$get']>;

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

export const getPublicOffer = () => read(publicPartnershipApi['kinship-offer'].$get());

/* The Kinship Local Offer's data through the query cache: the register, one item, coverage and the public offer. */

/** The register's items for the filters given (only ever those filters' rows). */
export const useKinshipItems = (filter: () => ItemFilter) => createKeyedResource(QUERY.kinshipItems, filter, (f) => listItems(f));

/** The item in the address, with its ETag; no id (a new item), nothing fetched. */
export const createItemResource = (id: () => string | undefined) => createKeyedResource(QUERY.kinshipItem, id, getItem);

/** Which statutory categories the published offer covers, and the reviews overdue. */
export const useCoverage = () => createApiQuery(QUERY.kinshipCoverage, getCoverage);

/** The published offer as families read it (no sign-in). */
export const usePublicOffer = () => createApiQuery(QUERY.publicOffer, getPublicOffer);

/**
 * After any write to an item (create, edit, send for review, publish, return, retire): the register
 * and its review queue, the item, coverage, the public offer, the tracker and the audit trail.
 */
export const kinshipChanged = () => invalidate(QUERY.kinshipItems, QUERY.kinshipItem, QUERY.kinshipCoverage, QUERY.publicOffer, QUERY.tracker, QUERY.audit);

/** After a write answered with the item: the answer replaces the cached item, and everything that shows it loads again. */
export function afterItemWrite(answer: WithEtag<StaffItem>, mutate: (value: WithEtag<StaffItem>, forKey?: string) => void) {
  mutate(answer, answer.data.id);
  void kinshipChanged();
}
