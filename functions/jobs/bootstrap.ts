import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { z } from 'zod';
import { formatPath, type FieldError } from '../../shared/http/problem.js';
import { partnershipUrl } from '../../shared/partnership/paths.js';
import { AGENCY_TYPE_LABELS, AGENCY_TYPES } from '../../shared/partnership/schema.js';
import { instantiateTemplate, PartnershipTemplate } from '../../shared/partnership/template.js';
import { CreatePartnershipRequest, FirstLead } from '../../shared/platform/schema.js';
import { slugOf } from '../../shared/platform/slug.js';
import type { IdentityDirectory } from '../auth/directory.js';
import type { Config } from '../config.js';
import { isDatabaseUnavailable } from '../db/client.js';
import { platformKeys } from '../db/keys.js';
import { type Actor, Writer } from '../db/transact.js';
import { AppError, Conflict } from '../http/errors.js';
import type { Mailer } from '../mail/mailer.js';
import { PlatformRepository } from '../repositories/platform-repository.js';
import { userIdFor } from '../seed/seed.js';
import { createServices } from '../services/index.js';
import { type PlatformAdmin, PlatformService } from '../services/platform-service.js';

type AgencyType = (typeof AGENCY_TYPES)[number];

/*
 * `npm run bootstrap` (issue 14): a new deployment's first partnership, made from a template file,
 * with its programme lead invited by email. It builds the request the platform page sends
 * (`POST /api/platform/partnerships`: the template's draft, the partnership's names and id, its
 * agencies and first lead) and hands it to the same `PlatformService.createPartnership` the API
 * calls, so the items written, the audit event and the invitation are the API's own.
 *
 * Who acts: creating a partnership is a platform administrator's act, checked inside its
 * transaction against the administrator's record. The operator names the administrator they act
 * as (`--platform-admin`, by default the lead, who can then create further partnerships from
 * /platform); one not yet recorded is added first, audited in the platform's trail as done by this
 * command (a system actor, as the demo seed's are). Both events carry the run's request id
 * (`bootstrap-<uuid>`), so the trail shows the partnership came from this command.
 *
 * Nothing is written until every check has passed: the options, the template file, the request
 * and the template's rules (what the API would answer 400 or 422), the id still free, the
 * administrator not deactivated. Running it again with the same id changes nothing and says so.
 */

