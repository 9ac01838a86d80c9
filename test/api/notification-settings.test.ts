import { beforeAll, describe, expect, it } from 'vitest';
import { runDigest } from '../../functions/jobs/digest.js';
import { runOutbox } from '../../functions/jobs/outbox.js';
import { readMailbox, type SesLocal } from '../../functions/local/ses-local.js';
import { USERS, type TestApp, useMailTestApp, inPartnership } from '../support/api.js';

/**
 * Email choices (issue 12): each optional email straight away, in a Monday summary, or never;
 * mandatory ones cannot be turned off; every optional email carries a one-click link that stops
 * that kind. Mail goes to the SES emulator; the jobs run directly.
 */
const mail = useMailTestApp();
let ses: SesLocal;
let t: TestApp;
beforeAll(() => {
  t = mail.app();
  ses = mail.ses();
});

const deps = () => mail.jobDeps();
const mailCount = async () => (await readMailbox(ses.endpoint)).length;
const newMail = async (since: number) => (await readMailbox(ses.endpoint)).slice(since);
const settings = async (email: string) => {
  const res = await t.as(email).get('/api/me/notifications');
  return { etag: res.headers.get('etag') ?? '', body: (await res.json()) as { choices: Record<string, string>; version: number } };
};
const etagOf = async (path: string, email = USERS.lead) => (await t.as(email).get(path)).headers.get('etag') ?? '';

describe('choosing which emails to get', () => {
  it('when nobody has chosen, every optional email comes straight away; a partner’s choice is saved, audited, and a stale one refused', async () => {
    const first = await settings(USERS.council);
    expect(first.body.version).toBe(0);
    expect(Object.values(first.body.choices).every((c) => c === 'immediately')).toBe(true);
    const saved = await t.as(USERS.council).put('/api/me/notifications', { choices: { 'return-returned': 'digest', 'period-opened': 'off' } });
    expect(saved.status).toBe(200);
    expect(((await saved.json()) as { choices: Record<string, string> }).choices).toMatchObject({
      'return-returned': 'digest',
      'period-opened': 'off',
      'return-accepted': 'immediately',
    });
    const [event] = (
      await t.auditEventsOf(
        'user',
        (
          (await t
            .as(USERS.council)
            .get('/api/me')
            .then((r) => r.json())) as { id: string }
        ).id,
      )
    ).filter((e) => e.action === 'user.notifications');
    expect(event?.changes).toEqual({ 'return-returned': { from: 'immediately', to: 'digest' }, 'period-opened': { from: 'immediately', to: 'off' } });
    expect((await t.as(USERS.council).put('/api/me/notifications', { choices: { 'return-accepted': 'off' } })).status).toBe(428);
    expect((await t.as(USERS.council).put('/api/me/notifications', { choices: { 'return-accepted': 'off' } }, { 'If-Match': '"9"' })).status).toBe(412);
  });

  it('when someone tries to turn off an email that always goes (a reminder, a chase), it is refused naming the field', async () => {
    const res = await t.as(USERS.police).put('/api/me/notifications', { choices: { 'return-due-soon': 'off' } });
    expect(res.status).toBe(400);
  });
});

describe('what the choices do', () => {
  it('when the lead returns the council’s return, Morgan Reid (weekly summary) gets nothing now and Casey Brooks (straight away) gets it with a link that stops it', async () => {
    const path = '/api/returns/2026-27-Q3/medway-council';
    expect((await t.as(USERS.lead).post(`${path}/return`, { comment: 'Add the risk owner.' }, { 'If-Match': await etagOf(path) })).status).toBe(200);
    const before = await mailCount();
    const outcomes = await runOutbox(deps());
    expect(outcomes.map((o) => o.result).sort()).toEqual(['digest', 'sent']);
    const mail = await newMail(before);
    expect(mail.map((m) => m.destination.to[0])).toEqual([USERS.councilOfficer]);
    const link = /https:\/\/portal\.example\/p\/mscp\/unsubscribe#token=([A-Za-z0-9._-]+)/.exec(mail[0]!.body.text ?? '')?.[1];
    expect(link).toBeDefined();

    // One click from the email: Casey Brooks stops getting returned-return emails.
    const stop = await t.app.request(inPartnership('/api/public/unsubscribe'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ token: link }),
    });
    expect(stop.status).toBe(200);
    expect(await stop.json()).toEqual({ kind: 'return-returned', label: 'Your agency’s return is returned with comments' });
    expect((await settings(USERS.councilOfficer)).body.choices['return-returned']).toBe('off');
    // The mail client's own button (RFC 8058): the List-Unsubscribe header names a one-click address.
    expect(mail[0]!.headers).toContainEqual({ name: 'List-Unsubscribe-Post', value: 'List-Unsubscribe=One-Click' });
    const header = mail[0]!.headers?.find((h) => h.name === 'List-Unsubscribe')?.value ?? '';
    const oneClick = /^<https:\/\/portal\.example(\/api\/public\/p\/mscp\/unsubscribe\/one-click\?token=[^>]+)>$/.exec(header)?.[1];
    expect(oneClick).toBeDefined();
    const post = (body: string, type = 'application/x-www-form-urlencoded') => t.app.request(oneClick!, { method: 'POST', headers: { 'Content-Type': type }, body });
    expect((await post('List-Unsubscribe=One-Click', 'application/json')).status).toBe(415);
    expect((await post('something=else')).status).toBe(400);
    const clicked = await post('List-Unsubscribe=One-Click');
    expect(clicked.status).toBe(200);
    expect(await clicked.json()).toEqual({ kind: 'return-returned', label: 'Your agency’s return is returned with comments' });
    // A link altered by a character does nothing.
    const bad = await t.app.request(inPartnership('/api/public/unsubscribe'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      // Another last character than the one it has (a token ending in "x" would be unchanged by "x").
      body: JSON.stringify({ token: `${link!.slice(0, -1)}${link!.endsWith('x') ? 'y' : 'x'}` }),
    });
    expect(bad.status).toBe(404);
  });

  it('when the weekly summary runs, Morgan Reid gets one email listing what was kept for it, once', async () => {
    const before = await mailCount();
    const first = await runDigest(deps(), new Date('2026-11-30T07:00:00Z'));
    expect(first.map((x) => x.result)).toEqual(['sent']);
    const mail = await newMail(before);
    expect(mail.map((m) => m.destination.to[0])).toEqual([USERS.council]);
    expect(mail[0]!.subject).toBe('Your weekly summary from the Medway Safeguarding Children Partnership reform portal');
    expect(mail[0]!.body.text).toContain('Your return for October to December 2026 has been returned with comments');
    expect(await runDigest(deps(), new Date('2026-11-30T07:05:00Z'))).toEqual([]);
  });
});
