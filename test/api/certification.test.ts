import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { runOutbox } from '../../functions/jobs/outbox.js';
import { readMailbox, type SesLocal } from '../../functions/local/ses-local.js';
import { userIdFor } from '../../functions/seed/seed.js';
import { USERS, type TestApp, useMailTestApp } from '../support/api.js';

/**
 * Certification inside the agency (issue 12 part 5), as the Medway demo has it: a complete return is
 * sent for certification instead of submitted; a signatory at the agency who did not prepare it
 * certifies it (it is then submitted to the lead) or sends it back to the preparer with a comment.
 * In the demo, Kent Police's Q3 return was returned by the lead and is complete: Drew Walker (police
 * officer) prepares it, Riley Shaw (police signatory) certifies it.
 */
let now = Date.parse('2026-11-30T10:00:00Z');
const mail = useMailTestApp({ clock: () => new Date(now) });
let t: TestApp;
let ses: SesLocal;
beforeAll(() => {
  t = mail.app();
  ses = mail.ses();
});

const path = '/api/returns/2026-27-Q3/kent-police';
const drew = () => t.as(USERS.policeOfficer);
const riley = () => t.as(USERS.police);
const etag = async () => (await t.as(USERS.lead).get(path)).headers.get('etag') ?? '';
const auditCount = async () => (await t.doc.send(new ScanCommand({ TableName: t.config.tables.audit, Select: 'COUNT' }))).Count ?? 0;
const outbox = () => runOutbox(mail.jobDeps(), new Date(now));
const mailTo = async (email: string) => (await readMailbox(ses.endpoint)).filter((m) => m.destination.to.includes(email));
type View = {
  status: string;
  certification: { preparedByName: string; certifiedByName: string | null; comments: { comment: string; byName: string }[] } | null;
  certifiers?: string[];
};
const view = async (res: Response) => (await res.json()) as View;

