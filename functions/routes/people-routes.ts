import { partnershipApiPath } from '../../shared/partnership/paths.js';
import { z } from 'zod';
import { InvitePersonRequest, PeopleQuery, PeopleView, PersonDetailView, PersonView, UpdatePersonRequest } from '../../shared/users/schema.js';
import { writeContext } from '../http/auth-middleware.js';
import { etagFor } from '../http/etag.js';
import { apiRoutes, declareRoute, json, pathParam } from '../http/route.js';

/*
 * People: the programme lead manages everyone; an agency administrator (a partner with that flag)
 * manages their own agency's partners. Partners without the flag are refused by the service (403),
 * executives by the role check.
 */

const MANAGERS = ['lead', 'partner'] as const;
const PersonId = z.string().uuid();
const person = { id: pathParam(PersonId, 'person') };
// Names and work email addresses of staff are this part's purpose, not case data: nothing is asked
// about them, but an NHS or National Insurance number is still refused.
const ABOUT_STAFF = { identifiersOnly: true } as const;

const InviteResult = z
  .object({ person: PersonView, invitationSent: z.boolean().describe('False when the invitation email could not be sent: resend it') })
  .meta({ id: 'InviteResult' });

const listPeople = declareRoute({
  method: 'get',
  path: '/people',
  operationId: 'listPeople',
  summary: 'People of the partnership (an agency administrator sees their own agency’s partners)',
  tag: 'People',
  roles: MANAGERS,
  query: PeopleQuery,
  response: json(PeopleView, 'The people who match, by name'),
});

const invitePerson = declareRoute({
  method: 'post',
  path: '/people',
  operationId: 'invitePerson',
  summary: 'Invite someone: their account is created and they are emailed how to sign in',
  tag: 'People',
  roles: MANAGERS,
  body: { schema: InvitePersonRequest, personalData: ABOUT_STAFF },
  status: 201,
  response: json(InviteResult, 'The invited person', { etag: true, location: true }),
  errors: [409, 422],
});

const getPerson = declareRoute({
  method: 'get',
  path: '/people/{id}',
  operationId: 'getPerson',
  summary: 'One person and the history of their account',
  tag: 'People',
  roles: MANAGERS,
  params: person,
  response: json(PersonDetailView, 'The person and what has happened to their account, newest first', { etag: true }),
});

const updatePerson = declareRoute({
  method: 'patch',
  path: '/people/{id}',
  operationId: 'updatePerson',
  summary: 'Change a person’s name, role, agency or flags (only the fields sent change)',
  tag: 'People',
  roles: MANAGERS,
  ifMatch: 'required',
  params: person,
  body: { schema: UpdatePersonRequest, personalData: ABOUT_STAFF },
  response: json(PersonView, 'The person as saved', { etag: true }),
  errors: [422],
});

/** An action on one person: versioned, refused by a rule with 422 (e.g. deactivating yourself). */
const action = <P extends string, R>(path: P, operationId: string, summary: string, response: R) =>
  declareRoute({ method: 'post', path, operationId, summary, tag: 'People', roles: MANAGERS, ifMatch: 'required', params: person, response, errors: [422] });

const deactivatePerson = action(
  '/people/{id}/deactivate',
  'deactivatePerson',
  'Deactivate: refused on every page within a minute, signed out everywhere',
  json(PersonView, 'The person, deactivated', { etag: true }),
);
const reactivatePerson = action(
  '/people/{id}/reactivate',
  'reactivatePerson',
  'Give a deactivated person their access back',
  json(PersonView, 'The person, active again', { etag: true }),
);
const resendInvitation = action(
  '/people/{id}/invitation',
  'resendInvitation',
  'Send a new invitation to someone who has not signed in yet',
  json(InviteResult, 'The person, with the new invitation', { etag: true }),
);

export function peopleRoutes() {
  return apiRoutes()
    .openapi(listPeople, async (c) => c.json(await c.var.services.people.list(c.get('user'), c.req.valid('query'), c.get('now')), 200))
    .openapi(invitePerson, async (c) => {
      const result = await c.var.services.people.invite(c.get('user'), c.req.valid('json'), writeContext(c));
      c.header('ETag', etagFor(result.person.version));
      c.header('Location', `${partnershipApiPath(c.get('partnershipId'))}/people/${result.person.id}`);
      return c.json(result, 201);
    })
    .openapi(getPerson, async (c) => {
      const detail = await c.var.services.people.get(c.get('user'), c.req.valid('param').id);
      c.header('ETag', etagFor(detail.person.version));
      return c.json(detail, 200);
    })
    .openapi(updatePerson, async (c) => {
      const p = await c.var.services.people.update(c.get('user'), c.req.valid('param').id, c.req.valid('json'), c.var.ifMatch, writeContext(c));
      c.header('ETag', etagFor(p.version));
      return c.json(p, 200);
    })
    .openapi(deactivatePerson, async (c) => {
      const p = await c.var.services.people.setActive(c.get('user'), c.req.valid('param').id, false, c.var.ifMatch, writeContext(c));
      c.header('ETag', etagFor(p.version));
      return c.json(p, 200);
    })
    .openapi(reactivatePerson, async (c) => {
      const p = await c.var.services.people.setActive(c.get('user'), c.req.valid('param').id, true, c.var.ifMatch, writeContext(c));
      c.header('ETag', etagFor(p.version));
      return c.json(p, 200);
    })
    .openapi(resendInvitation, async (c) => {
      const result = await c.var.services.people.resendInvitation(c.get('user'), c.req.valid('param').id, c.var.ifMatch, writeContext(c));
      c.header('ETag', etagFor(result.person.version));
      return c.json(result, 200);
    });
}
