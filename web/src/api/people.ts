import type { PeopleQuery } from '../../../shared/users/schema.js';
import { api, etagOfVersion, ifMatch, publicApi, read, readWithEtag, seg, type OkOf } from './client.js';
import { createKeyedResource, invalidate, QUERY } from './queries.js';

/** People of the partnership: the lead's (and an agency administrator's) administration, and invitations. */

const people = api.api.people;
const person = people[':id'];

export type PeopleList = OkOf<typeof people.$get>;
export type Person = PeopleList['people'][number];
export type PersonDetail = OkOf<typeof person.$get>;
export type InviteResult = OkOf<typeof people.$post>;
type InviteBody = Parameters<typeof people.$post>[0]['json'];
type PersonPatch = Parameters<typeof person.$patch>[0]['json'];

/** `GET /api/people`: the people who match the filters (empty ones are left out of the address). */
export function listPeople(query: PeopleQuery): Promise<PeopleList> {
  const q = Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined && v !== '')) as PeopleQuery;
  return read(people.$get({ query: q }));
}

export const getPerson = (id: string) => read(person.$get({ param: { id: seg(id) } }));

export const invitePerson = (json: InviteBody) => read(people.$post({ json }));

export const updatePerson = (id: string, json: PersonPatch, version: number) => readWithEtag(person.$patch({ param: { id: seg(id) }, json }, ifMatch(etagOfVersion(version))));

export const deactivatePerson = (id: string, version: number) => read(person.deactivate.$post({ param: { id: seg(id) } }, ifMatch(etagOfVersion(version))));
export const reactivatePerson = (id: string, version: number) => read(person.reactivate.$post({ param: { id: seg(id) } }, ifMatch(etagOfVersion(version))));
export const resendInvitation = (id: string, version: number) => read(person.invitation.$post({ param: { id: seg(id) } }, ifMatch(etagOfVersion(version))));

/** Whose invitation a set-password link is (no sign-in: the link is the key). */
export const checkInvitation = (token: string) => read(publicApi.api.auth.invitation.$post({ json: { token } }));
export const setPassword = (token: string, password: string) => read(publicApi.api.auth['set-password'].$post({ json: { token, password } }));

/** The people who match the filters given (only ever those filters' rows). */
export const usePeople = (query: () => PeopleQuery) => createKeyedResource(QUERY.people, query, listPeople);

/** One person and their account's history, cached under their id (the person, change and deactivate pages share it). */
export const usePerson = (id: () => string) => createKeyedResource(QUERY.person, id, getPerson);

/** After any change to a person: the lists, the person and the audit trail's people load again. */
export const peopleChanged = () => invalidate(QUERY.people, QUERY.person, QUERY.auditPeople);
