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
  /** Extra headers, e.g. List-Unsubscribe on the emails people can turn off. */
  headers?: Readonly<Record<string, string>>;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function render(m: {
  subject: string;
  greeting: string;
  paragraphs: string[];
  /** A list of linked lines after the paragraphs (a weekly summary). */
  list?: { text: string; url: string }[];
  link: { text: string; url: string };
  signOff: string;
  footnote?: string;
  /** A link under the footnote: where to stop emails like this one. */
  unsubscribe?: { text: string; url: string };
}): MailContent {
  const text = [
    m.greeting,
    ...m.paragraphs,
    ...(m.list?.length ? [m.list.map((i) => `- ${i.text}\n  ${i.url}`).join('\n')] : []),
    `${m.link.text}:\n${m.link.url}`,
    m.signOff,
    ...(m.footnote ? [m.footnote] : []),
    ...(m.unsubscribe ? [`${m.unsubscribe.text}:\n${m.unsubscribe.url}`] : []),
  ].join('\n\n');
  const p = (s: string) => `<p style="font-size:19px;line-height:1.3;margin:0 0 20px">${escapeHtml(s)}</p>`;
  const small = 'font-size:16px;color:#505a5f';
  const html = [
    '<!doctype html><html lang="en"><body style="font-family:Arial,sans-serif;color:#0b0c0c">',
    p(m.greeting),
    ...m.paragraphs.map(p),
    ...(m.list?.length
      ? [
          `<ul style="font-size:19px;line-height:1.3;margin:0 0 20px">${m.list.map((i) => `<li style="margin-bottom:10px"><a href="${escapeHtml(i.url)}" style="color:#1d70b8">${escapeHtml(i.text)}</a></li>`).join('')}</ul>`,
        ]
      : []),
    `<p style="font-size:19px;line-height:1.3;margin:0 0 20px"><a href="${escapeHtml(m.link.url)}" style="color:#1d70b8">${escapeHtml(m.link.text)}</a></p>`,
    p(m.signOff),
    ...(m.footnote ? [`<p style="${small}">${escapeHtml(m.footnote)}</p>`] : []),
    ...(m.unsubscribe ? [`<p style="${small}"><a href="${escapeHtml(m.unsubscribe.url)}" style="color:#1d70b8">${escapeHtml(m.unsubscribe.text)}</a></p>`] : []),
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
  /** Set when the return waits for certification: who prepared it (the email then goes to the agency's certifiers). */
  preparedByName?: string;
}

/** What the reminder asks for: the preparers to submit, or, once it waits for certification, a signatory to certify it. */
function askOf(r: ReturnReminder): { paragraph: string; link: string } {
  return r.preparedByName
    ? {
        paragraph: `${r.preparedByName} has prepared it and sent it for certification. Check the answers, then certify it to submit it to the programme lead, or send it back with a comment.`,
        link: 'Check and certify the return',
      }
    : { paragraph: 'Check each workstream section, then submit the return for review.', link: 'Go to your return' };
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
    paragraphs: [`${r.agencyName}’s quarterly return for ${period} is due ${when}. It has not been submitted yet.`, askOf(r).paragraph],
    link: { text: askOf(r).link, url: r.url },
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
      ...(r.preparedByName ? [askOf(r).paragraph] : []),
      `${r.preparedByName ? 'Certify' : 'Submit'} it as soon as you can. If something stops you, tell the programme lead: they have been told it is overdue.`,
    ],
    link: { text: askOf(r).link, url: r.url },
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

export interface Invitation {
  partnershipName: string;
  name: string;
  invitedBy: string;
  /** What they will do, e.g. "a partner agency officer for Kent Police". */
  roleDescription: string;
  /** The single-use set-password link. */
  url: string;
  /** The UK day the link stops working. */
  expiresOn: string;
}

/** Someone has been invited to the portal (local sign-in: the portal sends the set-password link). */
export function invitation(i: Invitation): MailContent {
  return render({
    subject: `You have been invited to the ${i.partnershipName} reform portal`,
    greeting: `Dear ${i.name},`,
    paragraphs: [
      `${i.invitedBy} has invited you to the ${i.partnershipName} reform portal as ${i.roleDescription}.`,
      `Use the link to set your password. It works once, until ${dayWithWeekday(i.expiresOn)}. After that, ask ${i.invitedBy} to send a new invitation.`,
    ],
    link: { text: 'Set your password', url: i.url },
    signOff: i.partnershipName,
    footnote: 'If you were not expecting this invitation, you can ignore this email: nothing happens until the password is set.',
  });
}

export interface AddedToPartnership {
  partnershipName: string;
  name: string;
  addedBy: string;
  roleDescription: string;
  /** The new partnership's pages: they sign in there with the account they have. */
  url: string;
}

/** Someone who already has an account (in another partnership) is added to this one: no new password. */
export function addedToPartnership(a: AddedToPartnership): MailContent {
  return render({
    subject: `You have been added to the ${a.partnershipName} reform portal`,
    greeting: `Dear ${a.name},`,
    paragraphs: [
      `${a.addedBy} has added you to the ${a.partnershipName} reform portal as ${a.roleDescription}.`,
      'You already have an account: sign in with the same email address and password you use for your other partnership. Once signed in, you can change between your partnerships from the top of any page.',
    ],
    link: { text: `Go to ${a.partnershipName}`, url: a.url },
    signOff: a.partnershipName,
    footnote: 'If you think this is wrong, reply to the programme lead.',
  });
}

export interface AccessChange {
  partnershipName: string;
  name: string;
  changedBy: string;
  /** Each change in plain English, e.g. "You are now a partnership executive." */
  changes: string[];
  url: string;
}

/** Someone's role, agency or access has changed (to that person). */
export function accessChanged(a: AccessChange): MailContent {
  return render({
    subject: `Your access to the ${a.partnershipName} reform portal has changed`,
    greeting: `Dear ${a.name},`,
    paragraphs: [`${a.changedBy} has changed your access to the reform portal.`, ...a.changes, 'If you think this is wrong, reply to the programme lead.'],
    link: { text: 'Go to the portal', url: a.url },
    signOff: a.partnershipName,
    footnote: 'You get this email whenever your access changes. These emails cannot be turned off.',
  });
}

/** The programme lead asks an agency's preparers for their return now (the chase button). */
export function returnChased(r: ReturnReminder & { chasedBy: string }): MailContent {
  const period = periodLongLabel(r.periodId);
  const overdue = r.today > r.dueDate;
  return render({
    subject: `${r.chasedBy} is asking for ${r.agencyName}’s return for ${period}`,
    greeting: `Dear ${r.name},`,
    paragraphs: [
      `${r.chasedBy}, who leads the partnership’s reform programme, is asking for ${r.agencyName}’s quarterly return for ${period}.`,
      overdue ? `It was due on ${dayWithWeekday(r.dueDate)} and has not been submitted.` : `It is due ${dueWhen(r.today, r.dueDate)} and has not been submitted yet.`,
      askOf(r).paragraph,
    ],
    link: { text: askOf(r).link, url: r.url },
    signOff: r.partnershipName,
    footnote: REMINDER_FOOTNOTE,
  });
}

export interface SignOffChase {
  partnershipName: string;
  name: string;
  agencyName: string;
  chasedBy: string;
  /** "MSCP Threshold Document v3.0". */
  document: string;
  /** The UK day it was issued. */
  issuedOn: string;
  url: string;
}

/** The programme lead asks an agency's signatories to decide on an issued threshold document version. */
export function signOffChased(s: SignOffChase): MailContent {
  return render({
    subject: `Sign-off needed: ${s.document}`,
    greeting: `Dear ${s.name},`,
    paragraphs: [
      `${s.chasedBy} is asking ${s.agencyName} to sign off ${s.document}, issued on ${dayWithWeekday(s.issuedOn)}. ${s.agencyName} has not decided yet.`,
      'Read the document and what changed, then approve it or ask for changes.',
    ],
    link: { text: 'Read the document and decide', url: s.url },
    signOff: s.partnershipName,
    footnote: 'You get this email because you sign documents for your agency. Sign-off reminders cannot be turned off.',
  });
}

/** The weekly summary of the notifications someone chose to get that way. */
export function weeklySummary(d: { partnershipName: string; name: string; lines: { text: string; url: string }[]; settingsUrl: string }): MailContent {
  return render({
    subject: `Your weekly summary from the ${d.partnershipName} reform portal`,
    greeting: `Dear ${d.name},`,
    paragraphs: [`What happened in the portal since your last summary (${d.lines.length === 1 ? '1 thing' : `${d.lines.length} things`}):`],
    list: d.lines,
    link: { text: 'Choose which emails you get, and when', url: d.settingsUrl },
    signOff: d.partnershipName,
    footnote: 'You get this summary because you chose weekly summaries for some of the portal’s emails.',
  });
}

export interface SignOffOutstanding {
  partnershipName: string;
  name: string;
  agencyName: string;
  /** "MSCP Threshold Document v3.0". */
  document: string;
  issuedOn: string;
  days: number;
  url: string;
}

/** A sign-off is still outstanding N days after the version was issued (to the agency's signatories). */
export function signOffOutstanding(s: SignOffOutstanding): MailContent {
  return render({
    subject: `Reminder: ${s.agencyName} has not signed off ${s.document}`,
    greeting: `Dear ${s.name},`,
    paragraphs: [
      `${s.document} was issued on ${dayWithWeekday(s.issuedOn)}, ${s.days} days ago. ${s.agencyName} has not decided on it yet.`,
      'Read the document and what changed, then approve it or ask for changes.',
    ],
    link: { text: 'Read the document and decide', url: s.url },
    signOff: s.partnershipName,
    footnote: 'You get this email because you sign documents for your agency. Sign-off reminders cannot be turned off.',
  });
}

/** Still outstanding twice as long: the lead hears, to follow it up. */
export function signOffOutstandingForLead(s: SignOffOutstanding): MailContent {
  return render({
    subject: `${s.agencyName} has still not signed off ${s.document}`,
    greeting: `Dear ${s.name},`,
    paragraphs: [`${s.document} was issued on ${dayWithWeekday(s.issuedOn)}, ${s.days} days ago. ${s.agencyName} has not decided on it, and its signatories have been reminded.`],
    link: { text: 'See who has signed', url: s.url },
    signOff: s.partnershipName,
    footnote: 'You get this email because you lead the partnership’s reform programme.',
  });
}

/** A published Kinship offer item is due for review soon (to its agency). */
export function kinshipReviewDue(k: { partnershipName: string; name: string; agencyName: string; title: string; dueOn: string; today: string; url: string }): MailContent {
  const overdue = k.dueOn < k.today;
  return render({
    subject: `${overdue ? 'Review overdue' : 'Review due'}: ${k.title}`,
    greeting: `Dear ${k.name},`,
    paragraphs: [
      `“${k.title}” in the Kinship Local Offer ${overdue ? 'was' : 'is'} due for review on ${dayWithWeekday(k.dueOn)}. Families rely on it being right.`,
      `Check it is still accurate for ${k.agencyName}, change it if needed, and send it for review.`,
    ],
    link: { text: 'Review the item', url: k.url },
    signOff: k.partnershipName,
    footnote: REMINDER_FOOTNOTE,
  });
}
