import { type AuditedEntityType, ENTITY_TYPE_LABELS } from './query.js';

/**
 * The portal page of the record an audit event is about, where the portal has one and the event's
 * id is enough to build it. Readiness assessments and criteria are filed by workstream, which
 * their events do not carry, so they link to the readiness overview.
 */
export function recordHref(entityType: string, entityId: string): string | null {
  const parts = entityId.split('/').map(encodeURIComponent);
  const [first = '', second = ''] = parts;
  switch (entityType) {
    case 'return':
      return parts.length === 2 ? `/returns/${first}/${second}` : null;
    case 'period':
      return `/returns/${first}`;
    case 'kinship-item':
      return `/kinship/${first}`;
    case 'threshold-document':
      return '/threshold';
    case 'assessment':
    case 'criterion':
      return '/readiness';
    case 'milestone':
      return '/programme';
    case 'workstream':
      // An overall confidence is filed as workstream/period; the workstream itself is run on set-up.
      return parts.length === 2 ? '/tracker' : '/programme';
    case 'agency':
      return '/programme';
    case 'indicator':
      return parts.length === 2 ? `/measures/${first}` : null;
    case 'measure-settings':
      return '/measures';
    case 'yearly-report':
      return `/reports/${first}`;
    default:
      return null;
  }
}

/** "Return 2026-27-Q3/kent-police", in words people use. */
export function recordLabel(entityType: string, entityId: string): string {
  return `${ENTITY_TYPE_LABELS[entityType as AuditedEntityType] ?? entityType} ${entityId}`;
}
