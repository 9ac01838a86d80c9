import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { deriveKinshipOfferComplete, deriveThresholdSignedOff } from '../../shared/readiness/schema.js';
import { type IdentityDirectory, LocalDirectory } from '../auth/directory.js';
import { lazyCognitoDirectory } from '../auth/lazy-cognito-directory.js';
import { type AuthenticatorLookup, EnrolmentCheck, PendingSetups } from '../auth/second-factor.js';
import type { LocalTokenIssuer } from '../auth/tokens.js';
import { lazySesMailer } from '../mail/lazy-ses-mailer.js';
import type { Mailer } from '../mail/mailer.js';
import type { Logger } from '../logger.js';
import type { Config } from '../config.js';
import { tracked, Writer } from '../db/transact.js';
import { TrackerSummaryRepository } from '../repositories/tracker-summary-repository.js';
import { platformKeys } from '../db/keys.js';
import { DiskDocumentStore, S3DocumentStore, type DocumentStore } from '../documents/document-store.js';
import { AuditRepository } from '../repositories/audit-repository.js';
import { ErasureRepository } from '../repositories/erasure-repository.js';
import { KinshipRepository } from '../repositories/kinship-repository.js';
import { PartnershipRepository } from '../repositories/partnership-repository.js';
import { PeriodRepository } from '../repositories/period-repository.js';
import { ReadinessRepository } from '../repositories/readiness-repository.js';
import { ReturnRepository } from '../repositories/return-repository.js';
import { ThresholdRepository } from '../repositories/threshold-repository.js';
import { UserRepository } from '../repositories/user-repository.js';
import { AccountRepository } from '../repositories/account-repository.js';
import { AuditService } from './audit-service.js';
import { AuthService, partnershipAccount, type SignInAccount } from './auth-service.js';
import { ErasureService } from './erasure-service.js';
import { KinshipService } from './kinship-service.js';
import { PeopleService } from './people-service.js';
import { ChaseService } from './chase-service.js';
import { AttentionService } from './attention-service.js';
import { NotificationSettingsService } from './notification-settings-service.js';
import { PreferenceRepository } from '../repositories/preference-repository.js';
import { ChaseRepository } from '../repositories/chase-repository.js';
import { NotificationRepository } from '../repositories/notification-repository.js';
import { OutboxRepository } from '../repositories/outbox-repository.js';
import { MailStopRepository } from '../repositories/mail-stop-repository.js';
import { notificationOf } from '../notify/events.js';
import { partnershipUrl } from '../../shared/partnership/paths.js';
import { ProgrammeService } from './programme-service.js';
import { WorkstreamService } from './workstream-service.js';
import { AgencyService } from './agency-service.js';
import { ReadinessService } from './readiness-service.js';
import { ReturnsService } from './returns-service.js';
import { ThresholdService } from './threshold-service.js';
import { TrackerService } from './tracker-service.js';
import { MeasuresService } from './measures-service.js';
import { MeasureRepository } from '../repositories/measure-repository.js';
import { PlatformService } from './platform-service.js';
import { ReportService } from './report-service.js';
import { ReportRepository } from '../repositories/report-repository.js';
import { SecondFactorService } from './second-factor-service.js';
import { PlatformRepository } from '../repositories/platform-repository.js';
import { templateCatalogue } from '../seed/templates.js';

/**
 * What the services are built from. The app's own dependencies (`AppDeps` in app.ts) extend this;
 * route files take these types from here, never from app.ts, so nothing but the entry points
 * imports the app.
 */
export interface ServiceDeps {
  config: Config;
  doc: DynamoDBDocumentClient;
  /** Local mode only: issues tokens for the built-in sign-in. */
  localIssuer?: LocalTokenIssuer;
  /** Uploaded documents; defaults to S3 when a bucket is configured, else a folder under DATA_DIR. */
  documents?: DocumentStore;
  /** Email; defaults to SES (aws-ses-v2-local locally) as configured. */
  mailer?: Mailer;
  /** Where people sign in; defaults to Cognito in AWS and the portal's own records locally. */
  directory?: IdentityDirectory;
  logger?: Logger;
}

function defaultDirectory(config: Config): IdentityDirectory {
  return config.auth.mode === 'cognito' ? lazyCognitoDirectory({ region: config.auth.region, userPoolId: config.auth.userPoolId }) : new LocalDirectory();
}

/** Where whether someone has an authenticator is read: their credential locally, Cognito in AWS (the directory given, when it can tell). */
function authenticatorLookup(deps: ServiceDeps, accounts: AccountRepository): AuthenticatorLookup {
  const auth = deps.config.auth;
  if (auth.mode === 'local') return accounts;
  const given = deps.directory as Partial<AuthenticatorLookup> | undefined;
  if (given && typeof given.hasAuthenticator === 'function') return given as AuthenticatorLookup;
  return lazyCognitoDirectory({ region: auth.region, userPoolId: auth.userPoolId });
}

