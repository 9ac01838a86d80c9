import type { Principal } from '../auth/tokens.js';
import type { WriteContext, Writer } from '../db/transact.js';
import { sha256Hex, type DocumentStore } from '../documents/document-store.js';
import { Conflict, Forbidden, NotFound, ValidationFailed } from '../http/errors.js';
import type { StoredVersion, ThresholdRepository } from '../repositories/threshold-repository.js';
import { assertVersion } from '../repositories/version-guard.js';
import { deriveStatus, versionIdFor, type IssueVersionRequest, type SignOff, type SignOffRequest, type ThresholdVersion } from '../../shared/threshold/schema.js';
import { sameValue } from '../../shared/audit/changes.js';

export interface UploadedDocument {
  bytes: Uint8Array;
  contentType: 'application/pdf';
}

/** The threshold document's version-by-version sign-off record. */
export class ThresholdService {
  constructor(
    private readonly repo: ThresholdRepository,
    private readonly writer: Writer,
    private readonly documents: DocumentStore,
    /** Where this partnership's documents are kept in the store (`mscp/`): every object key begins with it. */
    private readonly documentPrefix: string,
  ) {}

  async list(): Promise<ThresholdVersion[]> {
    const { config, versions, decisions } = await this.repo.getThresholdRecord();
    return versions
      .map((v) => {
        const ds = decisions.filter((d) => d.versionId === v.id).map(({ versionId: _v, ...d }) => d);
        const { status, signedOffAt } = deriveStatus(v, ds, v.id === config.currentVersionId);
        const { objectKey: _o, issuedByName: _n, ...rest } = v;
        return { ...rest, status, signedOffAt, decisions: ds.sort((a, b) => a.at.localeCompare(b.at)) };
      })
      .sort((a, b) => b.issuedAt.localeCompare(a.issuedAt));
  }

  async get(versionId: string): Promise<ThresholdVersion> {
    const v = (await this.list()).find((x) => x.id === versionId);
    if (!v) throw new NotFound(`There is no threshold document version ${versionId}.`);
    return v;
  }

  async content(versionId: string): Promise<{ version: ThresholdVersion; body: string | Uint8Array }> {
    const version = await this.get(versionId);
    const stored = await this.repo.getContent(versionId);
    if (stored?.content !== undefined) return { version, body: stored.content };
    if (stored?.objectKey) {
      const bytes = await this.documents.get(stored.objectKey);
      if (bytes) return { version, body: bytes };
    }
    throw new NotFound('The document for this version could not be found.');
  }

  async config() {
    const { config } = await this.repo.getThresholdRecord();
    return { requiredAgencyIds: config.requiredAgencyIds, currentVersionId: config.currentVersionId, version: config.version };
  }

  /**
   * Which agencies must sign. Applies to versions issued from now on: an issued version keeps the
   * list it was issued with, so a decision record never changes under people's feet.
   */
  async setRequiredAgencies(user: Principal, requiredAgencyIds: string[], agencyIds: string[], expectedVersion: number, ctx: WriteContext) {
    if (user.role !== 'lead') throw new Forbidden('Only the programme lead sets which agencies sign the threshold document.');
    const errors = requiredAgencyIds
      .map((a, i) => ({ a, i }))
      .filter(({ a }) => !agencyIds.includes(a))
      .map(({ i }) => ({ path: `requiredAgencyIds[${i}]`, message: 'Choose an agency of the partnership' }));
    if (errors.length) throw new ValidationFailed(errors);
    const { config } = await this.repo.getThresholdRecord();
    assertVersion(config.version > 0 ? config : null, expectedVersion);
    const next = { ...config, requiredAgencyIds: [...new Set(requiredAgencyIds)], version: config.version + 1 };
    if (sameValue(config.requiredAgencyIds, next.requiredAgencyIds))
      return { requiredAgencyIds: config.requiredAgencyIds, currentVersionId: config.currentVersionId, version: config.version };
    await this.writer.write(
      [this.repo.configOp(next, expectedVersion)],
      {
        action: 'threshold.config',
        entityType: 'threshold-document',
        entityId: 'config',
        summary: 'Changed the agencies that sign the threshold document',
        changes: { requiredAgencyIds: { from: config.requiredAgencyIds, to: next.requiredAgencyIds } },
      },
      ctx,
    );
    return { requiredAgencyIds: next.requiredAgencyIds, currentVersionId: next.currentVersionId, version: next.version };
  }

