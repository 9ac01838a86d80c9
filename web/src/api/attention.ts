import { api, read, type OkOf } from './client.js';
import { createApiQuery, QUERY } from './queries.js';

export type Attention = OkOf<typeof api.api.attention.$get>;
export type AttentionItem = Attention['items'][number];

/** What needs the signed-in person now (fetched again each time a home page opens). */
export const useAttention = () => createApiQuery(QUERY.attention, () => read(api.api.attention.$get()));