/**
 * The composition module: builds every repository and service of one partnership from the app's
 * dependencies. Every key those repositories read or write begins with the partnership's id.
 * Routes receive the result (through {@link ServiceRegistry}) and see services only.
 */
export function createServices(deps: ServiceDeps, pid: string = deps.config.partnershipId, across: Across = { membershipsOf: async () => [] }) {
  const { doc } = deps;
  // Links in email open this partnership's pages.
  const config = { ...deps.config, portalUrl: partnershipUrl(deps.config.portalUrl, pid) };
  const outbox = new OutboxRepository(doc, config.tables.main, pid);
  const writer = new Writer(
    doc,
    config.tables.audit,
    pid,
    {
      table: config.tables.main,
      itemFor: (event) => {
        const kind = notificationOf(event);
        return kind ? outbox.item(kind, event) : null;
      },
    },
    config.tables.main,
  );
  const users = new UserRepository(doc, config.tables.main, pid);
  const partnership = new PartnershipRepository(doc, config.tables.main, pid);
  const periods = new PeriodRepository(doc, config.tables.main, pid);
  const returns = new ReturnRepository(doc, config.tables.main, pid);
  const measureRepo = new MeasureRepository(doc, config.tables.main, pid);
  const measures = new MeasuresService(measureRepo, partnership, writer);
  const kinship = new KinshipService(new KinshipRepository(doc, config.tables.main, pid), partnership, writer);
  const threshold = new ThresholdService(
    new ThresholdRepository(doc, config.tables.main, pid),
    writer,
    deps.documents ?? (config.documentsBucket ? new S3DocumentStore(config.documentsBucket, config.dynamodb.region) : new DiskDocumentStore(config.dataDir)),
    `${pid}/`,
  );
  // Readiness criteria that follow other records instead of being self-assessed.
  const readinessRepo = new ReadinessRepository(doc, config.tables.main, pid);
  const readiness = new ReadinessService(readinessRepo, partnership, writer, {
    'threshold-signed-off': async () => deriveThresholdSignedOff(await threshold.list()),
    'kinship-offer-complete': async () => deriveKinshipOfferComplete(await kinship.coverage()),
  });
  const audit = new AuditRepository(doc, config.tables.audit, pid);
  const mailer = deps.mailer ?? lazySesMailer(config.mail);
  const mailStops = new MailStopRepository(doc, config.tables.main, pid);
  const people = new PeopleService({
    users,
    mailStops,
    partnership,
    audit,
    writer,
    directory: deps.directory ?? defaultDirectory(config),
    mailer,
    portalUrl: config.portalUrl,
    accounts: new AccountRepository(doc, config.tables.main),
    worksElsewhere: async (email) => (await across.membershipsOf(email)).filter((m) => m.id !== pid),
    ...(deps.logger ? { logger: deps.logger } : {}),
  });
  const trackerSummary = new TrackerSummaryRepository(doc, config.tables.main, pid);
  const tracker = new TrackerService(
    partnership,
    returns,
    readinessRepo,
    readiness,
    threshold,
    kinship,
    writer,
    config.tables.main,
    pid,
    { repo: measureRepo, service: measures },
    trackerSummary,
    config.trackerSettleMs,
  );
  // Each change to what the tracker shows has it worked out again before the request answers.
  writer.onCommitted = async (event) => {
    if (!tracked(event.entityType)) return;
    await tracker.refresh(new Date(event.at)).catch((err: unknown) => deps.logger?.warn('The tracker could not be worked out again after a change; the next read will', { err }));
  };
  const chase = new ChaseService({
    chases: new ChaseRepository(doc, config.tables.main, pid),
    mailStops,
    ledger: new NotificationRepository(doc, config.tables.main, pid),
    users,
    partnership,
    returns,
    threshold,
    writer,
    mailer,
    portalUrl: config.portalUrl,
  });
  return {
    writer,
    users,
    people,
    chase,
    notificationSettings: new NotificationSettingsService(new PreferenceRepository(doc, config.tables.main, pid), users, writer),
    attention: new AttentionService(partnership, returns, threshold, new KinshipRepository(doc, config.tables.main, pid), readinessRepo, mailStops, users),
    partnership,
    tracker,
    measures,
    kinship,
    threshold,
    readiness,
    programme: new ProgrammeService(partnership, periods, writer, config.tables.main, pid),
    workstreams: new WorkstreamService(partnership, writer),
    agencies: new AgencyService(partnership, threshold, writer),
    returns: new ReturnsService(returns, partnership, writer, users, measureRepo),
    audit: new AuditService(audit, users),
    reports: new ReportService(new ReportRepository(doc, config.tables.main, pid), partnership, returns, tracker, writer, config.portalUrl),
    erasure: new ErasureService(new ErasureRepository(doc, config.tables.main, config.tables.audit, pid), writer, trackerSummary),
  };
}

/** What one partnership's services may ask of the others: where else a person works (one account serves them all). */
export interface Across {
  membershipsOf(email: string): Promise<{ id: string }[]>;
}

/** One partnership's repositories and services. */
export type Services = ReturnType<typeof createServices>;

