import type { LoginRequest } from '../../../shared/auth/roles.js';
import { api, publicApi, read, type OkOf } from './client.js';

/** `GET /api/config`: how this deployment signs people in. */
export type PortalConfig = OkOf<typeof publicApi.api.config.$get>;
/** `GET /api/partnership`: the partnership, its agencies and workstreams. */
export type PartnershipData = OkOf<typeof api.api.partnership.$get>;
export type Me = OkOf<typeof api.api.me.$get>;

export const getConfig = () => read(publicApi.api.config.$get());
export const login = (json: LoginRequest) => read(publicApi.api.auth.login.$post({ json }));
export const getMe = () => read(api.api.me.$get());
export const getPartnership = () => read(api.api.partnership.$get());
