import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvitePersonRequest, managesPeople, matchesSignedIn, personProblems, UpdatePersonRequest } from './schema.js';

describe('personProblems', () => {
  it('when a partner or lead has no agency, or an executive has one, the agency is named', () => {
    expect(personProblems({ role: 'partner', agencyId: null, signatory: false, agencyAdmin: false }).map((p) => p.path)).toEqual(['agencyId']);
    expect(personProblems({ role: 'lead', agencyId: null, signatory: false, agencyAdmin: false }).map((p) => p.path)).toEqual(['agencyId']);
    expect(personProblems({ role: 'executive', agencyId: 'kent-police', signatory: false, agencyAdmin: false }).map((p) => p.path)).toEqual(['agencyId']);
  });

  it('when someone other than a partner signs or administers an agency, each flag is named', () => {
    expect(personProblems({ role: 'lead', agencyId: 'medway-council', signatory: true, agencyAdmin: true }).map((p) => p.path)).toEqual(['signatory', 'agencyAdmin']);
  });

  it('when any partner with an agency is checked, whatever their flags, nothing is wrong', () => {
    fc.assert(fc.property(fc.boolean(), fc.boolean(), (signatory, agencyAdmin) => personProblems({ role: 'partner', agencyId: 'x', signatory, agencyAdmin }).length === 0));
  });
});

describe('the invitation and change bodies', () => {
  it('when an email is sent in capitals with spaces, it is kept trimmed and lower case', () => {
    const r = InvitePersonRequest.parse({ name: ' Dana Fox ', email: ' Dana.Fox@Police.Example ', role: 'partner', agencyId: 'kent-police' });
    expect(r).toMatchObject({ name: 'Dana Fox', email: 'dana.fox@police.example', signatory: false, agencyAdmin: false });
  });

  it('when a change is empty, or tries to change the email address, it is refused', () => {
    expect(UpdatePersonRequest.safeParse({}).success).toBe(false);
    expect(UpdatePersonRequest.safeParse({ email: 'new@x.example' }).success).toBe(false);
    expect(UpdatePersonRequest.parse({ signatory: true })).toEqual({ signatory: true });
  });
});

describe('matchesSignedIn', () => {
  const now = new Date('2026-11-29T12:00:00Z');
  it('when the filter is never, within or not within 30 days, each person falls on one side', () => {
    expect(matchesSignedIn('never', null, now)).toBe(true);
    expect(matchesSignedIn('never', '2026-11-28T12:00:00Z', now)).toBe(false);
    expect(matchesSignedIn('last-30-days', '2026-11-01T12:00:01Z', now)).toBe(true);
    expect(matchesSignedIn('not-in-30-days', '2026-10-30T12:00:00Z', now)).toBe(true);
    expect(matchesSignedIn('not-in-30-days', null, now)).toBe(true);
    expect(matchesSignedIn(undefined, null, now)).toBe(true);
  });
});

describe('managesPeople', () => {
  it('when asked who manages people, it is the lead and agency administrators with an agency; nobody else', () => {
    expect(managesPeople({ role: 'lead', agencyAdmin: false, agencyId: 'medway-council' })).toBe(true);
    expect(managesPeople({ role: 'partner', agencyAdmin: true, agencyId: 'kent-police' })).toBe(true);
    expect(managesPeople({ role: 'partner', agencyAdmin: false, agencyId: 'kent-police' })).toBe(false);
    expect(managesPeople({ role: 'executive', agencyAdmin: true, agencyId: null })).toBe(false);
    expect(managesPeople(undefined)).toBe(false);
  });
});