/** Exit codes: done; refused (the input, or the partnership exists); the store (or another service) could not be used. */
export const EXIT = { ok: 0, refused: 1, unavailable: 2 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export const BOOTSTRAP_USAGE = `Creates a partnership from a template file and invites its programme lead by email.

  npm run bootstrap -- --template <file> --lead-email <email> --name "<partnership name>" [options]

  --template <file>            a partnership template (JSON), e.g. functions/seed/templates/families-first-england.json
  --lead-email <email>         the programme lead, invited by email
  --name "<name>"              the partnership's full name (it cannot be changed later)
  --lead-name "<full name>"    the lead's name (default: from their email address; they can change it)
  --short-name "<name>"        the short name shown in the header (default: the name if it fits in 40 characters, else its initials)
  --id <slug>                  the address id, /p/<id> (default: made from the name; it cannot be changed later)
  --agency "<type>=<name>"     an agency, repeatable; types: ${AGENCY_TYPES.join(', ')}. Default: one statutory
                               agency of each type the template requires, named by its type (the lead can rename them)
  --first-year <yyyy>          the financial year reporting starts in (default: the current one)
  --platform-admin <email>     the platform administrator this is done as, recorded as one if not yet (default: the lead, only while the service has none)
  --platform-admin-name "<n>"  their name, when they are recorded now
  --stack <name> [--region r]  AWS: read the settings from the stateless stack's outputs (else from the environment)

Locally it uses the running portal (npm start). Exit codes: 0 created, 1 refused (nothing written), 2 the database or
another service could not be used.`;

/** The command's options, as given. */
export interface BootstrapOptions {
  template: string;
  leadEmail: string;
  name: string;
  leadName?: string;
  shortName?: string;
  id?: string;
  agencies: string[];
  firstYear?: string;
  platformAdmin?: string;
  platformAdminName?: string;
  stack?: string;
  region?: string;
  help: boolean;
}

/** A refusal: nothing was written. `lines` say what to correct. */
export class BootstrapRefused extends Error {
  constructor(
    message: string,
    readonly lines: string[] = [],
  ) {
    super(message);
    this.name = 'BootstrapRefused';
  }
}

/**
 * The options from the command line (after `npm run bootstrap --`).
 * @throws BootstrapRefused naming an unknown or incomplete option.
 */
export function parseBootstrapArgs(argv: readonly string[]): BootstrapOptions {
  let values: ReturnType<typeof parse>['values'];
  try {
    values = parse(argv).values;
  } catch (err) {
    throw new BootstrapRefused(`${err instanceof Error ? err.message : String(err)}. Run npm run bootstrap -- --help for the options.`);
  }
  const opts: BootstrapOptions = {
    template: values.template ?? '',
    leadEmail: values['lead-email'] ?? '',
    name: values.name ?? '',
    agencies: values.agency ?? [],
    help: values.help ?? false,
    ...(values['lead-name'] !== undefined ? { leadName: values['lead-name'] } : {}),
    ...(values['short-name'] !== undefined ? { shortName: values['short-name'] } : {}),
    ...(values.id !== undefined ? { id: values.id } : {}),
    ...(values['first-year'] !== undefined ? { firstYear: values['first-year'] } : {}),
    ...(values['platform-admin'] !== undefined ? { platformAdmin: values['platform-admin'] } : {}),
    ...(values['platform-admin-name'] !== undefined ? { platformAdminName: values['platform-admin-name'] } : {}),
    ...(values.stack !== undefined ? { stack: values.stack } : {}),
    ...(values.region !== undefined ? { region: values.region } : {}),
  };
  if (opts.help) return opts;
  const missing = [
    ['--template <file>', opts.template],
    ['--lead-email <email>', opts.leadEmail],
    ['--name "<partnership name>"', opts.name],
  ].filter(([, v]) => !v?.trim());
  if (missing.length)
    throw new BootstrapRefused(`Give ${missing.map(([o]) => o).join(' and ')}. Run npm run bootstrap -- --help for the options.`, [
      ...(opts.name.trim() ? [] : ['The partnership’s name and its address id cannot be changed once it is created, so the command does not guess them.']),
    ]);
  return opts;
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: {
      template: { type: 'string' },
      'lead-email': { type: 'string' },
      'lead-name': { type: 'string' },
      name: { type: 'string' },
      'short-name': { type: 'string' },
      id: { type: 'string' },
      agency: { type: 'string', multiple: true },
      'first-year': { type: 'string' },
      'platform-admin': { type: 'string' },
      'platform-admin-name': { type: 'string' },
      stack: { type: 'string' },
      region: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

// ---------------------------------------------------------------------------------------------
// AWS: the settings from the stateless stack's outputs

/** Each output of the stateless stack, and the setting (functions/config.ts) it gives. */
export const STACK_OUTPUT_SETTINGS = {
  TableName: 'TABLE_NAME',
  AuditTableName: 'AUDIT_TABLE_NAME',
  UserPoolId: 'COGNITO_USER_POOL_ID',
  UserPoolClientId: 'COGNITO_CLIENT_ID',
  HostedUiDomain: 'COGNITO_DOMAIN',
  WebUrl: 'PORTAL_URL',
  MailFrom: 'MAIL_FROM',
  ConfigurationSet: 'SES_CONFIGURATION_SET',
  DocumentsBucket: 'DOCUMENTS_BUCKET',
} as const;

/** Outputs without which the command would write to the wrong place or send mail SES refuses. */
const REQUIRED_OUTPUTS = ['TableName', 'AuditTableName', 'UserPoolId', 'UserPoolClientId', 'WebUrl', 'MailFrom'] as const;

/**
 * The environment settings a stack's outputs give (AWS mode, the stack's region), as
 * `loadConfig` reads them: `TableName` -> `TABLE_NAME`, `WebUrl` -> `PORTAL_URL`, and so on
 * ({@link STACK_OUTPUT_SETTINGS}). Outputs it does not know are ignored.
 * @throws BootstrapRefused naming the outputs the stack lacks.
 */
export function settingsFromStackOutputs(
  stack: string,
  outputs: readonly { OutputKey?: string | undefined; OutputValue?: string | undefined }[],
  region: string,
): Record<string, string> {
  const env: Record<string, string> = { PORTAL_MODE: 'aws', AWS_REGION: region };
  for (const { OutputKey, OutputValue } of outputs) {
    if (OutputKey && OutputValue && Object.hasOwn(STACK_OUTPUT_SETTINGS, OutputKey)) env[STACK_OUTPUT_SETTINGS[OutputKey as keyof typeof STACK_OUTPUT_SETTINGS]] = OutputValue;
  }
  const missing = REQUIRED_OUTPUTS.filter((k) => !env[STACK_OUTPUT_SETTINGS[k]]);
  if (missing.length)
    throw new BootstrapRefused(
      `The stack ${stack} (${region}) has no output ${missing.join(', ')}. Give the stateless stack's name, deployed from this version of the code (npm run deploy), or set the settings in the environment instead.`,
    );
  return env;
}

// ---------------------------------------------------------------------------------------------
// The template file

/**
 * Reads and checks a template file: JSON, then {@link PartnershipTemplate}.
 * @throws BootstrapRefused naming each field that is wrong and how to put it right.
 */
export async function readTemplateFile(path: string): Promise<PartnershipTemplate> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    const code = (err as { code?: string }).code;
    throw new BootstrapRefused(
      code === 'ENOENT'
        ? `There is no template file ${path}. Give the path of a JSON template, e.g. functions/seed/templates/families-first-england.json.`
        : `The template file ${path} could not be read (${code ?? String(err)}).`,
    );
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new BootstrapRefused(`The template file ${path} is not valid JSON: ${err instanceof Error ? err.message : String(err)}. Correct it and run the command again.`);
  }
  const parsed = PartnershipTemplate.safeParse(raw);
  if (!parsed.success) {
    throw new BootstrapRefused(
      `The template file ${path} is not a valid partnership template, so nothing was written. Correct these fields in the file and run the command again:`,
      templateIssues(parsed.error).map((e) => `${e.path}: ${e.message}`),
    );
  }
  return parsed.data;
}

/** A template's problems as fields and what to do: a field that is missing, not expected, or of the wrong kind. */
function templateIssues(error: z.ZodError): FieldError[] {
  return error.issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => ({ path: formatPath([...issue.path, key]), message: `Remove "${key}": a template has no such field` }));
    if (issue.code === 'invalid_type' && /received undefined$/.test(issue.message)) return [{ path: formatPath(issue.path), message: `Missing: add it (${issue.expected})` }];
    return [{ path: formatPath(issue.path), message: issue.message }];
  });
}

