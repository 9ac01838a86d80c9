import type { Me } from '../../shared/auth/roles.js';
import { certifyRefusal } from '../../shared/returns/rules.js';
import { type AttentionItem, byUrgency } from '../../shared/attention/schema.js';
import { currentOpenPeriod } from '../../shared/periods/choice.js';
import { daysBetween, formatDayLong, isDelivered, periodLongLabel, ukDate } from '../../shared/periods/period.js';
import { count, listOf } from '../../shared/text/plural.js';
import type { Period } from '../../shared/periods/period.js';
import { periodScope, reportingAgencyIds } from '../../shared/partnership/period-scope.js';
import type { KinshipRepository } from '../repositories/kinship-repository.js';
import type { MailStopRepository } from '../repositories/mail-stop-repository.js';
import type { UserRepository } from '../repositories/user-repository.js';
import type { PartnershipRepository } from '../repositories/partnership-repository.js';
import type { ReadinessRepository } from '../repositories/readiness-repository.js';
import type { ReturnRepository } from '../repositories/return-repository.js';
import type { ThresholdService } from './threshold-service.js';

/** Days before a due date (or a review date) from which it counts as "soon". */
const SOON_DAYS = 14;

/**
 * "Needs your attention" (issue 12 part 4): what each role has to act on now, built from the
 * records in a few Queries (partnership, the open period's returns, threshold, Kinship items,
 * readiness): the lead's reviews, publications, validations and outstanding sign-offs; a partner's
 * own return, sign-off, challenged assessments and items; the executive's overdue returns and red
 * workstreams. Most urgent first; each with a link to where it is dealt with.
 */
export class AttentionService {
  constructor(
    private readonly partnership: PartnershipRepository,
    private readonly returns: ReturnRepository,
    private readonly threshold: ThresholdService,
    private readonly kinship: KinshipRepository,
    private readonly readiness: ReadinessRepository,
    private readonly mailStops: MailStopRepository,
    private readonly users: UserRepository,
  ) {}

