import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Config } from '../config.js';
import type { Mailer } from '../mail/mailer.js';
import { PlatformRepository } from '../repositories/platform-repository.js';

/** What the mail jobs share across partnerships: the tables, the mailer and the portal's address. */
export interface JobDeps {
  doc: DynamoDBDocumentClient;
  tables: Config['tables'];
  mailer: Mailer;
  /** The portal's address, for links: e.g. https://portal.example.org (no trailing slash). */
  portalUrl: string;
}

/** One partnership's deps: what `runReminders`, `runDigest` and `runOutbox` take. */
export interface PartnershipJobDeps extends JobDeps {
  partnershipId: string;
}

/** How a job went in each partnership: those it ran to the end in, and those where it threw. */
export interface PartnershipRuns<T> {
  done: { partnershipId: string; value: T }[];
  failed: { partnershipId: string; error: unknown }[];
}

/**
 * Runs `job` for each of `partnershipIds`, one after another, each in isolation: one that throws is
 * recorded and the next still runs. One at a time because the partnerships share one sender's SES
 * sending rate and one Lambda's connections; a run is mostly waiting on the network anyway.
 */
export async function inEachPartnership<T>(partnershipIds: readonly string[], job: (partnershipId: string) => Promise<T>): Promise<PartnershipRuns<T>> {
  const runs: PartnershipRuns<T> = { done: [], failed: [] };
  for (const partnershipId of partnershipIds) {
    try {
      runs.done.push({ partnershipId, value: await job(partnershipId) });
    } catch (error) {
      runs.failed.push({ partnershipId, error });
    }
  }
  return runs;
}

/**
 * Runs a job in every partnership the service hosts (its list: one Query of `PLATFORM#PARTNERSHIPS`),
 * each with that partnership's deps and in isolation (see {@link inEachPartnership}). The caller
 * decides what a failure means; {@link PartnershipJobsFailed} reports them together.
 */
export async function everyPartnership<T>(deps: JobDeps, job: (deps: PartnershipJobDeps) => Promise<T>): Promise<PartnershipRuns<T>> {
  const hosted = await new PlatformRepository(deps.doc, deps.tables.main).listPartnerships();
  return inEachPartnership(
    hosted.map((p) => p.id),
    (partnershipId) => job({ ...deps, partnershipId }),
  );
}

/**
 * A job that failed in some partnerships, thrown once all of them have had their turn so a
 * scheduled run still ends in error (the Lambda's Errors metric, its alarm). The message names each
 * partnership and what went wrong there; `errors` holds the originals.
 */
export class PartnershipJobsFailed extends AggregateError {
  readonly partnershipIds: string[];

  constructor(job: string, failed: PartnershipRuns<unknown>['failed']) {
    super(
      failed.map((f) => f.error),
      `${job} failed in ${failed.length === 1 ? '1 partnership' : `${failed.length} partnerships`}: ${failed.map((f) => `${f.partnershipId}: ${messageOf(f.error)}`).join('; ')}`,
    );
    this.name = 'PartnershipJobsFailed';
    this.partnershipIds = failed.map((f) => f.partnershipId);
  }
}

/** An error's message (or the thing thrown, as text). */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