// ---------------------------------------------------------------------------------------------
// Running it

/** What the command needs: the configuration as it runs with it (locally, the running portal's endpoints) and its clients. */
export interface BootstrapDeps {
  config: Config;
  doc: DynamoDBDocumentClient;
  /** Default: SES (locally the portal's mail emulator), as configured. */
  mailer?: Mailer;
  /** Default: Cognito in AWS mode, the portal's own records locally. */
  directory?: IdentityDirectory;
  now?: () => Date;
  out?: (line: string) => void;
  err?: (line: string) => void;
}

/** Who the platform trail says recorded an administrator: this command, run by the operator. */
export const BOOTSTRAP_ACTOR: Actor = { userId: 'bootstrap', email: 'system', name: 'Bootstrap command (npm run bootstrap)', role: 'system', agencyId: null };

/** The id part of a platform administrator's stable id, as the demo seed makes it. */
const PLATFORM_IDS = 'PLATFORM';

const Email = FirstLead.shape.email;

/** A name from an email address's local part: `sam.lead@…` -> "Sam Lead". */
export function nameFromEmail(email: string): string {
  const words = (email.split('@')[0] ?? '')
    .split(/[._+-]+/)
    .filter((w) => /[a-z]/i.test(w))
    .map((w) => w[0]!.toUpperCase() + w.slice(1).toLowerCase());
  return words.join(' ') || 'Programme lead';
}

