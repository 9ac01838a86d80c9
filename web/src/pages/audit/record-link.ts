import { ENTITY_TYPE_LABELS, type AuditedEntityType } from '../../../../shared/audit/query.js';

/**
 * The page of the record an event is about, where the portal has one and the event's id is
 * enough to build it. Readiness assessments and criteria are filed by workstream, which their
 * events do not carry, so they link to the readiness overview.
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
      return '/tracker';
    default:
      return null;
  }
}

/** "Return 2026-27-Q3/kent-police", in words people use. */
export function recordLabel(entityType: string, entityId: string): string {
  return `${ENTITY_TYPE_LABELS[entityType as AuditedEntityType] ?? entityType} ${entityId}`;
}

const DATE_TIME = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'long', year: 'numeric', hour: 'numeric', minute: '2-digit', hourCycle: 'h12' });

/** "21 November 2026, 4:45pm" in UK time, as GOV.UK writes times. */
export function formatWhen(iso: string): string {
  const parts = DATE_TIME.formatToParts(new Date(iso));
  const p = (t: string) => parts.find((x) => x.type === t)?.value ?? '';
  const period = p('dayPeriod').toLowerCase();
  const noonOrMidnight = p('hour') === '12' && p('minute') === '00' ? (period === 'am' ? 'midnight' : 'midday') : null;
  const time = noonOrMidnight ?? (p('minute') === '00' ? `${p('hour')}${period}` : `${p('hour')}:${p('minute')}${period}`);
  return `${p('day')} ${p('month')} ${p('year')}, ${time}`;
}
