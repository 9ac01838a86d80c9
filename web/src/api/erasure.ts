import type { EraseRequest } from '../../../shared/pii/erasure.js';
import { api, read } from './client.js';

/** `POST /api/erasures`: the lead removes personal data from a record and its history. */
export const erasePersonalData = (json: EraseRequest) => read(api.api.erasures.$post({ json }));
