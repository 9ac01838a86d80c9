import { changedFields, type Changes } from '../../shared/audit/changes.js';
import type { StoredSection } from '../repositories/return-repository.js';

const FIELDS = ['confidence', 'narrative', 'milestones', 'risks', 'escalations', 'metrics', 'indicators'] as const;

/**
 * Field-level changes between the sections before and after a save, as `{"family-help.narrative":
 * {from, to}}`: only values that really changed (compared normalised, see shared/audit/changes.ts),
 * clipped so an audit event stays well inside DynamoDB's item limit.
 */
export function diffSections(before: StoredSection[], after: StoredSection[]): Changes {
  const old = new Map(before.map((s) => [s.workstreamId, s]));
  return Object.assign({}, ...after.map((s) => changedFields(old.get(s.workstreamId), s, FIELDS, `${s.workstreamId}.`))) as Changes;
}
