import type { LoginRequest, LoginResponse, Me } from '../../../shared/auth/roles.js';
import type { Agency, Partnership, Workstream } from '../../../shared/partnership/schema.js';
import { api } from './client.js';

/** `GET /api/config`: how this deployment signs people in. `partnershipName` is optional (newer servers). */
export interface PortalConfig {
  partnershipId: string;
  partnershipName?: string;
  auth: { mode: 'local' } | { mode: 'cognito'; clientId: string; domain?: string; region: string };
}

export interface PartnershipData {
  partnership: Partnership | null;
  agencies: Agency[];
  workstreams: Workstream[];
}

export const getConfig = () => api<PortalConfig>('/api/config', { anonymous: true });
export const login = (body: LoginRequest) => api<LoginResponse>('/api/auth/login', { body, anonymous: true });
export const getMe = () => api<Me>('/api/me');
export const getPartnership = () => api<PartnershipData>('/api/partnership');
