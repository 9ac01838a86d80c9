import { read, serviceApi, type OkOf } from './client.js';
import { createApiQuery, QUERY } from './queries.js';

/** The partnerships the signed-in person works in: one sign-in for all of them. */
export type Membership = OkOf<typeof serviceApi.api.partnerships.$get>['partnerships'][number];

export const getMyPartnerships = () => read(serviceApi.api.partnerships.$get());

export const useMyPartnerships = () => createApiQuery(QUERY.myPartnerships, getMyPartnerships);
