import { formatDayLong, periodLongLabel } from '../../shared/periods/period.js';

/**
 * What the portal's email says, in the GOV.UK Notify style: a plain subject that says what it is
 * about, short paragraphs in plain English, one link to the exact page, who sent it. Never anything
 * about a child or family: only programme records (returns, periods, agencies). Each message has a
 * text part and an HTML part with the same words.
 */
export interface MailContent {
  subject: string;
  text: string;
  html: string;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function render(m: { subject: string; greeting: string; paragraphs: string[]; link: { text: string; url: string }; signOff: string; footnote?: string }): MailContent {
  const text = [m.greeting, ...m.paragraphs, `${m.link.text}:\n${m.link.url}`, m.signOff, ...(m.footnote ? [m.footnote] : [])].join('\n\n');
  const p = (s: string) => `<p style="font-size:19px;line-height:1.3;margin:0 0 20px">${escapeHtml(s)}</p>`;
  const html = [
    '<!doctype html><html lang="en"><body style="font-family:Arial,sans-serif;color:#0b0c0c">',
    p(m.greeting),
    ...m.paragraphs.map(p),
    `<p style="font-size:19px;line-height:1.3;margin:0 0 20px"><a href="${escapeHtml(m.link.url)}" style="color:#1d70b8">${escapeHtml(m.link.text)}</a></p>`,
    p(m.signOff),
    ...(m.footnote ? [`<p style="font-size:16px;color:#505a5f">${escapeHtml(m.footnote)}</p>`] : []),
    '</body></html>',
  ].join('\n');
  return { subject: m.subject, text, html };
}

export interface ReturnReminder {
  partnershipName: string;
  /** The person it is addressed to. */
  name: string;
  agencyName: string;
  periodId: string;
  dueDate: string;
  /** The day the email goes (UK): "due today", "due tomorrow" or the date. */
  today: string;
  /** Where the return is: the agency's own return page, or the lead's review page. */
  url: string;
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
/** "Sunday 31 January 2027". */
const dayWithWeekday = (day: string) => `${WEEKDAYS[new Date(`${day}T00:00:00Z`).getUTCDay()]} ${formatDayLong(day)}`;

/** When the return is due, said from the day the email goes. */
function dueWhen(today: string, due: string): string {
  if (today === due) return 'today';
  const tomorrow = new Date(`${today}T00:00:00Z`);
  tomorrow.setUTCDate(tomorrow.getUTCDate() + 1);
  return tomorrow.toISOString().slice(0, 10) === due ? `tomorrow, ${dayWithWeekday(due)}` : `on ${dayWithWeekday(due)}`;
}

const REMINDER_FOOTNOTE = 'You get this email because your agency reports to the partnership. Deadline reminders cannot be turned off.';

/** A return is due soon and has not been submitted. */
export function returnDueSoon(r: ReturnReminder): MailContent {
  const period = periodLongLabel(r.periodId);
  const when = dueWhen(r.today, r.dueDate);
  return render({
    subject: `${r.agencyName}’s return for ${period} is due ${when}`,
    greeting: `Dear ${r.name},`,
    paragraphs: [
      `${r.agencyName}’s quarterly return for ${period} is due ${when}. It has not been submitted yet.`,
      'Check each workstream section, then submit the return for review.',
    ],
    link: { text: 'Go to your return', url: r.url },
    signOff: r.partnershipName,
    footnote: REMINDER_FOOTNOTE,
  });
}

/** The due date has passed and the return has not been submitted (to the agency's preparers). */
export function returnOverdue(r: ReturnReminder): MailContent {
  const period = periodLongLabel(r.periodId);
  return render({
    subject: `Overdue: ${r.agencyName}’s return for ${period}`,
    greeting: `Dear ${r.name},`,
    paragraphs: [
      `${r.agencyName}’s quarterly return for ${period} was due on ${dayWithWeekday(r.dueDate)} and has not been submitted.`,
      'Submit it as soon as you can. If something stops you, tell the programme lead: they have been told it is overdue.',
    ],
    link: { text: 'Go to your return', url: r.url },
    signOff: r.partnershipName,
    footnote: REMINDER_FOOTNOTE,
  });
}

/** The lead's own notice that an agency's return is overdue. */
export function returnOverdueForLead(r: ReturnReminder): MailContent {
  const period = periodLongLabel(r.periodId);
  return render({
    subject: `Overdue: ${r.agencyName}’s return for ${period}`,
    greeting: `Dear ${r.name},`,
    paragraphs: [
      `${r.agencyName}’s quarterly return for ${period} was due on ${dayWithWeekday(r.dueDate)} and has not been submitted. The people who prepare it have been reminded.`,
    ],
    link: { text: 'See the returns for this period', url: r.url },
    signOff: r.partnershipName,
    footnote: 'You get this email because you lead the partnership’s reform programme.',
  });
}
