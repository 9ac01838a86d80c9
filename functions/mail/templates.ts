import { formatDayLong, periodLongLabel } from '../../shared/periods/period.js';
import { count } from '../../shared/text/plural.js';

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
  /** Where the return is: the agency's own return page. */
  url: string;
}

/** A return is due in `workingDays` working days and has not been submitted. */
export function returnDueSoon(r: ReturnReminder & { workingDays: number }): MailContent {
  const period = periodLongLabel(r.periodId);
  return render({
    subject: `${r.agencyName}’s return for ${period} is due on ${formatDayLong(r.dueDate)}`,
    greeting: `Dear ${r.name},`,
    paragraphs: [
      `${r.agencyName}’s quarterly return for ${period} is due in ${count(r.workingDays, 'working day')}, on ${formatDayLong(r.dueDate)}. It has not been submitted yet.`,
      'Check each workstream section, then submit the return for review.',
    ],
    link: { text: 'Go to your return', url: r.url },
    signOff: r.partnershipName,
    footnote: 'You get this email because your agency reports to the partnership. Deadline reminders cannot be turned off.',
  });
}

/** The due date has passed and the return has not been submitted; the lead is copied in. */
export function returnOverdue(r: ReturnReminder): MailContent {
  const period = periodLongLabel(r.periodId);
  return render({
    subject: `Overdue: ${r.agencyName}’s return for ${period}`,
    greeting: `Dear ${r.name},`,
    paragraphs: [
      `${r.agencyName}’s quarterly return for ${period} was due on ${formatDayLong(r.dueDate)} and has not been submitted.`,
      'Submit it as soon as you can. If something stops you, tell the programme lead, who is copied into this email.',
    ],
    link: { text: 'Go to your return', url: r.url },
    signOff: r.partnershipName,
    footnote: 'You get this email because your agency reports to the partnership. Deadline reminders cannot be turned off.',
  });
}
