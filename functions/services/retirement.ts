import { changedFields } from '../../shared/audit/changes.js';
import type { AuditInput } from '../db/transact.js';

/*
 * Retiring and restoring what the lead sets up (a workstream, an agency): the record's next
 * version and the audit event that goes with it, the same for both. What may be retired, and what
 * must be restored first, is each service's own rule.
 */

interface Retirable {
  id: string;
  name: string;
  version: number;
  retiredAt?: string | undefined;
  retiredBy?: string | undefined;
}

/** The record retired by `by` at `now`: its next version. */
export const retiredVersion = <T extends Retirable>(current: T, by: string, now: Date): T => ({
  ...current,
  retiredAt: now.toISOString(),
  retiredBy: by,
  version: current.version + 1,
});

/** The record back in use, as if it had never been retired: its next version. */
export function restoredVersion<T extends Retirable>(current: T): T {
  const { retiredAt: _at, retiredBy: _by, ...rest } = current;
  return { ...rest, version: current.version + 1 } as T;
}

/** The audit event of retiring or restoring a record (`workstream.retire`, `agency.restore`...). */
export function retirementEvent(kind: 'workstream' | 'agency' | 'indicator', current: Retirable, next: Retirable, entityId = current.id): AuditInput {
  const retiring = next.retiredAt !== undefined;
  return {
    action: `${kind}.${retiring ? 'retire' : 'restore'}`,
    entityType: kind,
    entityId,
    summary: `${retiring ? 'Retired' : 'Restored'} ${kind} "${current.name}"`,
    changes: changedFields(current, next, ['retiredAt', 'retiredBy']),
  };
}