/** A short name: the name when it fits, else the initials of its words ("Medway Safeguarding Children Partnership" fits). */
function shortNameOf(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length <= 40) return trimmed;
  return trimmed
    .split(/\s+/)
    .filter((w) => /^[A-Za-z]/.test(w) && !['and', 'of', 'the', 'for'].includes(w.toLowerCase()))
    .map((w) => w[0]!.toUpperCase())
    .join('')
    .slice(0, 40);
}

/** `--agency "police=Kent Police"` -> an agency; statutory when the template requires its type (the statutory partners). */
function agenciesOf(given: readonly string[], template: PartnershipTemplate): { id: string; name: string; type: AgencyType; statutory: boolean }[] {
  const problems: string[] = [];
  const parsed = given.flatMap((text) => {
    const at = text.indexOf('=');
    const type = text.slice(0, at).trim() as AgencyType;
    const name = text.slice(at + 1).trim();
    if (at < 0 || !AGENCY_TYPES.includes(type) || !name) {
      problems.push(`--agency "${text}": write it as "<type>=<name>", e.g. "police=Kent Police"; the types are ${AGENCY_TYPES.join(', ')}`);
      return [];
    }
    return [{ type, name }];
  });
  if (problems.length) throw new BootstrapRefused('Some agencies are not given as the command expects, so nothing was written:', problems);
  // A type the template requires and no --agency names gets one agency named by its type.
  const defaults = template.requiredAgencyTypes.filter((type) => !parsed.some((a) => a.type === type)).map((type) => ({ type, name: AGENCY_TYPE_LABELS[type] }));
  return [...defaults, ...parsed]
    .sort((a, b) => AGENCY_TYPES.indexOf(a.type) - AGENCY_TYPES.indexOf(b.type))
    .map((a) => ({ id: slugOf(a.name), name: a.name, type: a.type, statutory: template.requiredAgencyTypes.includes(a.type) }));
}

