import type { EraseRequest, ErasureResult } from '../../../shared/pii/erasure.js';
import { api } from './client.js';

/** `POST /api/erasures`: the lead removes personal data from a record and its history. */
export const erasePersonalData = (body: EraseRequest) => api<ErasureResult>('/api/erasures', { method: 'POST', body });
