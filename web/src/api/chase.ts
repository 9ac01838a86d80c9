import type { ChaseKind } from '../../../shared/chase/schema.js';
import { api, read, seg, type OkOf } from './client.js';
import { createKeyedResource, invalidate, QUERY } from './queries.js';

/** The lead's chase buttons: one reminder now about an outstanding return or sign-off (once a day). */

export type Chases = OkOf<typeof api.api.chases.$get>;
export type Chase = Chases['chases'][number];

export const listChases = (kind: ChaseKind, of: string) => read(api.api.chases.$get({ query: { kind, of } }));

export const chaseReturn = (periodId: string, agencyId: string) =>
  read(api.api.returns[':periodId'][':agencyId'].chase.$post({ param: { periodId: seg(periodId), agencyId: seg(agencyId) } }));

export const chaseSignOff = (versionId: string, agencyId: string) =>
  read(api.api['threshold-documents'][':versionId']['sign-offs'][':agencyId'].chase.$post({ param: { versionId: seg(versionId), agencyId: seg(agencyId) } }));

/** When the items of a period (returns) or a version (sign-offs) were last chased; nothing fetched without a key. */
export const useChases = (key: () => readonly [ChaseKind, string] | undefined) => createKeyedResource(QUERY.chases, key, ([kind, of]) => listChases(kind, of));

/** After a chase: the lists of chases load again (the audit trail shows it too). */
export const chased = () => invalidate(QUERY.chases, QUERY.audit, QUERY.history);

/**
 * The chases of a period's returns or a version's sign-offs, by agency, with the chase itself
 * (`send`), after which they load again; nothing fetched while `key` is undefined.
 */
export function useAgencyChases(key: () => readonly [ChaseKind, string] | undefined, send: (agencyId: string) => Promise<Chase>) {
  const [chases] = useChases(key);
  return {
    last: (agencyId: string) => chases()?.chases.find((c) => c.agencyId === agencyId),
    reminded: (agencyId: string) => chases()?.reminders.find((r) => r.agencyId === agencyId),
    chase: async (agencyId: string) => {
      const c = await send(agencyId);
      await chased();
      return c;
    },
  };
}
