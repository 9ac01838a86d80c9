import type { NotificationKind } from '../notify/events.js';
import { type MailContent, render } from './templates.js';

/**
 * What each change that tells someone says (issue 12), GOV.UK Notify style: who did what, to which
 * record, and one link to the exact page. Ids and names of records only: never a comment's text
 * (it may hold what nobody should receive by email), which the linked page shows after sign-in.
 */
export interface EventMail {
  partnershipName: string;
  /** The person it is addressed to. */
  name: string;
  /** Who made the change, by name. */
  actorName: string;
  /** The agency the record belongs to, where there is one. */
  agencyName?: string;
  /** The record, in words: "October to December 2026", "MSCP Threshold Document v3.0", an item's title. */
  about: string;
  dueDate?: string;
  url: string;
  /** The one-click link that stops this kind of email (every kind people can turn off has one). */
  unsubscribeUrl?: string;
  /** Where a mail client's own unsubscribe button POSTs (RFC 8058), for the List-Unsubscribe header. */
  oneClickUrl?: string;
}

const FOOTNOTE = 'You get this email because of your part in the partnership’s reform programme.';

type Words = { subject: string; paragraphs: string[]; link: string };

/** What the email says, in a line: its subject (a weekly summary lists these). */
export const eventLine = (kind: NotificationKind, m: EventMail) => WORDS[kind](m).subject;

const WORDS: Record<NotificationKind, (m: EventMail) => Words> = {
  'period-opened': (m) => ({
    subject: `${m.agencyName}’s return for ${m.about} is open`,
    paragraphs: [`${m.actorName} has opened the reporting period for ${m.about}. ${m.agencyName}’s quarterly return is due on ${m.dueDate}.`],
    link: 'Start your return',
  }),
  'return-awaiting-certification': (m) => ({
    subject: `Certify ${m.agencyName}’s return for ${m.about}`,
    paragraphs: [
      `${m.actorName} has prepared ${m.agencyName}’s quarterly return for ${m.about} and sent it to you for certification.`,
      'Check the answers, then certify it to submit it to the programme lead, or send it back to them with a comment.',
    ],
    link: 'Check and certify the return',
  }),
  'return-sent-back': (m) => ({
    subject: `Your return for ${m.about} has been sent back with comments`,
    paragraphs: [
      `${m.actorName} has sent ${m.agencyName}’s quarterly return for ${m.about} back to you with comments instead of certifying it.`,
      'Read the comments, make the changes, then send the return for certification again.',
    ],
    link: 'Read the comments',
  }),
  'return-submitted': (m) => ({
    subject: `${m.agencyName} has submitted its return for ${m.about}`,
    paragraphs: [`${m.actorName} has submitted ${m.agencyName}’s quarterly return for ${m.about}. It is waiting for your review.`],
    link: 'Review the return',
  }),
  'return-returned': (m) => ({
    subject: `Your return for ${m.about} has been returned with comments`,
    paragraphs: [
      `${m.actorName} has returned ${m.agencyName}’s quarterly return for ${m.about} with comments.`,
      'Read the comments, make the changes, then submit the return again.',
    ],
    link: 'Read the comments',
  }),
  'return-accepted': (m) => ({
    subject: `Your return for ${m.about} has been accepted`,
    paragraphs: [`${m.actorName} has accepted ${m.agencyName}’s quarterly return for ${m.about}. There is nothing more to do for this period.`],
    link: 'See the return',
  }),
  'return-reopened': (m) => ({
    subject: `Your return for ${m.about} has been reopened for a correction`,
    paragraphs: [
      `${m.actorName} has reopened ${m.agencyName}’s accepted return for ${m.about}, for a correction.`,
      'Read what needs correcting, make the change, then submit the return again.',
    ],
    link: 'Read what needs correcting',
  }),
  'threshold-issued': (m) => ({
    subject: `Sign-off needed: ${m.about}`,
    paragraphs: [`${m.actorName} has issued ${m.about}. ${m.agencyName} is asked to sign it off.`, 'Read the document and what changed, then approve it or ask for changes.'],
    link: 'Read the document and decide',
  }),
  'kinship-waiting': (m) => ({
    subject: `Waiting to publish: ${m.about}`,
    paragraphs: [`${m.actorName} (${m.agencyName}) has sent “${m.about}” for review. Publish it in the Kinship Local Offer, or return it to the agency with a comment.`],
    link: 'Review the item',
  }),
  'kinship-returned': (m) => ({
    subject: `Returned to your agency: ${m.about}`,
    paragraphs: [
      `${m.actorName} has returned “${m.about}” to ${m.agencyName} with a comment instead of publishing it.`,
      'Read the comment, change the item, then send it for review again.',
    ],
    link: 'Read the comment',
  }),
  'readiness-challenged': (m) => ({
    subject: `Readiness challenged: ${m.about}`,
    paragraphs: [`${m.actorName} has challenged ${m.agencyName}’s readiness assessment for “${m.about}”.`, 'Read why, then update the assessment and its evidence.'],
    link: 'See the assessment',
  }),
  'readiness-answered': (m) => ({
    subject: `Challenge answered: ${m.about}`,
    paragraphs: [`${m.actorName} (${m.agencyName}) has updated the readiness assessment you challenged for “${m.about}”. It is waiting for you to look again.`],
    link: 'See the assessment',
  }),
};

export function eventMail(kind: NotificationKind, m: EventMail): MailContent {
  const w = WORDS[kind](m);
  const content = render({
    subject: w.subject,
    greeting: `Dear ${m.name},`,
    paragraphs: w.paragraphs,
    link: { text: w.link, url: m.url },
    signOff: m.partnershipName,
    footnote: FOOTNOTE,
    ...(m.unsubscribeUrl ? { unsubscribe: { text: 'Stop emails like this one', url: m.unsubscribeUrl } } : {}),
  });
  return m.oneClickUrl ? { ...content, headers: { 'List-Unsubscribe': `<${m.oneClickUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } } : content;
}