/** How long the registry trusts that a partnership exists (or not) before reading it again. */
const KNOWN_FOR_MS = 60_000;

/**
 * Every partnership's services, built on first use and kept for the app's life (one per
 * partnership: a Lambda container serves few). The request's partnership comes from its path.
 */
export class ServiceRegistry {
  private readonly built = new Map<string, Services>();
  private readonly known = new Map<string, { exists: boolean; at: number }>();

  /** What spans the partnerships: which of them a person works in. */
  readonly platform: PlatformService;

  /** Local sign-in (null in AWS, where Cognito signs people in): one for every partnership. */
  readonly auth: AuthService | null;

  /** Two-step sign-in: whether each person needs it and has it, and (local sign-in) setting it up. */
  readonly secondFactor: SecondFactorService;

  /** Whether a person has an authenticator (a "yes" kept a few minutes), for the check on every request. */
  readonly enrolment: EnrolmentCheck;

  constructor(private readonly deps: ServiceDeps) {
    const platform = new PlatformRepository(deps.doc, deps.config.tables.main);
    this.platform = new PlatformService({
      repo: platform,
      partnership: (pid) => this.for(pid),
      writer: new Writer(deps.doc, deps.config.tables.audit, platformKeys.auditScope),
      templates: templateCatalogue,
      // A partnership just created exists at once for this instance (others within a minute).
      created: (pid) => this.known.delete(pid),
    });
    const accounts = new AccountRepository(deps.doc, deps.config.tables.main);
    this.enrolment = new EnrolmentCheck(authenticatorLookup(deps, accounts));
    const platformWriter = new Writer(deps.doc, deps.config.tables.audit, platformKeys.auditScope);
    this.secondFactor = new SecondFactorService({
      policy: deps.config.secondFactor,
      mode: deps.config.auth.mode,
      check: this.enrolment,
      memberRecordsOf: (email) => platform.memberRecordsOf(email),
      adminAccess: (email) => platform.getAdminAccess(email),
      writerFor: (pid) => (pid ? this.for(pid).writer : platformWriter),
      homePartnershipId: deps.config.partnershipId,
      ...(deps.config.auth.mode === 'local' ? { local: { accounts, pending: new PendingSetups() } } : {}),
    });
    this.auth = deps.localIssuer
      ? new AuthService(
          {
            // The person's one password (their credential; a record's own hash from before it), and
            // the partnership they start in (see startingPlace).
            locate: async (email) => {
              const [credential, account] = await Promise.all([accounts.getCredential(email), this.startingPlace(email)]);
              return account && credential ? { ...account, passwordHash: credential.passwordHash } : account;
            },
            // A set-password link's token begins with the person's id: the partnership that has them answers it.
            invitationsFor: async (token) => {
              const personId = token.split('.')[0] ?? '';
              const pid = personId ? await platform.partnershipOfPerson(personId) : null;
              return (pid ? this.for(pid) : this.home).people;
            },
            totpSecretOf: (email) => accounts.getTotpSecret(email),
          },
          deps.localIssuer,
        )
      : null;
  }

  /**
   * Where someone signing in starts: the deployment's own partnership if they are active there,
   * else the first other one they are active in; else their record here (invited: their first
   * password comes from its link; deactivated: refused), else a platform administrator's account.
   */
  private async startingPlace(email: string): Promise<SignInAccount | null> {
    const home = this.home;
    const atHome = await home.users.getUserByEmail(email);
    if (atHome && atHome.status !== 'deactivated' && atHome.status !== 'invited') return partnershipAccount(home, atHome);
    const elsewhere = (await this.platform.membershipsOf(email)).find((m) => m.id !== this.deps.config.partnershipId);
    const there = elsewhere ? this.for(elsewhere.id) : null;
    const user = there ? await there.users.getUserByEmail(email) : null;
    if (there && user) return partnershipAccount(there, user);
    if (atHome) return partnershipAccount(home, atHome);
    return this.platform.signInAccount(email);
  }

  /** The services of partnership `pid`; call {@link exists} first for an id from outside. */
  for(pid: string): Services {
    let s = this.built.get(pid);
    if (!s) {
      s = createServices(this.deps, pid, { membershipsOf: (email) => this.platform.membershipsOf(email) });
      this.built.set(pid, s);
    }
    return s;
  }

  /** The deployment's own partnership: sign-in looks for the person there first. */
  get home(): Services {
    return this.for(this.deps.config.partnershipId);
  }

  /** Whether partnership `pid` exists (one GetItem, remembered for a minute). */
  async exists(pid: string, now: Date): Promise<boolean> {
    const hit = this.known.get(pid);
    if (hit && now.getTime() - hit.at >= 0 && now.getTime() - hit.at < KNOWN_FOR_MS) return hit.exists;
    const exists = await new PartnershipRepository(this.deps.doc, this.deps.config.tables.main, pid).exists();
    if (this.known.size > 1000) this.known.clear();
    this.known.set(pid, { exists, at: now.getTime() });
    return exists;
  }
}
