import { describe, expect, it } from 'vitest';
import { returnDueSoon, returnOverdue } from './templates.js';

const reminder = {
  partnershipName: 'Medway Safeguarding Children Partnership',
  name: 'Sam Patel',
  agencyName: 'NHS Kent & Medway <ICB>',
  periodId: '2026-27-Q3',
  dueDate: '2027-01-31',
  url: 'http://localhost:3000/our-return/2026-27-Q3?a=1&b=2',
};

describe('email templates', () => {
  it('when a reminder is written, the text and HTML parts say the same in plain English, with one link and who sent it', () => {
    const m = returnDueSoon({ ...reminder, workingDays: 1 });
    expect(m.subject).toBe('NHS Kent & Medway <ICB>’s return for October to December 2026 is due on 31 January 2027');
    expect(m.text).toContain('is due in 1 working day, on 31 January 2027');
    expect(m.text).toContain('Go to your return:\nhttp://localhost:3000/our-return/2026-27-Q3?a=1&b=2');
    expect(m.text.trim().split('\n\n').at(-2)).toBe('Medway Safeguarding Children Partnership');
    expect(m.html).toContain('NHS Kent &amp; Medway &lt;ICB&gt;’s quarterly return');
    expect(m.html).toContain('href="http://localhost:3000/our-return/2026-27-Q3?a=1&amp;b=2"');
    expect(m.html).not.toContain('<ICB>');
  });

  it('when a return is overdue, the subject starts with Overdue and the text says the lead is copied in', () => {
    const m = returnOverdue(reminder);
    expect(m.subject).toBe('Overdue: NHS Kent & Medway <ICB>’s return for October to December 2026');
    expect(m.text).toContain('was due on 31 January 2027 and has not been submitted');
    expect(m.text).toContain('the programme lead, who is copied into this email');
  });
});
