import { isRetired } from '../../shared/partnership/period-scope.js';
import { randomUUID } from 'node:crypto';
import type { Principal } from '../auth/tokens.js';
import type { WriteContext, Writer } from '../db/transact.js';
import { Conflict, Forbidden, NotFound, Unprocessable, ValidationFailed } from '../domain/errors.js';
import type { KinshipRepository } from '../repositories/kinship-repository.js';
import type { PartnershipRepository } from '../repositories/partnership-repository.js';
import { assertVersion } from '../repositories/version-guard.js';
import {
  addMonths,
  CATEGORIES,
  CATEGORY_LABELS,
  coverage,
  CreateItemRequest,
  ItemContent,
  type Category,
  type KinshipItem,
  type PublicItem,
  type UpdateItemRequest,
} from '../../shared/kinship/schema.js';
import { readyForReview } from '../../shared/kinship/ready.js';
import { slugify } from '../../shared/workstreams/milestone.js';
import { ukDate } from '../../shared/periods/period.js';
import { scanFields, type Warning } from '../../shared/pii/detect.js';
import { refuseStoredIdentifiers } from './personal-data.js';
import { fieldErrors } from '../http/problem.js';
import { changedFields, noChanges } from '../../shared/audit/changes.js';

const CONTENT_KEYS = Object.keys(ItemContent.shape) as (keyof ItemContent)[];
const contentOf = (i: ItemContent): ItemContent => Object.fromEntries(CONTENT_KEYS.map((k) => [k, i[k]])) as ItemContent;

/** 422 naming each missing field when an item is not ready to go to the lead or to families; nothing is written. */
function assertReady(item: KinshipItem, what: 'sent for review' | 'published') {
  const missing = readyForReview(item);
  if (missing.length) throw new Unprocessable(`This item cannot be ${what} yet: ${missing.map((m) => m.message).join('; ')}.`, missing);
}

export interface ItemFilter {
  status?: string;
  category?: string;
  agencyId?: string;
}

/** The Kinship Local Offer register (s22H) and the published offer itself. */
export class KinshipService {
  constructor(
    private readonly repo: KinshipRepository,
    private readonly partnership: PartnershipRepository,
    private readonly writer: Writer,
  ) {}

  async list(filter: ItemFilter): Promise<(KinshipItem & { warnings: Warning[] })[]> {
    const items = await this.repo.listKinshipItems();
    return items
      .filter((i) => !filter.status || i.status === filter.status)
      .filter((i) => !filter.category || i.category === filter.category)
      .filter((i) => !filter.agencyId || i.ownerAgencyId === filter.agencyId || i.providerAgencyId === filter.agencyId)
      .sort((a, b) => CATEGORIES.indexOf(a.category) - CATEGORIES.indexOf(b.category) || a.title.localeCompare(b.title))
      .map((i) => ({ ...i, warnings: scanFields(contentOf(i)) }));
  }

  async get(id: string): Promise<KinshipItem & { warnings: Warning[] }> {
    const item = await this.load(id);
    return { ...item, warnings: scanFields(contentOf(item)) };
  }

  /** The stored item, for writes (no derived fields to strip before saving). */
  private async load(id: string): Promise<KinshipItem> {
    const item = await this.repo.getKinshipItem(id);
    if (!item) throw new NotFound(`There is no Kinship Local Offer item ${id}.`);
    return item;
  }

  private assertCanEdit(user: Principal, item?: KinshipItem) {
    if (user.role === 'executive') throw new Forbidden('Partnership executives can read the register but not change it.');
    if (user.role === 'partner' && item && item.ownerAgencyId !== user.agencyId) throw new Forbidden("You can only change your own agency's items.");
  }

  /** The provider is one of the partnership's agencies in use (one retired stays only on an item that already names it). */
  private async checkContent(content: ItemContent, current?: ItemContent) {
    const errors = [];
    if (content.providerAgencyId) {
      const data = await this.partnership.getPartnershipData();
      const provider = data.agencies.find((a) => a.id === content.providerAgencyId);
      if (!provider) errors.push({ path: 'providerAgencyId', message: 'Choose one of the partnership agencies, or name the organisation instead' });
      else if (isRetired(provider) && provider.id !== current?.providerAgencyId)
        errors.push({ path: 'providerAgencyId', message: `${provider.name} is retired from the partnership. Choose an agency in use, or name the organisation instead` });
    }
    if (errors.length) throw new ValidationFailed(errors);
  }

