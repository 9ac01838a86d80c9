import { getItem } from '../../api/kinship.js';
import { createKeyedResource, invalidate, QUERY } from '../../api/queries.js';

/** The item in the address, with its ETag; no id (a new item), nothing fetched. */
export const createItemResource = (id: () => string | undefined) => createKeyedResource(QUERY.kinshipItem, id, getItem);

/**
 * After any write to an item (create, edit, send for review, publish, return, retire): the register
 * and its review queue, the item, coverage, the public offer, the tracker and the audit trail.
 */
export const kinshipChanged = () => invalidate(QUERY.kinshipItems, QUERY.kinshipItem, QUERY.kinshipCoverage, QUERY.publicOffer, QUERY.tracker, QUERY.audit);