/** Where a problem with the request is put right: the command's option, or the template file's field. */
function optionOf(path: string, opts: BootstrapOptions): string {
  const top = path.split(/[.[]/)[0];
  if (path.startsWith('template.')) return `${opts.template}: ${path.slice('template.'.length)}`;
  if (path.startsWith('settings')) return `${opts.template}: defaultSettings${path.slice('settings'.length)}`;
  if (path === 'firstLead.email') return '--lead-email';
  if (path === 'firstLead.name') return '--lead-name';
  if (top === 'id') return opts.id === undefined ? '--id (made from --name: give one with --id)' : '--id';
  if (top === 'agencies') return '--agency';
  return { name: '--name', shortName: '--short-name', firstYear: '--first-year' }[top ?? ''] ?? path;
}

/**
 * Runs the command with `args` (as after `npm run bootstrap --`) on `deps`' tables, mail and sign-in
 * directory, printing what it did; answers the exit code ({@link EXIT}). Never throws.
 */
export async function runBootstrap(args: readonly string[], deps: BootstrapDeps): Promise<ExitCode> {
  const out = deps.out ?? ((line: string) => console.log(line));
  const err = deps.err ?? ((line: string) => console.error(line));
  let pid: string | null = null;
  let written = false;
  try {
    const opts = parseBootstrapArgs(args);
    if (opts.help) {
      out(BOOTSTRAP_USAGE);
      return EXIT.ok;
    }
    const now = deps.now?.() ?? new Date();
    const { config, doc } = deps;
    const template = await readTemplateFile(opts.template);

    // One partnership's services, as the API builds them; a catalogue of the file's template alone.
    const repo = new PlatformRepository(doc, config.tables.main);
    const serviceDeps = { config, doc, ...(deps.mailer ? { mailer: deps.mailer } : {}), ...(deps.directory ? { directory: deps.directory } : {}) };
    const platform = new PlatformService({
      repo,
      partnership: (id) => createServices(serviceDeps, id, { membershipsOf: (email) => repo.membershipsOf(email) }),
      writer: new Writer(doc, config.tables.audit, platformKeys.auditScope),
      templates: { list: () => [template], get: (id) => (id === template.id ? template : null) },
      // Told once the partnership is written, before its lead's sign-in account and invitation.
      created: () => {
        written = true;
      },
    });

    // The request the platform page sends: the template's draft with the partnership's own choices.
    const { draft } = platform.template(template.id, now);
    const name = opts.name.trim();
    const leadName = opts.leadName?.trim() ?? nameFromEmail(opts.leadEmail.trim());
    const body = {
      id: opts.id?.trim() ?? slugOf(name),
      name,
      shortName: opts.shortName?.trim() ?? shortNameOf(name),
      templateId: draft.templateId,
      firstYear: opts.firstYear === undefined ? draft.firstYear : Number(opts.firstYear),
      agencies: agenciesOf(opts.agencies, template),
      settings: draft.settings,
      template: draft.template,
      firstLead: { name: leadName, email: opts.leadEmail.trim() },
    };
    // Checked as the API checks it, before anything is written: its schema (400), the template's rules (422).
    const parsed = CreatePartnershipRequest.safeParse(body);
    const problems: FieldError[] = parsed.success ? [] : parsed.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message }));
    if (parsed.success) {
      const { id, name: n, shortName, agencies, firstYear, settings } = parsed.data;
      const result = instantiateTemplate({ ...template, ...parsed.data.template }, { id, name: n, shortName, agencies, firstYear, settings });
      if (!result.ok) problems.push(...result.errors);
    }
    if (!parsed.success || problems.length) {
      throw new BootstrapRefused(
        'The partnership cannot be created as given, so nothing was written. Correct these and run the command again:',
        problems.map((p) => `${optionOf(p.path, opts)}: ${p.message}`),
      );
    }
    const request = parsed.data;
    pid = request.id;
    if (await repo.isTaken(pid)) {
      throw new BootstrapRefused(`A partnership with the id "${pid}" already exists, so nothing was changed and no invitation was sent.`, [
        `Its sign-in address: ${partnershipUrl(config.portalUrl, pid)}. To create another partnership, give another --name or --id.`,
      ]);
    }

    // The platform administrator this is done as: recorded now if not yet (the API checks their record).
    // The lead becomes one only on a service that has none yet (the first deploy): a later
    // partnership's lead must not gain the right to see and create every partnership.
    if (opts.platformAdmin === undefined && (await repo.hasAnyAdmin())) {
      throw new BootstrapRefused(
        'This service already has platform administrators, so the new lead is not made one and nothing was written. Name the administrator this is done as with --platform-admin <email> (one of them, or someone new).',
      );
    }
    const adminEmail = Email.safeParse(opts.platformAdmin ?? request.firstLead.email);
    if (!adminEmail.success) throw new BootstrapRefused(`--platform-admin: ${adminEmail.error.issues[0]?.message ?? 'Enter an email address'}. Nothing was written.`);
    const requestId = `bootstrap-${randomUUID()}`;
    const { admin, added } = await ensurePlatformAdmin(doc, config.tables, {
      email: adminEmail.data,
      name: opts.platformAdminName?.trim() || (adminEmail.data === request.firstLead.email ? request.firstLead.name : nameFromEmail(adminEmail.data)),
      requestId,
      now,
    });

    const result = await platform.createPartnership(admin, request, { requestId, now });
    const agencies = request.agencies.map((a) => a.name).join(', ');
    const leadAgency = request.agencies.find((a) => a.id === result.firstLead.agencyId)?.name ?? result.firstLead.agencyId;
    out(
      `Created ${result.partnership.name} (id ${result.partnership.id}, short name ${result.partnership.shortName}) from the template ${template.name}, version ${template.version}.`,
    );
    out(`  Agencies: ${agencies}. The lead can rename them and add others in Programme set-up.`);
    if (result.omittedCriterionIds.length) out(`  Readiness criteria left out (no agency of a type that assesses them): ${result.omittedCriterionIds.join(', ')}.`);
    out(`Invited ${result.firstLead.name} <${result.firstLead.email}> as its programme lead, for ${leadAgency}.`);
    out(`  Sign-in address: ${partnershipUrl(config.portalUrl, pid)}`);
    if (!result.invitationSent) {
      err(
        `  The invitation email could not be sent (the mail service did not take it, or mail to ${result.firstLead.email} is stopped). The partnership and the invited lead are saved.`,
      );
    } else {
      // Someone who works in another partnership signs in as they do there, and is told they were added.
      if (result.firstLead.status === 'active') out('  They already have a sign-in (they work in another partnership): they were emailed that they were added.');
      else if (config.auth.mode === 'cognito') out('  Cognito emails them a temporary password for their first sign-in.');
      if (config.mode === 'local' && config.mail.endpoint) out(`  Read the email in the local mailbox: ${config.mail.endpoint.replace(/\/+$/, '')}/`);
    }
    out(
      `${added ? 'Recorded' : 'Acted as'} ${admin.name} <${admin.email}> as platform administrator${added ? '' : ' (already one)'}: they can create further partnerships at ${config.portalUrl}/platform.`,
    );
    if (added && admin.email !== result.firstLead.email)
      out(`  They sign in with an account they already have: ${config.auth.mode === 'cognito' ? 'a user in the Cognito user pool' : 'a password from another partnership'}.`);
    return EXIT.ok;
  } catch (e) {
    if (e instanceof BootstrapRefused) {
      err(e.message);
      for (const line of e.lines) err(`  ${line}`);
      return EXIT.refused;
    }
    const message = sentence(e instanceof Error ? e.message : String(e));
    // Written, then something after it failed (the lead's sign-in account): the partnership stays.
    if (written) {
      err(`The partnership "${pid}" was created, but what came after failed: ${message}`);
      err('Its lead may not have received their invitation. Running the command again will not resend it (the partnership exists).');
      return EXIT.unavailable;
    }
    if (e instanceof AppError && e.status < 500) {
      err(`${message} Nothing was created.`);
      for (const f of e.errors ?? []) err(`  ${f.path}: ${f.message}`);
      return EXIT.refused;
    }
    err(
      isDatabaseUnavailable(e)
        ? `The database could not be reached: ${message} ${deps.config.mode === 'local' ? 'Is the portal running (npm start)?' : 'Check the AWS credentials, the region and the table names.'} Nothing was created.`
        : `${message} Nothing was created.`,
    );
    return EXIT.unavailable;
  }
}