  /**
   * Issues a new version, superseding the current one. `expectedVersion` is the configuration's ETag
   * the lead read (GET /api/threshold-config): issuing moves the current version and copies who must
   * sign, so it is refused (412) if either changed since the lead looked.
   */
  async issue(user: Principal, input: IssueVersionRequest, upload: UploadedDocument | null, expectedVersion: number, ctx: WriteContext): Promise<ThresholdVersion> {
    if (user.role !== 'lead') throw new Forbidden('Only the programme lead issues threshold document versions.');
    const { config, versions } = await this.repo.getThresholdRecord();
    assertVersion(config.version > 0 ? config : null, expectedVersion);
    if (config.requiredAgencyIds.length === 0) throw new Conflict('No agencies are set to sign the threshold document. Set the required agencies first.');
    const id = versionIdFor(input.versionLabel);
    if (versions.some((v) => v.id === id)) throw new Conflict(`Version ${input.versionLabel} has already been issued. Use a new version label, such as the next number.`);
    const bytes = upload ? upload.bytes : new TextEncoder().encode(input.content);
    const sha256 = sha256Hex(bytes);
    let stored: { content?: string; objectKey?: string };
    if (upload) {
      // The partnership's own documents (a key stored with the version, so older ones stay where they are).
      const objectKey = `${this.documentPrefix}threshold/${sha256}.pdf`;
      await this.documents.put(objectKey, upload.bytes, upload.contentType);
      stored = { objectKey };
    } else {
      stored = { content: input.content };
    }
    const version: StoredVersion = {
      id,
      title: input.title,
      versionLabel: input.versionLabel,
      summaryOfChanges: input.summaryOfChanges,
      effectiveFrom: input.effectiveFrom,
      issuedBy: user.email,
      issuedByName: user.name,
      issuedAt: ctx.now.toISOString(),
      sha256,
      contentType: upload ? 'application/pdf' : 'text/markdown',
      size: bytes.byteLength,
      requiredAgencyIds: config.requiredAgencyIds,
      ...(stored.objectKey ? { objectKey: stored.objectKey } : {}),
    };
    const previous = config.currentVersionId;
    await this.writer.write(
      this.repo.issueOps(version, stored, config, expectedVersion),
      {
        action: 'threshold.issue',
        entityType: 'threshold-document',
        entityId: id,
        summary: `Issued ${input.versionLabel}${previous ? `, superseding ${versions.find((v) => v.id === previous)?.versionLabel ?? previous}` : ''}`,
        after: { ...version, objectKey: undefined },
        ...(previous ? { meta: { supersedes: previous } } : {}),
      },
      ctx,
    );
    return this.get(id);
  }

  async decide(user: Principal, versionId: string, input: SignOffRequest, ctx: WriteContext): Promise<ThresholdVersion> {
    if (user.role !== 'partner') throw new Forbidden('Only the signatory of a statutory partner agency records sign-off decisions.');
    if (!user.signatory) throw new Forbidden("Only your agency's signatory (its accountable officer or delegate) can record the decision.");
    const version = await this.get(versionId);
    if (!user.agencyId || !version.requiredAgencyIds.includes(user.agencyId)) throw new Forbidden('Your agency is not one of the partners that sign this document.');
    if (version.status === 'superseded') throw new Conflict('This version has been superseded by a newer one. Sign the current version instead.');
    if (version.decisions.some((d) => d.agencyId === user.agencyId)) throw new Conflict('Your agency has already recorded its decision on this version. Decisions are permanent.');
    if (input.sha256 && input.sha256 !== version.sha256) throw new Conflict('The document you reviewed is not the one on record (the hash differs). Reload and review it again.');
    const decision: SignOff = {
      agencyId: user.agencyId,
      decision: input.decision,
      comment: input.comment,
      by: user.email,
      byName: user.name,
      at: ctx.now.toISOString(),
      sha256: version.sha256,
    };
    await this.writer.write(
      this.repo.decisionOps(versionId, decision),
      {
        action: input.decision === 'approve' ? 'threshold.approve' : 'threshold.request-changes',
        entityType: 'threshold-document',
        entityId: versionId,
        summary: `${input.decision === 'approve' ? 'Approved' : 'Requested changes to'} ${version.versionLabel} for ${user.agencyId}`,
        after: decision,
      },
      ctx,
    );
    return this.get(versionId);
  }
}