describe('sending a return for certification', () => {
  it('when the police officer sends the complete police return, it awaits certification, names who can certify it, is audited, and Riley Shaw is asked by email', async () => {
    const res = await drew().post(`${path}/submit`, { acknowledgeWarnings: true }, { 'If-Match': await etag() });
    expect(res.status).toBe(200);
    const v = await view(res);
    expect(v.status).toBe('awaiting-certification');
    expect(v.certification).toMatchObject({ preparedByName: 'Drew Walker', certifiedByName: null });
    expect(v.certifiers).toEqual(['Riley Shaw']);
    const [event] = (await t.auditEventsOf('return', '2026-27-Q3/kent-police')).filter((e) => e.action === 'return.send-for-certification');
    expect(event).toMatchObject({ summary: 'Sent the return for certification', changes: { status: { from: 'returned', to: 'awaiting-certification' } } });

    expect((await outbox()).map((o) => [o.kind, o.userId, o.result])).toEqual([['return-awaiting-certification', userIdFor(t.config.partnershipId, USERS.police), 'sent']]);
    const [asked] = await mailTo(USERS.police);
    expect(asked!.subject).toBe('Certify Kent Police’s return for October to December 2026');
    expect(asked!.body.text).toContain('Drew Walker has prepared Kent Police’s quarterly return');
    expect(asked!.body.text).toContain('https://portal.example/p/mscp/our-return/2026-27-Q3/certify');
    expect(await mailTo(USERS.policeOfficer)).toEqual([]);
  });

  it('when it awaits certification, nobody can change it, the lead cannot review it yet, and the lead sees it as still with the agency', async () => {
    const before = await auditCount();
    expect((await drew().put(path, { sections: [] }, { 'If-Match': await etag() })).status).toBe(409);
    expect((await t.as(USERS.lead).post(`${path}/accept`, undefined, { 'If-Match': await etag() })).status).toBe(409);
    expect((await t.as(USERS.lead).post(`${path}/return`, { comment: 'Too soon.' }, { 'If-Match': await etag() })).status).toBe(409);
    expect(await auditCount()).toBe(before);
    const rows = (await (await t.as(USERS.lead).get('/api/returns?periodId=2026-27-Q3')).json()) as { agencyId: string; status: string }[];
    expect(rows.find((r) => r.agencyId === 'kent-police')!.status).toBe('awaiting-certification');
    const attention = (await (await riley().get('/api/attention')).json()) as { items: { key: string; text: string; href: string }[] };
    expect(attention.items.find((i) => i.key === 'certify#2026-27-Q3')).toMatchObject({
      text: expect.stringMatching(/^Drew Walker has sent your agency’s return for October to December 2026 for you to certify/),
      href: '/our-return/2026-27-Q3/certify',
    });
    const drewsList = (await (await drew().get('/api/attention')).json()) as { items: { key: string }[] };
    expect(drewsList.items.map((i) => i.key)).not.toContain('certify#2026-27-Q3');
  });

  it.each([
    ['the officer who prepared it (not a signatory)', USERS.policeOfficer, 403],
    ['a signatory at another agency', USERS.council, 403],
    ['the programme lead', USERS.lead, 403],
    ['an executive', USERS.exec, 403],
  ])('when %s tries to certify it or send it back, it is refused (%s) and nothing is written', async (_who, email, status) => {
    const before = await auditCount();
    expect((await t.as(email).post(`${path}/certify`, undefined, { 'If-Match': await etag() })).status).toBe(status);
    expect((await t.as(email).post(`${path}/send-back`, { comment: 'Change it.' }, { 'If-Match': await etag() })).status).toBe(status);
    expect(await auditCount()).toBe(before);
  });

  it('when the signatory sends it back without a comment, the field is named; with one, it is a draft again, the preparer hears, and the comment is kept for them', async () => {
    const empty = await riley().post(`${path}/send-back`, { comment: '  ' }, { 'If-Match': await etag() });
    expect(empty.status).toBe(400);
    expect(((await empty.json()) as { errors: { path: string }[] }).errors.map((e) => e.path)).toEqual(['comment']);

    const res = await riley().post(`${path}/send-back`, { comment: 'Name the risk owner for the MACPT risk.' }, { 'If-Match': await etag() });
    expect(res.status).toBe(200);
    const v = await view(res);
    expect(v.status).toBe('draft');
    expect(v.certification!.comments).toEqual([expect.objectContaining({ comment: 'Name the risk owner for the MACPT risk.', byName: 'Riley Shaw' })]);
    const [event] = (await t.auditEventsOf('return', '2026-27-Q3/kent-police')).filter((e) => e.action === 'return.send-back');
    expect(event).toMatchObject({ meta: { comment: 'Name the risk owner for the MACPT risk.' }, changes: { status: { from: 'awaiting-certification', to: 'draft' } } });

    await outbox();
    const [told] = await mailTo(USERS.policeOfficer);
    expect(told!.subject).toBe('Your return for October to December 2026 has been sent back with comments');
    // The comment is read in the portal, never sent by email.
    expect(told!.body.text).not.toContain('risk owner');
    const attention = (await (await drew().get('/api/attention')).json()) as { items: { text: string }[] };
    expect(attention.items.map((i) => i.text)).toContain(
      'Riley Shaw sent your return for October to December 2026 back with comments instead of certifying it. Make the changes and send it again.',
    );
  });

  it('when the officer sends it again and the signatory certifies it, it is submitted to the lead, who hears and sees who prepared and who certified it', async () => {
    expect((await drew().post(`${path}/submit`, { acknowledgeWarnings: true }, { 'If-Match': await etag() })).status).toBe(200);
    await outbox();
    const res = await riley().post(`${path}/certify`, undefined, { 'If-Match': await etag() });
    expect(res.status).toBe(200);
    expect((await view(res)).status).toBe('submitted');
    expect((await riley().post(`${path}/certify`, undefined, { 'If-Match': res.headers.get('etag')! })).status).toBe(409);

    const lead = (await (await t.as(USERS.lead).get(path)).json()) as View & { submittedByName: string };
    expect(lead.certification).toMatchObject({ preparedByName: 'Drew Walker', certifiedByName: 'Riley Shaw' });
    expect(lead.submittedByName).toBe('Riley Shaw');
    const actions = (await t.auditEventsOf('return', '2026-27-Q3/kent-police')).map((e) => e.action);
    // Each step once (the test clock stands still, so events are counted, not ordered).
    expect(['return.send-for-certification', 'return.send-back', 'return.certify'].map((a) => actions.filter((x) => x === a).length)).toEqual([2, 1, 1]);

    expect((await outbox()).map((o) => [o.kind, o.result])).toEqual([['return-submitted', 'sent']]);
    const told = (await mailTo(USERS.lead)).at(-1)!;
    expect(told.subject).toBe('Kent Police has submitted its return for October to December 2026');
    expect(told.body.text).toContain('Riley Shaw has submitted');
  });
});