  async create(user: Principal, content: ItemContent, ctx: WriteContext): Promise<KinshipItem> {
    this.assertCanEdit(user);
    if (!user.agencyId) throw new Forbidden('Your account is not linked to an agency.');
    await this.checkContent(content);
    const now = ctx.now.toISOString();
    const item: KinshipItem = {
      ...content,
      id: `${slugify(content.title, 48)}-${randomUUID().slice(0, 6)}`,
      ownerAgencyId: user.agencyId,
      status: 'draft',
      version: 1,
      published: null,
      publishedAt: null,
      revisionPending: false,
      revision: 0,
      reviewComments: [],
      lastReviewedAt: null,
      nextReviewDue: null,
      createdBy: user.email,
      updatedBy: user.email,
      updatedByName: user.name,
      updatedAt: now,
    };
    await this.writer.write(
      [this.repo.createOp(item)],
      { action: 'kinship.create', entityType: 'kinship-item', entityId: item.id, summary: `Drafted "${item.title}"`, after: content },
      ctx,
    );
    return item;
  }

  /**
   * PATCH: changes only the fields sent (`patch` has no defaults). The item that results is checked
   * by the same rules as a new one (schema, provider, financial support, agency ids).
   */
  async update(user: Principal, id: string, patch: UpdateItemRequest, expectedVersion: number, ctx: WriteContext): Promise<KinshipItem> {
    const current = await this.load(id);
    this.assertCanEdit(user, current);
    assertVersion(current, expectedVersion);
    if (current.status === 'retired') throw new Conflict('This item is retired. Ask the programme lead to create a new one instead.');
    const parsed = CreateItemRequest.safeParse(contentOf({ ...contentOf(current), ...patch }));
    if (!parsed.success) throw new ValidationFailed(fieldErrors(parsed.error));
    const content = contentOf(parsed.data);
    await this.checkContent(content, contentOf(current));
    // Editing a published item opens a revision for review; the published text stays live.
    const status = current.status === 'published' ? 'in-review' : current.status;
    const next: KinshipItem = {
      ...current,
      ...content,
      status,
      revisionPending: current.published !== null,
      version: current.version + 1,
      updatedBy: user.email,
      updatedByName: user.name,
      updatedAt: ctx.now.toISOString(),
    };
    const changes = changedFields(contentOf(current), content, CONTENT_KEYS);
    // Nothing really changed: no revision to review, nothing to write or audit.
    if (noChanges(changes)) return current;
    await this.writer.write(
      [this.repo.replaceOp(next, expectedVersion)],
      {
        action: 'kinship.update',
        entityType: 'kinship-item',
        entityId: id,
        summary: current.status === 'published' ? 'Edited the published item (revision waits for review)' : 'Edited the item',
        changes,
      },
      ctx,
    );
    return next;
  }