  async forUser(me: Me, now: Date): Promise<{ items: AttentionItem[] }> {
    const today = ukDate(now);
    const data = await this.partnership.getPartnershipData();
    const period = currentOpenPeriod(data.periods, today) as Period | undefined;
    const name = (id: string) => data.agencies.find((a) => a.id === id)?.name ?? id;
    // The agencies that make a return for the period (a retired one only for periods it was in use during).
    const reporting = period ? reportingAgencyIds(periodScope(data, period)) : [];
    const headers = period ? await this.returns.listReturnsForPeriod(period.id) : [];
    const statusOf = (agencyId: string) => headers.find((h) => h.agencyId === agencyId)?.status ?? 'not-started';
    const overdue = period !== undefined && today > period.dueDate;
    const items: AttentionItem[] = [];
    const late = period ? reporting.filter((a) => !isDelivered(statusOf(a))) : [];

    if (me.role === 'lead' || me.role === 'executive') {
      if (period && overdue && late.length) {
        items.push({
          key: `overdue#${period.id}`,
          text: `${count(late.length, 'return')} for ${periodLongLabel(period.id)} ${late.length === 1 ? 'is' : 'are'} overdue: ${listOf(late.map(name))}.`,
          href: `/returns/${period.id}`,
          urgency: 'overdue',
        });
      }
    }
    if (me.role === 'lead' && period) {
      const waiting = headers.filter((h) => h.status === 'submitted').map((h) => name(h.agencyId));
      if (waiting.length)
        items.push({
          key: `review#${period.id}`,
          text: `${count(waiting.length, 'return')} waiting for your review: ${listOf(waiting)}.`,
          href: `/returns/${period.id}`,
          urgency: 'normal',
        });
    }
    if (me.role === 'executive') {
      const red = data.overallConfidence
        .filter((o) => o.periodId === period?.id && o.confidence === 'red')
        .map((o) => data.workstreams.find((w) => w.id === o.workstreamId)?.name ?? o.workstreamId);
      if (red.length) items.push({ key: 'red', text: `${listOf(red)} ${red.length === 1 ? 'is' : 'are'} rated red this quarter.`, href: '/tracker', urgency: 'normal' });
      return { items: byUrgency(items) };
    }

    const [versions, kinshipItems, readiness] = await Promise.all([this.threshold.list(), this.kinship.listKinshipItems(), this.readiness.getAllReadiness()]);
    const current = versions.find((v) => v.status !== 'superseded' && v.status !== 'signed-off');
    const undecided = current ? current.requiredAgencyIds.filter((a) => !current.decisions.some((d) => d.agencyId === a)) : [];
    const criterion = (id: string) => readiness.criteria.find((c) => c.id === id);

    if (me.role === 'lead') {
      if (current && undecided.length) {
        const days = daysBetween(ukDate(new Date(current.issuedAt)), today);
        items.push({
          key: `sign-off#${current.id}`,
          text: `${listOf(undecided.map(name))} ${undecided.length === 1 ? 'has' : 'have'} not signed off threshold document ${current.versionLabel}, issued ${count(days, 'day')} ago.`,
          href: '/threshold',
          urgency: days > 30 ? 'overdue' : 'normal',
        });
      }
      const inReview = kinshipItems.filter((i) => i.status === 'in-review');
      if (inReview.length)
        items.push({ key: 'kinship-review', text: `${count(inReview.length, 'Kinship offer item')} waiting to publish.`, href: '/kinship?status=in-review', urgency: 'normal' });
      const toValidate = readiness.assessments.filter((a) => a.status !== 'not-started' && !a.validation && !criterion(a.criterionId)?.derivedFrom);
      if (toValidate.length)
        items.push({
          key: 'readiness-validate',
          text: `${count(toValidate.length, 'readiness assessment')} waiting for you to confirm or challenge.`,
          href: '/readiness',
          urgency: 'normal',
        });
      const stops = await this.mailStops.list();
      if (stops.length) {
        const people = (await this.users.listRecipients()).filter((p) => stops.some((s) => s.email === p.email.toLowerCase()));
        const names = people.map((p) => p.name);
        if (names.length)
          items.push({
            key: 'mail-stopped',
            text: `Email to ${listOf(names)} is not being delivered: the address bounced, or they reported the portal’s email as spam. Check the address with ${names.length === 1 ? 'them' : 'each of them'}.`,
            href: people.length === 1 ? `/people/${people[0]!.id}` : '/people',
            urgency: 'soon',
          });
      }
      return { items: byUrgency(items) };
    }

    // A partner: their own agency's work.
    const agencyId = me.agencyId ?? '';
    if (period && reporting.includes(agencyId)) {
      const status = statusOf(agencyId);
      const days = daysBetween(today, period.dueDate);
      const href = `/our-return/${period.id}`;
      const certification = headers.find((h) => h.agencyId === agencyId)?.certification;
      if (status === 'awaiting-certification') {
        // The certifiers are asked; the preparer has done their part and sees where it stands.
        if (certifyRefusal(me, agencyId, certification?.preparedBy) === null)
          items.push({
            key: `certify#${period.id}`,
            text: `${certification?.preparedByName ?? 'A colleague'} has sent your agency’s return for ${periodLongLabel(period.id)} for you to certify. Check it, then certify it or send it back.`,
            href: `${href}/certify`,
            urgency: overdue ? 'overdue' : 'soon',
          });
      } else if (status === 'draft' && certification?.comments.length && certification.preparedBy?.toLowerCase() === me.email.toLowerCase())
        items.push({
          key: `return#${period.id}`,
          text: `${certification.comments.at(-1)!.byName} sent your return for ${periodLongLabel(period.id)} back with comments instead of certifying it. Make the changes and send it again.`,
          href,
          urgency: overdue ? 'overdue' : 'soon',
        });
      else if (status === 'returned')
        items.push({
          key: `return#${period.id}`,
          text: `Your return for ${periodLongLabel(period.id)} was returned with comments. Make the changes and submit it again.`,
          href,
          urgency: overdue ? 'overdue' : 'soon',
        });
      else if (!isDelivered(status))
        items.push({
          key: `return#${period.id}`,
          text: overdue
            ? `Your return for ${periodLongLabel(period.id)} is overdue: it was due on ${formatDayLong(period.dueDate)}.`
            : `Your return for ${periodLongLabel(period.id)} is due ${days === 0 ? 'today' : days === 1 ? 'tomorrow' : `in ${days} days, on ${formatDayLong(period.dueDate)}`}.`,
          href,
          urgency: overdue ? 'overdue' : days <= SOON_DAYS ? 'soon' : 'normal',
        });
    }
    if (me.signatory && current && undecided.includes(agencyId))
      items.push({ key: `sign-off#${current.id}`, text: `Threshold document ${current.versionLabel} is waiting for your agency’s sign-off.`, href: '/threshold', urgency: 'soon' });
    const challenged = readiness.assessments.filter((a) => a.agencyId === agencyId && a.validation?.outcome === 'challenged');
    if (challenged.length)
      items.push({
        key: 'readiness-challenged',
        text: `${count(challenged.length, 'readiness assessment')} of your agency ${challenged.length === 1 ? 'was' : 'were'} challenged by the programme lead.`,
        href: '/readiness',
        urgency: 'soon',
      });
    const ours = kinshipItems.filter((i) => i.ownerAgencyId === agencyId);
    const returned = ours.filter((i) => i.status === 'returned');
    if (returned.length)
      items.push({ key: 'kinship-returned', text: `${count(returned.length, 'Kinship offer item')} returned to your agency with comments.`, href: '/kinship', urgency: 'soon' });
    const reviewDue = ours.filter((i) => i.status === 'published' && i.nextReviewDue && daysBetween(today, i.nextReviewDue) <= SOON_DAYS * 2);
    if (reviewDue.length)
      items.push({
        key: 'kinship-review-due',
        text: `${count(reviewDue.length, 'Kinship offer item')} ${reviewDue.length === 1 ? 'is' : 'are'} due for review: ${listOf(reviewDue.map((i) => i.title))}.`,
        href: '/kinship',
        urgency: reviewDue.some((i) => i.nextReviewDue! < today) ? 'overdue' : 'soon',
      });
    return { items: byUrgency(items) };
  }
}
