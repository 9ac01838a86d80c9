import { describe, expect, it } from 'vitest';
import { returnDueSoon, returnOverdue, returnOverdueForLead } from './templates.js';

const reminder = {
  partnershipName: 'Medway Safeguarding Children Partnership',
  name: 'Sam Patel',
  agencyName: 'NHS Kent & Medway <ICB>',
  periodId: '2026-27-Q3',
  dueDate: '2027-01-31',
  today: '2027-01-25',
  url: 'http://localhost:3000/our-return/2026-27-Q3?a=1&b=2',
};

describe('email templates', () => {
  it('when a reminder is written, the text and HTML parts say the same in plain English, with one link and who sent it', () => {
    const m = returnDueSoon(reminder);
    expect(m.subject).toBe('NHS Kent & Medway <ICB>’s return for October to December 2026 is due on Sunday 31 January 2027');
    expect(m.text).toContain('is due on Sunday 31 January 2027. It has not been submitted yet.');
    expect(m.text).toContain('Go to your return:\nhttp://localhost:3000/our-return/2026-27-Q3?a=1&b=2');
    expect(m.text.trim().split('\n\n').at(-2)).toBe('Medway Safeguarding Children Partnership');
    expect(m.html).toContain('NHS Kent &amp; Medway &lt;ICB&gt;’s quarterly return');
    expect(m.html).toContain('href="http://localhost:3000/our-return/2026-27-Q3?a=1&amp;b=2"');
    expect(m.html).not.toContain('<ICB>');
  });

  it('when the reminder goes the day before or on the due date, it says tomorrow or today', () => {
    expect(returnDueSoon({ ...reminder, today: '2027-01-30' }).subject).toMatch(/is due tomorrow, Sunday 31 January 2027$/);
    expect(returnDueSoon({ ...reminder, today: '2027-01-31' }).subject).toMatch(/is due today$/);
  });

  it('when a return is overdue, the preparers and the lead each get their own email, starting Overdue', () => {
    const m = returnOverdue(reminder);
    expect(m.subject).toBe('Overdue: NHS Kent & Medway <ICB>’s return for October to December 2026');
    expect(m.text).toContain('was due on Sunday 31 January 2027 and has not been submitted');
    expect(m.text).toContain('tell the programme lead: they have been told it is overdue');
    const lead = returnOverdueForLead({ ...reminder, name: 'Jo Lead', url: 'http://localhost:3000/returns/2026-27-Q3' });
    expect(lead.text).toContain('The people who prepare it have been reminded.');
    expect(lead.text).toContain('See the returns for this period:\nhttp://localhost:3000/returns/2026-27-Q3');
  });
});
