import { nextDay, ukDayStart, type AuditQuery, type AuditPersonView } from '../../shared/audit/query.js';
import type { AuditEvent } from '../db/transact.js';
import type { AuditHit, AuditPageRead, AuditPageRequest, AuditRepository, AuditStartKey } from '../repositories/audit-repository.js';
import type { UserRepository } from '../repositories/user-repository.js';

/** Queries one search may make: a page is bounded in calls whatever the size of the trail. */
export const MAX_QUERIES_PER_PAGE = 5;
/** Without a start date, the whole-partnership view looks back this many months. */
export const RECENT_MONTHS = 24;
/** With a filter on action or person, each Query reads up to this many items to find matches. */
const FILTERED_READ = 200;

export interface AuditPage {
  events: AuditEvent[];
  cursor: string | null;
}

/** Where the next page starts: a month of the whole-partnership view, and a key within a partition. */
interface Cursor {
  m?: string;
  k?: AuditStartKey;
}

/**
 * The audit trail, read by the programme lead: one record's history, one person's actions, or
 * everything in the partnership newest first, narrowed by action and UK dates. Each page is a few
 * Queries at most and carries a cursor to the next.
 */
export class AuditService {
  constructor(
    private readonly repo: AuditRepository,
    private readonly users: UserRepository,
  ) {}

  async search(q: AuditQuery, now: Date): Promise<AuditPage> {
    const record = q.entityType && q.entityId ? { type: q.entityType, id: q.entityId } : null;
    const limit = q.limit ?? (record ? 200 : 50);
    const newestFirst = q.order ? q.order === 'newest' : !record;
    const range = { ...(q.from ? { atOrAfter: ukDayStart(q.from) } : {}), ...(q.to ? { before: ukDayStart(nextDay(q.to)) } : {}) };
    const cursor = decodeCursor(q.cursor);
    const actorId = q.person ? await this.personId(q.person) : undefined;
    if (actorId === null) return { events: [], cursor: null };
    const base = { ...range, newestFirst, ...(q.action ? { action: q.action } : {}) };
    const filtered = !!q.action || (!!record && !!actorId);

    if (record) {
      return fill(limit, filtered, cursor.k, (page) => this.repo.listEventsOfRecord(record.type, record.id, { ...base, ...(actorId ? { actorId } : {}), ...page }));
    }
    if (actorId) return fill(limit, filtered, cursor.k, (page) => this.repo.listEventsByPerson(actorId, { ...base, ...page }));
    return this.searchByMonth(limit, filtered, base, cursor, now);
  }

  /** Everyone the lead can look for, by name (the search takes their id). */
  async listPeople(): Promise<{ people: AuditPersonView[] }> {
    const people = await this.users.listPeople();
    return { people: people.map((p) => ({ userId: p.id, name: p.name, role: p.role, agencyId: p.agencyId })).sort((a, b) => a.name.localeCompare(b.name, 'en-GB')) };
  }

  /** A person's id from their id or email; null for an email that is not a user of the partnership. */
  private async personId(person: string): Promise<string | null> {
    if (!person.includes('@')) return person;
    return (await this.users.getUserByEmail(person))?.id ?? null;
  }

  /** Walks month partitions (newest first by default) between the dates, a few Queries a page. */
  private async searchByMonth(limit: number, filtered: boolean, base: Omit<AuditPageRequest, 'limit'>, cursor: Cursor, now: Date): Promise<AuditPage> {
    const nowMonth = now.toISOString().slice(0, 7);
    const lastInstant = base.before ? new Date(Date.parse(base.before) - 1).toISOString().slice(0, 7) : nowMonth;
    // Months as 'YYYY-MM' strings: the earlier of the two (Math.min would not compare strings).
    // biome-ignore lint/complexity/useMathMinMax: strings, not numbers
    const upper = lastInstant < nowMonth ? lastInstant : nowMonth;
    const lower = base.atOrAfter ? base.atOrAfter.slice(0, 7) : addMonths(upper, 1 - RECENT_MONTHS);
    if (lower > upper) return { events: [], cursor: null };
    const step = base.newestFirst ? -1 : 1;
    const inRange = (m: string | undefined): m is string => !!m && /^\d{4}-\d{2}$/.test(m) && m >= lower && m <= upper;
    let month = inRange(cursor.m) ? cursor.m : base.newestFirst ? upper : lower;
    let start = inRange(cursor.m) ? cursor.k : undefined;
    const events: AuditEvent[] = [];
    for (let calls = 0; calls < MAX_QUERIES_PER_PAGE; calls++) {
      const want = limit - events.length;
      const read = await this.repo.listEventsOfMonth(month, { ...base, limit: filtered ? Math.max(want, FILTERED_READ) : want, ...(start ? { start } : {}) });
      const { taken, stop } = take(read, want);
      events.push(...taken);
      if (stop) return { events, cursor: encodeCursor({ m: month, k: stop }) };
      const nextMonth = addMonths(month, step);
      if (!inRange(nextMonth)) return { events, cursor: null };
      month = nextMonth;
      start = undefined;
      if (events.length >= limit) break;
    }
    return { events, cursor: encodeCursor({ m: month }) };
  }
}

/** Reads one partition until the page is full, it ends, or the call budget is spent. */
async function fill(
  limit: number,
  filtered: boolean,
  first: AuditStartKey | undefined,
  read: (page: { limit: number; start?: AuditStartKey }) => Promise<AuditPageRead>,
): Promise<AuditPage> {
  const events: AuditEvent[] = [];
  let start = first;
  for (let calls = 0; calls < MAX_QUERIES_PER_PAGE; calls++) {
    const want = limit - events.length;
    const { taken, stop } = take(await read({ limit: filtered ? Math.max(want, FILTERED_READ) : want, ...(start ? { start } : {}) }), want);
    events.push(...taken);
    if (!stop) return { events, cursor: null };
    if (events.length >= limit) return { events, cursor: encodeCursor({ k: stop }) };
    start = stop;
  }
  return { events, cursor: start ? encodeCursor({ k: start }) : null };
}

/**
 * Takes up to `want` events of a page read. `stop` is where reading goes on in this partition:
 * after the last event taken when the page filled before the read's end, else where the read
 * stopped (null at the partition's end).
 */
function take(read: AuditPageRead, want: number): { taken: AuditEvent[]; stop: AuditStartKey | null } {
  if (read.hits.length > want) {
    const kept: AuditHit[] = read.hits.slice(0, want);
    return { taken: kept.map((h) => h.event), stop: kept.at(-1)?.key ?? null };
  }
  return { taken: read.hits.map((h) => h.event), stop: read.next };
}

function addMonths(month: string, n: number): string {
  const d = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1 + n, 1));
  return d.toISOString().slice(0, 7);
}

function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify(c)).toString('base64url');
}

/** A cursor that is not ours reads as "from the beginning" (the repository checks the key itself). */
function decodeCursor(cursor: string | undefined): Cursor {
  if (!cursor) return {};
  try {
    const c = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as unknown;
    if (!c || typeof c !== 'object' || Array.isArray(c)) return {};
    const { m, k } = c as Record<string, unknown>;
    const key = k && typeof k === 'object' && !Array.isArray(k) && Object.values(k).every((v) => typeof v === 'string') ? (k as AuditStartKey) : undefined;
    return { ...(typeof m === 'string' ? { m } : {}), ...(key ? { k: key } : {}) };
  } catch {
    return {};
  }
}