/** A message as a sentence, ending in a full stop. */
const sentence = (text: string) => (/[.!?]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`);

/**
 * The platform administrator `email`, recorded now (a conditional put, audited in the platform's
 * trail as done by this command) unless they are already. One whose access was ended is refused:
 * giving it back is for another administrator, not for a set-up command.
 */
async function ensurePlatformAdmin(
  doc: DynamoDBDocumentClient,
  tables: Config['tables'],
  a: { email: string; name: string; requestId: string; now: Date },
): Promise<{ admin: PlatformAdmin; added: boolean }> {
  const repo = new PlatformRepository(doc, tables.main);
  const access = await repo.getAdminAccess(a.email);
  if (access.access === 'active') return { admin: access.admin, added: false };
  if (access.access === 'deactivated') {
    throw new BootstrapRefused(`${a.email}'s platform administrator access has ended, so nothing was written. Give another --platform-admin.`);
  }
  const id = userIdFor(PLATFORM_IDS, a.email);
  const item = repo.adminItem({ id, email: a.email, name: a.name, status: 'active', createdAt: a.now.toISOString() });
  try {
    await new Writer(doc, tables.audit, platformKeys.auditScope).write(
      [
        {
          item: { Put: { TableName: tables.main, Item: item, ConditionExpression: 'attribute_not_exists(pk)' } },
          onConditionFailed: () => new Conflict(`${a.email} was recorded as a platform administrator at the same moment. Run the command again.`),
        },
      ],
      { action: 'platform-admin.add', entityType: 'platform-admin', entityId: id, summary: `Added ${a.name} as a platform administrator (npm run bootstrap)` },
      { actor: BOOTSTRAP_ACTOR, requestId: a.requestId, now: a.now },
    );
  } catch (err) {
    if (err instanceof Conflict) throw new BootstrapRefused(err.message);
    throw err;
  }
  return { admin: { id, email: a.email, name: a.name }, added: true };
}
