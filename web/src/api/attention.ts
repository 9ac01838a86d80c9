import { api, currentPartnership, read, serviceApi, type OkOf } from './client.js';
import { createApiQuery, QUERY } from './queries.js';

export type Attention = OkOf<typeof api.api.attention.$get>;
export type AttentionItem = Attention['items'][number];

/** What needs the signed-in person now (fetched again each time a home page opens). */
export const useAttention = () => createApiQuery(QUERY.attention, () => read(api.api.attention.$get()));

/** What needs the person in each of their other partnerships (asked only of people in more than one). */
export const useAttentionEverywhere = (enabled: () => boolean) =>
  createApiQuery(
    QUERY.attentionEverywhere,
    // The partnership this page is in has its own list: leave it out.
    async () => read(serviceApi.api.partnerships.attention.$get({ query: { except: await currentPartnership() } })),
    enabled,
  );
