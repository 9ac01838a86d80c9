import { api, etagOfVersion, ifMatch, read, seg } from './client.js';
import type { PartnershipData } from './endpoints.js';
import { invalidate, QUERY } from './queries.js';

/**
 * Programme set-up of the partnership's workstreams and agencies, by the lead: add, change, move,
 * retire and restore. Each change but adding one is based on the version on show (412 if someone
 * else saved first). They are read with the partnership (`GET /partnership`), retired ones too.
 */

const workstreams = api.api.workstreams;
const agencies = api.api.agencies;
type NewWorkstream = Parameters<typeof workstreams.$post>[0]['json'];
type WorkstreamPatch = Parameters<(typeof workstreams)[':id']['$patch']>[0]['json'];
type NewAgency = Parameters<typeof agencies.$post>[0]['json'];
type AgencyPatch = Parameters<(typeof agencies)[':agencyId']['$patch']>[0]['json'];

export type SetUpWorkstream = PartnershipData['workstreams'][number];
export type SetUpAgency = PartnershipData['agencies'][number];
export type Direction = 'up' | 'down';
/** Workstreams or agencies: what the set-up pages and their addresses call each list. */
export type SetUpKind = 'workstreams' | 'agencies';

const versioned = (version: number) => ifMatch(etagOfVersion(version));
const ws = (id: string) => ({ param: { id: seg(id) } });
const ag = (id: string) => ({ param: { agencyId: seg(id) } });

export const addWorkstream = (json: NewWorkstream) => read(workstreams.$post({ json }));
export const changeWorkstream = (id: string, json: WorkstreamPatch, version: number) => read(workstreams[':id'].$patch({ ...ws(id), json }, versioned(version)));
export const addAgency = (json: NewAgency) => read(agencies.$post({ json }));
export const changeAgency = (id: string, json: AgencyPatch, version: number) => read(agencies[':agencyId'].$patch({ ...ag(id), json }, versioned(version)));

/** Move, retire and restore, for either list: the same three changes of one record. */
export const lifecycle: Record<
  SetUpKind,
  {
    move(id: string, direction: Direction, version: number): Promise<unknown>;
    retire(id: string, version: number): Promise<unknown>;
    restore(id: string, version: number): Promise<unknown>;
  }
> = {
  workstreams: {
    move: (id, direction, version) => read(workstreams[':id'].move.$post({ ...ws(id), json: { direction } }, versioned(version))),
    retire: (id, version) => read(workstreams[':id'].retire.$post(ws(id), versioned(version))),
    restore: (id, version) => read(workstreams[':id'].restore.$post(ws(id), versioned(version))),
  },
  agencies: {
    move: (id, direction, version) => read(agencies[':agencyId'].move.$post({ ...ag(id), json: { direction } }, versioned(version))),
    retire: (id, version) => read(agencies[':agencyId'].retire.$post(ag(id), versioned(version))),
    restore: (id, version) => read(agencies[':agencyId'].restore.$post(ag(id), versioned(version))),
  },
};

/**
 * A workstream or agency changed: the partnership and everything built on its workstreams and
 * agencies (returns, the tracker, readiness, what needs attention, the audit trail) load again.
 */
export const setUpChanged = () => invalidate(QUERY.partnership, QUERY.workstreams, QUERY.returns, QUERY.return, QUERY.tracker, QUERY.readiness, QUERY.attention, QUERY.audit);
