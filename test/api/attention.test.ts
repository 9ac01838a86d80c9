import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, USERS, type TestApp, inPartnership } from '../support/api.js';

/**
 * "Needs your attention" (issue 12 part 4), from the Medway demo: Q3 2026-27 is open and due on
 * 31 January 2027; the council's return is submitted, the police's returned, the NHS's a draft and
 * education's not started; NHS Kent and Medway has not signed off v3.0 (issued 2 March 2026).
 */
let now = new Date('2026-11-30T09:00:00Z');
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ clock: () => now });
});
afterAll(async () => {
  await t.drop();
});

type Item = { key: string; text: string; href: string; urgency: string };
const attention = async (email: string) => {
  const res = await t.as(email).get('/api/attention');
  expect(res.status).toBe(200);
  return ((await res.json()) as { items: Item[] }).items;
};

describe('needs your attention', () => {
  it('when the lead opens their home, it lists the return to review and the NHS sign-off outstanding for months, most urgent first', async () => {
    const items = await attention(USERS.lead);
    expect(items[0]).toEqual({
      key: 'sign-off#v3-0',
      text: 'NHS Kent and Medway has not signed off threshold document v3.0, issued 273 days ago.',
      href: '/threshold',
      urgency: 'overdue',
    });
    expect(items).toContainEqual({ key: 'review#2026-27-Q3', text: '1 return waiting for your review: Medway Council.', href: '/returns/2026-27-Q3', urgency: 'normal' });
    expect(items.some((i) => i.key.startsWith('overdue#'))).toBe(false);
  });

  it('when the police officer opens theirs, their returned return comes first', async () => {
    const items = await attention(USERS.police);
    expect(items[0]).toMatchObject({ key: 'return#2026-27-Q3', href: '/our-return/2026-27-Q3', urgency: 'soon' });
    expect(items[0]!.text).toMatch(/was returned with comments/);
    // The police signed v3.0 already: nothing to sign.
    expect(items.some((i) => i.key.startsWith('sign-off#'))).toBe(false);
  });

  it('when the NHS signatory opens theirs, the sign-off waits for them; the NHS return is due in 62 days', async () => {
    const items = await attention(USERS.health);
    expect(items).toContainEqual({ key: 'sign-off#v3-0', text: 'Threshold document v3.0 is waiting for your agency’s sign-off.', href: '/threshold', urgency: 'soon' });
    expect(items).toContainEqual({
      key: 'return#2026-27-Q3',
      text: 'Your return for October to December 2026 is due in 62 days, on 31 January 2027.',
      href: '/our-return/2026-27-Q3',
      urgency: 'normal',
    });
  });

  it('when the due date has passed, the executive and the lead see the overdue returns by agency', async () => {
    now = new Date('2027-02-03T09:00:00Z');
    try {
      const exec = await attention(USERS.exec);
      expect(exec[0]).toMatchObject({ key: 'overdue#2026-27-Q3', urgency: 'overdue' });
      expect(exec[0]!.text).toBe('3 returns for October to December 2026 are overdue: Kent Police, NHS Kent and Medway and Medway schools and education.');
      expect((await attention(USERS.lead)).map((i) => i.key)).toContain('overdue#2026-27-Q3');
      expect((await attention(USERS.health)).find((i) => i.key === 'return#2026-27-Q3')?.urgency).toBe('overdue');
    } finally {
      now = new Date('2026-11-30T09:00:00Z');
    }
  });

  it('when nobody is signed in, it is 401', async () => {
    expect((await t.app.request(inPartnership('/api/attention'))).status).toBe(401);
  });
});