describe('who can certify comes from the server’s own records', () => {
  const nhs = '/api/returns/2026-27-Q3/nhs-kent-medway';
  const nhsEtag = async () => (await t.as(USERS.lead).get(nhs)).headers.get('etag') ?? '';
  const person = (email: string) => `/api/people/${userIdFor(t.config.partnershipId, email)}`;
  const personEtag = async (email: string) => (await t.as(USERS.lead).get(person(email))).headers.get('etag') ?? '';

  it('when the NHS return is incomplete, it cannot be sent for certification (422) and stays a draft', async () => {
    const res = await t.as(USERS.healthOfficer).post(`${nhs}/submit`, {}, { 'If-Match': await nhsEtag() });
    expect(res.status).toBe(422);
    expect(((await (await t.as(USERS.lead).get(nhs)).json()) as View).status).toBe('draft');
  });

  it('when the lead stops the only other NHS signatory signing, nobody is named to certify and they are refused within 60 s', async () => {
    // Complete the NHS draft and send it, as Jesse Morgan.
    const current = (await (await t.as(USERS.healthOfficer).get(nhs)).json()) as { sections: { workstreamId: string; indicators: unknown[] }[] };
    const sections = current.sections.map((s) => ({
      workstreamId: s.workstreamId,
      confidence: 'green',
      narrative: 'On track this quarter.',
      milestones: [],
      risks: [],
      escalations: [],
      metrics: [],
      // The outcome indicator values the draft holds (submission needs them).
      indicators: s.indicators,
    }));
    expect((await t.as(USERS.healthOfficer).put(nhs, { sections }, { 'If-Match': await nhsEtag() })).status).toBe(200);
    const sent = await t.as(USERS.healthOfficer).post(`${nhs}/submit`, {}, { 'If-Match': await nhsEtag() });
    expect(sent.status).toBe(200);
    expect((await view(sent)).certifiers).toEqual(['Avery Khan']);

    expect((await t.as(USERS.lead).patch(person(USERS.health), { signatory: false }, { 'If-Match': await personEtag(USERS.health) })).status).toBe(200);
    expect((await view(await t.as(USERS.healthOfficer).get(nhs))).certifiers).toEqual([]);
    now += 60_000;
    const before = await auditCount();
    expect((await t.as(USERS.health).post(`${nhs}/certify`, undefined, { 'If-Match': await nhsEtag() })).status).toBe(403);
    expect(await auditCount()).toBe(before);
  });

  it('when the signatory is made a signatory again but then deactivated, their session is refused and nothing is written', async () => {
    expect((await t.as(USERS.lead).patch(person(USERS.health), { signatory: true }, { 'If-Match': await personEtag(USERS.health) })).status).toBe(200);
    expect((await t.as(USERS.lead).post(`${person(USERS.health)}/deactivate`, undefined, { 'If-Match': await personEtag(USERS.health) })).status).toBe(200);
    now += 60_000;
    const before = await auditCount();
    expect((await t.as(USERS.health).post(`${nhs}/certify`, undefined, { 'If-Match': await nhsEtag() })).status).toBe(401);
    expect((await view(await t.as(USERS.healthOfficer).get(nhs))).certifiers).toEqual([]);
    expect(await auditCount()).toBe(before);
  });
});