  async transition(user: Principal, id: string, action: 'submit' | 'publish' | 'retire', expectedVersion: number, ctx: WriteContext): Promise<KinshipItem> {
    const current = await this.load(id);
    if (action === 'submit') this.assertCanEdit(user, current);
    else if (user.role !== 'lead') throw new Forbidden(`Only the programme lead can ${action} items.`);
    assertVersion(current, expectedVersion);
    const now = ctx.now.toISOString();
    const today = ukDate(ctx.now);
    let next: KinshipItem;
    const ops = [];
    if (action === 'submit') {
      if (current.status !== 'draft' && current.status !== 'returned') throw new Conflict(`Only draft or returned items are sent for review; this one is ${current.status}.`);
      assertReady(current, 'sent for review');
      next = { ...current, status: 'in-review', version: current.version + 1, updatedBy: user.email, updatedByName: user.name, updatedAt: now };
    } else if (action === 'publish') {
      if (current.status === 'published') throw new Conflict('This item is already published and has no changes waiting.');
      if (current.status === 'retired') throw new Conflict('Retired items cannot be published again.');
      assertReady(current, 'published');
      const content = contentOf(current);
      refuseStoredIdentifiers(content);
      const revision = current.revision + 1;
      next = {
        ...current,
        status: 'published',
        published: content,
        publishedAt: now,
        revisionPending: false,
        revision,
        lastReviewedAt: today,
        nextReviewDue: addMonths(today, 12),
        version: current.version + 1,
        updatedBy: user.email,
        updatedByName: user.name,
        updatedAt: now,
      };
      ops.push(this.repo.revisionOp(id, revision, content, now, user.email));
    } else {
      if (current.status === 'retired') throw new Conflict('This item is already retired.');
      next = { ...current, status: 'retired', version: current.version + 1, updatedBy: user.email, updatedByName: user.name, updatedAt: now };
    }
    await this.writer.write(
      [this.repo.replaceOp(next, expectedVersion), ...ops],
      {
        action: `kinship.${action}`,
        entityType: 'kinship-item',
        entityId: id,
        summary: { submit: 'Sent for review', publish: `Published revision ${next.revision}`, retire: 'Retired the item' }[action],
        changes: { status: { from: current.status, to: next.status } },
      },
      ctx,
    );
    return next;
  }

  /**
   * The lead sends an item in review back to its agency with a comment, instead of publishing it.
   * The comment is kept on the item for the agency; a published item's live text is untouched.
   */
  async returnToAgency(user: Principal, id: string, comment: string, expectedVersion: number, ctx: WriteContext): Promise<KinshipItem> {
    if (user.role !== 'lead') throw new Forbidden('Only the programme lead returns items to their agency.');
    const current = await this.load(id);
    assertVersion(current, expectedVersion);
    if (current.status !== 'in-review') throw new Conflict(`Only items in review can be returned to their agency; this one is ${current.status}.`);
    const now = ctx.now.toISOString();
    const next: KinshipItem = {
      ...current,
      status: 'returned',
      reviewComments: [...current.reviewComments, { comment, by: user.email, byName: user.name, at: now }],
      version: current.version + 1,
      updatedBy: user.email,
      updatedByName: user.name,
      updatedAt: now,
    };
    await this.writer.write(
      [this.repo.replaceOp(next, expectedVersion)],
      {
        action: 'kinship.return',
        entityType: 'kinship-item',
        entityId: id,
        summary: 'Returned the item to the agency with comments',
        changes: { status: { from: current.status, to: next.status } },
        meta: { comment },
      },
      ctx,
    );
    return next;
  }

  async coverage(today = ukDate(new Date())) {
    return coverage(await this.repo.listKinshipItems(), today);
  }

  /** The published offer for families: only live published text, grouped by category. */
  async publicOffer() {
    const [items, data] = await Promise.all([this.repo.listKinshipItems(), this.partnership.getPartnershipData()]);
    const agencies = new Map(data.agencies.map((a) => [a.id, a.name]));
    const live = items.filter((i) => i.published && i.status !== 'retired');
    const toPublic = (i: KinshipItem): PublicItem => {
      const p = i.published!;
      return {
        id: i.id,
        category: p.category,
        title: p.title,
        summary: p.summary,
        arrangementTypes: p.arrangementTypes,
        audience: p.audience,
        eligibility: p.eligibility,
        howToApply: p.howToApply,
        meansTested: p.meansTested,
        howDecisionsAreMade: p.howDecisionsAreMade,
        provider: p.providerName ?? (p.providerAgencyId ? (agencies.get(p.providerAgencyId) ?? p.providerAgencyId) : ''),
        contact: p.contact,
      };
    };
    const groups = CATEGORIES.map((category: Category) => ({
      category,
      label: CATEGORY_LABELS[category],
      items: live
        .filter((i) => i.published!.category === category)
        .map(toPublic)
        .sort((a, b) => a.title.localeCompare(b.title)),
    })).filter((g) => g.items.length > 0);
    return {
      partnership: data.partnership?.name ?? '',
      lastUpdated:
        live
          .map((i) => i.publishedAt)
          .filter((x): x is string => Boolean(x))
          .sort()
          .at(-1) ?? null,
      groups,
    };
  }
}
