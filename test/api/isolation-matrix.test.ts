import { createHash } from 'node:crypto';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../shared/auth/roles.js';
import { createDocumentClient } from '../../functions/db/client.js';
import type { Mailer } from '../../functions/mail/mailer.js';
import { loadSeed, seedDemo, userIdFor } from '../../functions/seed/seed.js';
import { apiDocument, createTestApp, type TestApp } from '../support/api.js';
import { type AddressedKey, belongsTo, partitionsOf, recordCommands, type SentCommand } from '../support/dynamo-commands.js';
import { DEMO_PASSWORD } from '../support/tables.js';

/**
 * Isolation as a matrix: every partnership route in the OpenAPI document (so a route is covered
 * the day it is declared) x caller x partnership in the path (Medway, where the callers work, and
 * Kent) x agency acted on (the caller's own, another) where the route acts on an agency's record.
 * The expected answer of each cell comes from the small policy below (the declared `x-roles`
 * plus the documented rules), never from what the app answers. A refused cell must be refused
 * with the policy's status: 0 unexpected allows. Writes carry a valid body and a stale If-Match,
 * so a refusal comes from authorization (not from the body), an allowed write gets as far as the
 * version check (412) or a domain rule (409/422/429) and writes nothing, and both tables are
 * compared whole before and after. Then: no query the app sends for Medway addresses another
 * partnership's keys.
 */

type Pid = 'mscp' | 'kscmp';
const PIDS: readonly Pid[] = ['mscp', 'kscmp'];
const PERIOD = '2026-27-Q3';
const SEEDS = { mscp: loadSeed('mscp'), kscmp: loadSeed('kscmp') };

// ---------------------------------------------------------------------------------------------
// Callers

interface Caller {
  key: string;
  who: string;
  /** null: no Authorization header. */
  email: string | null;
  /** What the token claims, where it differs from the person's record (the record wins). */
  claims?: { role: Role; signatory: boolean };
}
const CALLERS: readonly Caller[] = [
  { key: 'lead', who: "Medway's programme lead", email: 'lead@mscp.example' },
  { key: 'executive', who: "Medway's executive", email: 'exec@mscp.example' },
  { key: 'partner', who: 'a partner officer of Medway Council', email: 'council.officer@mscp.example' },
  { key: 'partner-other-agency', who: 'a partner officer of Medway schools', email: 'education@mscp.example' },
  { key: 'signatory', who: "Medway schools' signatory", email: 'education.head@mscp.example' },
  { key: 'agency-admin', who: "Medway Council's agency administrator (and signatory)", email: 'council@mscp.example' },
  // Role and agency come from the server's records on each request, never from the token.
  { key: 'stale-claims', who: "a partner officer whose token still says 'lead'", email: 'council.officer@mscp.example', claims: { role: 'lead', signatory: true } },
  { key: 'other-partnership', who: "Kent's lead (in Kent only)", email: 'lead@kscmp.example' },
  // Invited as a lead, then deactivated (in beforeAll): their token is still valid.
  { key: 'deactivated', who: 'a deactivated lead', email: 'former.lead@mscp.example' },
  // A valid token for someone no partnership has a record of (removed, or never there).
  { key: 'removed', who: 'someone with no record anywhere', email: 'removed@mscp.example' },
  { key: 'no-token', who: 'nobody signed in', email: null },
];

interface Member {
  email: string;
  role: Role;
  agencyId: string | null;
  signatory: boolean;
  agencyAdmin: boolean;
}
/** Where a caller stands in a partnership, from the seed (the records the server reads). */
type Standing = { kind: 'member'; m: Member } | { kind: 'elsewhere' } | { kind: 'ended' } | { kind: 'anonymous' };

function standingOf(caller: Caller, pid: Pid): Standing {
  if (!caller.email) return { kind: 'anonymous' };
  const u = SEEDS[pid].users.find((x) => x.email === caller.email);
  if (u) return { kind: 'member', m: { email: u.email, role: u.role, agencyId: u.agencyId, signatory: u.signatory, agencyAdmin: u.agencyAdmin === true } };
  return PIDS.some((p) => SEEDS[p].users.some((x) => x.email === caller.email)) ? { kind: 'elsewhere' } : { kind: 'ended' };
}

// ---------------------------------------------------------------------------------------------
// Fixtures: the records each partnership's cells name

interface Fixture {
  /** The agency a caller with none here (an executive, someone from elsewhere) is said to act on as "own". */
  defaultAgency: string;
  /** The "other" agency, for a caller whose own agency is `agencyId`. */
  otherThan: (agencyId: string) => string;
  /** `{id}` of /workstreams/{id}/...: the milestone and criterion below are in it. */
  workstream: string;
  milestoneId: string;
  /** An outcome indicator of `workstream`, and the name it has (Kent's demo has none: made in beforeAll). */
  indicator: { id: string; name: string; reportingAgencyId: string };
  /** A criterion every agency assesses. */
  criterionId: string;
  /** `{workstreamId}`: a workstream every agency reports on. */
  reportingWorkstream: string;
  versionId: string;
  /** Agencies that sign the current threshold version. */
  signingAgencies: readonly string[];
  /** A Kinship Local Offer item owned by each agency (Kent has none in its seed: made in beforeAll). */
  kinshipItem: Record<string, string>;
  /** Partners of each agency, the people /people/{id} names (never the caller themselves). */
  partners: Record<string, readonly string[]>;
}
const FX: Record<Pid, Fixture> = {
  mscp: {
    defaultAgency: 'medway-council',
    otherThan: (a) => (a === 'medway-council' ? 'nhs-kent-medway' : 'medway-council'),
    workstream: 'safeguarding',
    milestoneId: 'sg-macpt-isa-signed',
    indicator: { id: 'child-protection-plans', name: 'Children on child protection plans', reportingAgencyId: 'medway-council' },
    criterionId: 'macpt-information-sharing',
    reportingWorkstream: 'family-help',
    versionId: 'v3-0',
    signingAgencies: ['medway-council', 'kent-police', 'nhs-kent-medway'],
    kinshipItem: { 'medway-council': 'working-kinship-carers', 'nhs-kent-medway': 'kinship-health-checks', 'medway-education': 'virtual-school-kinship' },
    partners: {
      'medway-council': ['council.officer@mscp.example', 'council@mscp.example'],
      'nhs-kent-medway': ['health.officer@mscp.example'],
      'medway-education': ['education@mscp.example', 'education.head@mscp.example'],
    },
  },
  kscmp: {
    defaultAgency: 'kent-county-council',
    otherThan: (a) => (a === 'kent-county-council' ? 'kent-police' : 'kent-county-council'),
    workstream: 'multi-agency-child-protection',
    milestoneId: 'mcp-isa-signed',
    indicator: { id: 'children-on-child-protection-plans', name: 'Children on child protection plans', reportingAgencyId: 'kent-county-council' },
    criterionId: 'kent-macpt-information-sharing',
    reportingWorkstream: 'family-help-kent',
    versionId: 'v1-0',
    signingAgencies: ['kent-county-council', 'kent-police', 'nhs-kent-medway'],
    kinshipItem: {},
    partners: { 'kent-county-council': ['council.officer@kscmp.example', 'council@kscmp.example'], 'kent-police': ['police.officer@mscp.example'] },
  },
};

const ownAgencyOf = (caller: Caller, pid: Pid) => {
  const s = standingOf(caller, pid);
  return s.kind === 'member' && s.m.agencyId ? s.m.agencyId : FX[pid].defaultAgency;
};
const personIn = (pid: Pid, agencyId: string, caller: Caller) => {
  const email = FX[pid].partners[agencyId]?.find((e) => e !== caller.email);
  if (!email) throw new Error(`no partner of ${agencyId} in ${pid} to name`);
  return email;
};

// ---------------------------------------------------------------------------------------------
// The policy

type Verdict = { allow: true } | { refuse: readonly number[]; because: string };
const ALLOW: Verdict = { allow: true };
const refuse = (statuses: readonly number[], because: string): Verdict => ({ refuse: statuses, because });
/** Another agency's record: refused, as forbidden or as not found (either tells nothing of it). */
const OTHER_AGENCY = [403, 404] as const;

interface RuleContext {
  /** The agency acted on is the caller's own. */
  own: boolean;
  pid: Pid;
}
interface Policy {
  /**
   * What decides "own / other agency": `path` the {agencyId}; `item` the Kinship item's owner;
   * `person` the agency of the person {id} names; `body` the agency in the body.
   */
  agency?: 'path' | 'item' | 'person' | 'body';
  /** The service's object-level rule, checked after the declared roles. */
  rule?: (m: Member, x: RuleContext) => Verdict | null;
  /** Why everyone the roles admit may read every agency's records here (so "other agency" is allowed). */
  shared?: string;
  /** An allowed answer must hold only the caller's own agency's rows: returns why not, or null. */
  filtered?: (body: unknown, m: Member) => string | null;
  /** No sign-in: `open` for anyone; `link` the secret in the request is the credential. */
  public?: 'open' | 'link';
  /** An allowed call creates a record (there is no version to be stale against): run after the tables are compared. */
  creates?: true;
}

/** A partner acts on their own agency's record only. */
const ownAgencyOnly =
  (what: string) =>
  (m: Member, x: RuleContext): Verdict | null =>
    m.role === 'partner' && !x.own ? refuse(OTHER_AGENCY, `a partner may not ${what} another agency's`) : null;
/** A signatory at the agency certifies its return or sends it back. */
const signatoryOfTheAgency = (m: Member, x: RuleContext): Verdict | null => {
  if (!x.own) return refuse(OTHER_AGENCY, "another agency's return");
  // 409 where the return is not started: the service says there is nothing to certify before it
  // checks the signatory. Nothing is revealed: a partner reads their own agency's return anyway.
  return m.signatory ? null : refuse([403, 409], 'only a signatory at the agency certifies its return');
};
/** People are managed by the lead (everyone) and an agency administrator (their own agency's partners). */
const managesPeople = (m: Member, x: RuleContext): Verdict | null => {
  if (m.role !== 'partner') return null;
  if (!m.agencyAdmin) return refuse([403], 'a partner without agency administration manages nobody');
  return x.own ? null : refuse(OTHER_AGENCY, "an agency administrator manages their own agency's partners only");
};
const SHARED_PROGRAMME = 'the programme (partnership, workstreams with their milestones, periods) is shared by every member';
const SHARED_THRESHOLD = "the threshold document and every agency's decision are shown to all: statutory partners sign it in the open";
const SHARED_KINSHIP = "the Kinship Local Offer register is built together: every member sees every agency's items (only the lead publishes)";
const SHARED_MEASURES = 'outcome measures are aggregate figures every member reads (the executive: those published to them); only the lead defines them';
const SHARED_READINESS = "the readiness grid shows each workstream's agencies side by side, for every member (each changes only their own)";

/** The only write open to an executive: their own email settings (executives read, they never change the programme). */
const EXECUTIVE_WRITES = new Set(['setNotificationSettings']);

/**
 * Every partnership route, by operationId. A route missing here fails the first test: deciding who
 * may call it is part of adding it. An empty entry is the caller's own records or
 * lead-only programme management, which the declared roles and the rules above fully describe.
 */
const POLICY: Record<string, Policy> = {
  // The caller's own records.
  getCurrentUser: {},
  getAttention: {},
  getNotificationSettings: {},
  setNotificationSettings: {},
  // The programme.
  getPartnership: { shared: SHARED_PROGRAMME },
  listWorkstreams: { shared: SHARED_PROGRAMME },
  getWorkstream: { shared: SHARED_PROGRAMME },
  listPeriods: { shared: SHARED_PROGRAMME },
  createMilestone: {},
  updateMilestone: {},
  openPeriod: {},
  // Programme set-up of workstreams and agencies: the lead's alone.
  createWorkstream: {},
  updateWorkstream: {},
  moveWorkstream: {},
  retireWorkstream: {},
  restoreWorkstream: {},
  createAgency: {},
  updateAgency: {},
  moveAgency: {},
  retireAgency: {},
  restoreAgency: {},
  // Returns: a partner sees and changes their own agency's; the lead reviews everyone's.
  listReturnsForPeriod: {
    filtered: (body, m) => {
      if (m.role !== 'partner') return null;
      const rows = body as { agencyId: string }[];
      return rows.length > 0 && rows.every((r) => r.agencyId === m.agencyId) ? null : `rows of ${rows.map((r) => r.agencyId).join(', ')}`;
    },
  },
  getReturn: { agency: 'path', rule: ownAgencyOnly('read') },
  saveReturn: { agency: 'path', rule: ownAgencyOnly('save') },
  listReturnSources: { agency: 'path', rule: ownAgencyOnly('list sources for') },
  submitReturn: { agency: 'path', rule: ownAgencyOnly('submit') },
  certifyReturn: { agency: 'path', rule: signatoryOfTheAgency },
  sendBackReturn: { agency: 'path', rule: signatoryOfTheAgency },
  acceptReturn: { agency: 'path' },
  returnReturnToAgency: { agency: 'path' },
  reopenReturn: { agency: 'path' },
  // Threshold document.
  listThresholdVersions: { shared: SHARED_THRESHOLD },
  getThresholdConfig: { shared: SHARED_THRESHOLD },
  getThresholdVersion: { shared: SHARED_THRESHOLD },
  getThresholdContent: { shared: SHARED_THRESHOLD },
  setThresholdSignatories: {},
  issueThresholdVersion: {},
  uploadThresholdVersion: {},
  signOffThresholdVersion: {
    // The agency is the signatory's own: only a signatory of an agency that signs this version decides.
    rule: (m, x) =>
      !m.signatory ? refuse([403], 'only a signatory decides') : FX[x.pid].signingAgencies.includes(m.agencyId ?? '') ? null : refuse([403], 'their agency does not sign'),
  },
  // Kinship Local Offer.
  listKinshipItems: { shared: SHARED_KINSHIP },
  getKinshipItem: { agency: 'item', shared: SHARED_KINSHIP },
  createKinshipItem: { creates: true },
  updateKinshipItem: { agency: 'item', rule: ownAgencyOnly('edit') },
  submitKinshipItem: { agency: 'item', rule: ownAgencyOnly('send for review') },
  publishKinshipItem: { agency: 'item' },
  retireKinshipItem: { agency: 'item' },
  returnKinshipItem: { agency: 'item' },
  getKinshipCoverage: {},
  // Readiness.
  getReadinessMatrix: { shared: SHARED_READINESS },
  createCriterion: {},
  updateCriterion: {},
  saveAssessment: { agency: 'path', rule: ownAgencyOnly('assess') },
  validateAssessment: { agency: 'path' },
  // Tracker and exports: lead and executive only (every agency's figures).
  getTracker: {},
  setOverallConfidence: {},
  exportReturnsCsv: {},
  exportRisksCsv: {},
  exportReadinessCsv: {},
  exportMilestonesCsv: {},
  exportMeasuresCsv: {},
  exportConfidenceCsv: {},
  // Outcome measures: read by every member; indicators and the small-number threshold are the lead's.
  getMeasures: { shared: SHARED_MEASURES },
  createIndicator: {},
  updateIndicator: {},
  retireIndicator: {},
  restoreIndicator: {},
  setMeasureSettings: {},
  exportTrackerWorkbook: {},
  // The yearly report: drafted and edited by the lead, read by the executive (it quotes every agency's returns).
  listYearlyReports: {},
  createYearlyReport: {},
  getYearlyReport: {},
  updateYearlyReportSection: {},
  regenerateYearlyReport: {},
  exportYearlyReportDocx: {},
  // Audit.
  searchAudit: {},
  listAuditPeople: {},
  erasePersonalData: {},
  // People.
  listPeople: {
    rule: (m) => (m.role === 'partner' && !m.agencyAdmin ? refuse([403], 'a partner without agency administration manages nobody') : null),
    filtered: (body, m) => {
      if (m.role !== 'partner') return null;
      const people = (body as { people: { role: string; agencyId: string | null; email: string }[] }).people;
      const stray = people.filter((p) => p.role !== 'partner' || p.agencyId !== m.agencyId);
      return people.length > 0 && stray.length === 0 ? null : `people outside the agency: ${stray.map((p) => p.email).join(', ')}`;
    },
  },
  invitePerson: { agency: 'body', rule: managesPeople },
  getPerson: { agency: 'person', rule: managesPeople },
  updatePerson: { agency: 'person', rule: managesPeople },
  deactivatePerson: { agency: 'person', rule: managesPeople },
  reactivatePerson: { agency: 'person', rule: managesPeople },
  resendInvitation: { agency: 'person', rule: managesPeople },
  // Reminders.
  chaseReturn: { agency: 'path' },
  chaseSignOff: { agency: 'path' },
  listChases: {},
  // Public.
  getPublicKinshipOffer: { public: 'open' },
  unsubscribe: { public: 'link' },
  unsubscribeOneClick: { public: 'link' },
};

// ---------------------------------------------------------------------------------------------
// Operations and cells

interface Op {
  method: string;
  template: string;
  operationId: string;
  roles: readonly Role[];
  policy: Policy | undefined;
}
type Target = 'own' | 'other';
interface Cell {
  op: Op;
  caller: Caller;
  pid: Pid;
  /** null: the route acts on no agency's record. */
  target: Target | null;
  agencyId: string;
}

const PARTNERSHIP_ROUTE = /^\/api\/(public\/)?p\/\{partnershipId\}\//;
function partnershipOps(): Op[] {
  return Object.entries(apiDocument().paths)
    .filter(([path]) => PARTNERSHIP_ROUTE.test(path))
    .flatMap(([template, ops]) =>
      Object.entries(ops).map(([method, op]) => ({
        method: method.toUpperCase(),
        template,
        operationId: op.operationId ?? `${method} ${template}`,
        roles: (op['x-roles'] ?? []) as Role[],
        policy: POLICY[op.operationId ?? ''],
      })),
    );
}

function cellsOf(op: Op): Cell[] {
  const targets: (Target | null)[] = op.policy?.agency ? ['own', 'other'] : [null];
  return CALLERS.flatMap((caller) =>
    PIDS.flatMap((pid) =>
      targets.map((target) => {
        const own = ownAgencyOf(caller, pid);
        return { op, caller, pid, target, agencyId: target === 'other' ? FX[pid].otherThan(own) : own };
      }),
    ),
  );
}

/** What the policy says of a cell. */
function expectation(c: Cell): Verdict {
  const p = c.op.policy ?? {};
  if (p.public === 'open') return ALLOW;
  if (p.public === 'link') return refuse([404], 'a made-up link names nobody, whoever sends it');
  const s = standingOf(c.caller, c.pid);
  if (s.kind === 'anonymous') return refuse([401], 'not signed in');
  if (s.kind === 'ended') return refuse([401], 'no active record in any partnership: access ended');
  if (s.kind === 'elsewhere') return refuse([404], 'not in this partnership: for them it does not exist');
  if (!c.op.roles.includes(s.m.role)) return refuse([403], `${s.m.role} is not in x-roles`);
  if (s.m.role === 'executive' && c.op.method !== 'GET' && !EXECUTIVE_WRITES.has(c.op.operationId)) return refuse([403], 'executives only read');
  return p.rule?.(s.m, { own: c.target !== 'other', pid: c.pid }) ?? ALLOW;
}

/** What an allowed cell may answer: a read its data; a write (stale If-Match) the version check or a domain rule, never a write. */
function allowedStatuses(c: Cell): readonly number[] {
  if (c.op.method === 'GET') return [200];
  if (c.op.policy?.creates) return [201];
  return [409, 412, 422, 429];
}

// ---------------------------------------------------------------------------------------------
// Requests

const STALE = '"999"';
const QUERY: Record<string, string> = {
  '/api/p/{partnershipId}/returns': `?periodId=${PERIOD}`,
  '/api/p/{partnershipId}/chases': `?kind=return&of=${PERIOD}`,
  '/api/public/p/{partnershipId}/unsubscribe/one-click': '?token=not-a-real-unsubscribe-link-token',
};

function pathOf(c: Cell): string {
  const fx = FX[c.pid];
  const filled = c.op.template.replace(/\{(\w+)\}/g, (_m, name: string) => {
    switch (name) {
      case 'partnershipId':
        return c.pid;
      case 'periodId':
        return PERIOD;
      case 'agencyId':
        return c.agencyId;
      case 'versionId':
        return fx.versionId;
      case 'criterionId':
        return fx.criterionId;
      case 'milestoneId':
        return fx.milestoneId;
      case 'indicatorId':
        return fx.indicator.id;
      case 'reportId':
        return PERIOD;
      case 'sectionKey':
        return 'impact';
      case 'workstreamId':
        return fx.reportingWorkstream;
      case 'id':
        if (c.op.policy?.agency === 'item') return fx.kinshipItem[c.agencyId] ?? `no-item-of-${c.agencyId}`;
        if (c.op.policy?.agency === 'person') return userIdFor(c.pid, personIn(c.pid, c.agencyId, c.caller));
        return fx.workstream;
      default:
        throw new Error(`no sample value for {${name}} in ${c.op.template}`);
    }
  });
  return `${filled}${QUERY[c.op.template] ?? ''}`;
}

/**
 * A body each route accepts, so that a refusal is authorization's and an allowed call reaches the
 * version check. Creates name records that exist already (409, nothing written) where they can.
 */
function bodyOf(c: Cell): unknown {
  const fx = FX[c.pid];
  const probe = 'Isolation matrix probe.';
  switch (c.op.operationId) {
    case 'setNotificationSettings':
      return { choices: { 'period-opened': 'digest' } };
    case 'createMilestone':
      return { id: fx.milestoneId, title: probe, ownerAgencyId: fx.defaultAgency, dueDate: '2027-03-31' };
    case 'updateMilestone':
    case 'updateCriterion':
      return { title: probe };
    // A name the workstream has already (422, nothing written).
    case 'createIndicator':
      return { name: fx.indicator.name, unit: 'count', direction: 'lower', reportingAgencyId: fx.indicator.reportingAgencyId };
    case 'updateIndicator':
      return { name: probe };
    case 'setMeasureSettings':
      return { smallNumberThreshold: 6 };
    // The window's report exists already (set-up): 409, nothing written.
    case 'createYearlyReport':
      return { lastPeriodId: PERIOD };
    case 'updateYearlyReportSection':
      return { text: probe };
    case 'openPeriod':
      return { id: PERIOD, dueDate: '2027-01-31' };
    // Names already taken (422, nothing written); the other set-up writes reach the version check.
    case 'createWorkstream':
      return { name: SEEDS[c.pid].workstreams[0]!.name, leadAgencyId: fx.defaultAgency, contributingAgencyIds: [fx.defaultAgency] };
    case 'createAgency':
      return { name: SEEDS[c.pid].agencies[0]!.name, type: 'other', statutory: false };
    case 'updateWorkstream':
    case 'updateAgency':
      return { name: probe };
    case 'moveWorkstream':
    case 'moveAgency':
      return { direction: 'down' };
    case 'saveReturn':
      return { sections: [{ workstreamId: fx.reportingWorkstream, confidence: 'green', narrative: probe }] };
    case 'submitReturn':
      return {};
    case 'sendBackReturn':
    case 'returnReturnToAgency':
    case 'returnKinshipItem':
      return { comment: probe };
    case 'reopenReturn':
      return { reason: probe };
    case 'setThresholdSignatories':
      return { requiredAgencyIds: fx.signingAgencies };
    case 'issueThresholdVersion':
      return { title: probe, versionLabel: 'v9.9', summaryOfChanges: probe, effectiveFrom: '2027-04-01', content: '# Probe' };
    case 'uploadThresholdVersion': {
      const form = new FormData();
      for (const [k, v] of Object.entries({ title: probe, versionLabel: 'v9.9', summaryOfChanges: probe, effectiveFrom: '2027-04-01' })) form.set(k, v);
      form.set('file', new File([new TextEncoder().encode('%PDF-1.4\n% probe\n')], 'probe.pdf', { type: 'application/pdf' }));
      return form;
    }
    case 'signOffThresholdVersion':
      return { decision: 'approve' };
    case 'createKinshipItem':
      return { category: 'peer-support', title: 'Isolation probe group', summary: probe, arrangementTypes: ['informal'], providerName: 'Probe carers group' };
    case 'updateKinshipItem':
      return { summary: probe };
    case 'createCriterion':
      return { id: fx.criterionId, title: probe, agencyIds: [fx.defaultAgency] };
    case 'saveAssessment':
      return { status: 'in-progress' };
    case 'validateAssessment':
      return { outcome: 'confirmed' };
    case 'setOverallConfidence':
      return { confidence: 'green' };
    case 'erasePersonalData':
      // Text that is nowhere: an allowed lead hears 422 and nothing changes.
      return { entityType: 'return', entityId: `${PERIOD}/${fx.defaultAgency}`, field: 'narrative', text: 'text that appears nowhere', reason: probe };
    case 'invitePerson':
      // Someone who has an account already (409 once the inviter may invite to that agency).
      return { email: personIn(c.pid, c.agencyId, c.caller), name: 'Probe Person', role: 'partner', agencyId: c.agencyId };
    case 'updatePerson':
      return { name: 'Probe Person' };
    case 'unsubscribe':
      return { token: 'not-a-real-unsubscribe-link-token' };
    case 'unsubscribeOneClick':
      return 'List-Unsubscribe=One-Click';
    default:
      return undefined;
  }
}

let t: TestApp;
const tokens = new Map<string, string>();

async function call(c: Cell): Promise<Response> {
  const headers: Record<string, string> = {};
  const token = tokens.get(c.caller.key);
  if (token) headers.Authorization = `Bearer ${token}`;
  let body: BodyInit | undefined;
  if (c.op.method !== 'GET') {
    headers['If-Match'] = STALE;
    const b = bodyOf(c);
    if (b instanceof FormData) body = b;
    else if (typeof b === 'string') {
      body = b;
      headers['Content-Type'] = 'application/x-www-form-urlencoded';
    } else if (b !== undefined) {
      body = JSON.stringify(b);
      headers['Content-Type'] = 'application/json';
    }
  }
  return t.app.request(pathOf(c), { method: c.op.method, headers, ...(body !== undefined ? { body } : {}) });
}

const label = (c: Cell) => {
  const s = standingOf(c.caller, c.pid);
  const where = s.kind === 'member' ? 'own partnership' : s.kind === 'elsewhere' ? 'other partnership' : 'no partnership';
  return `${c.caller.key} @${c.pid} (${where})${c.target ? `, ${c.target} agency ${c.agencyId}` : ''}`;
};

/** Runs a cell and says what is wrong with its answer, or null. */
async function check(c: Cell): Promise<string | null> {
  const verdict = expectation(c);
  const res = await call(c);
  const text = await res.text();
  const got = `${res.status} ${text.slice(0, 160)}`;
  if ('refuse' in verdict) {
    if (res.status < 300) return `UNEXPECTED ALLOW ${c.op.method} ${pathOf(c)} as ${label(c)}: refused because ${verdict.because}, got ${got}`;
    if (!verdict.refuse.includes(res.status)) return `${c.op.method} ${pathOf(c)} as ${label(c)}: expected ${verdict.refuse.join('/')} (${verdict.because}), got ${got}`;
    if (!(res.headers.get('content-type') ?? '').includes('application/problem+json')) return `${label(c)}: a refusal that is not problem+json`;
    return null;
  }
  const allowed = allowedStatuses(c);
  if (!allowed.includes(res.status)) return `${c.op.method} ${pathOf(c)} as ${label(c)}: allowed, so expected ${allowed.join('/')}, got ${got}`;
  const s = standingOf(c.caller, c.pid);
  if (res.status === 200 && c.op.policy?.filtered && s.kind === 'member') {
    const why = c.op.policy.filtered(JSON.parse(text), s.m);
    if (why) return `${c.op.method} ${pathOf(c)} as ${label(c)}: not filtered to the caller's agency: ${why}`;
  }
  return null;
}

/** Runs cells a few at a time (the CI machine has two cores) and returns what went wrong. */
async function run(cells: readonly Cell[], width = 6): Promise<string[]> {
  const problems: string[] = [];
  for (let i = 0; i < cells.length; i += width) {
    for (const p of await Promise.all(cells.slice(i, i + width).map(check))) if (p) problems.push(p);
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Tables

/** Test-only reads of a whole table (the API never scans). */
async function scanAll(table: string): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await t.doc.send(new ScanCommand({ TableName: table, ConsistentRead: true, ExclusiveStartKey: start }));
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}
const canonical = (v: unknown): unknown => {
  if (v instanceof Set) return [...v].map(canonical).sort();
  if (Array.isArray(v)) return v.map(canonical);
  if (v && typeof v === 'object')
    return Object.fromEntries(
      Object.entries(v as object)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, x]) => [k, canonical(x)]),
    );
  return v;
};
/** Each item of a table by its key, with a digest of everything it holds. */
async function tableState(table: string): Promise<Map<string, string>> {
  const items = await scanAll(table);
  return new Map(
    items.map((i) => [
      `${String(i.pk)} | ${String(i.sk)}`,
      createHash('sha256')
        .update(JSON.stringify(canonical(i)))
        .digest('hex'),
    ]),
  );
}
const auditCount = async () => (await t.doc.send(new ScanCommand({ TableName: t.config.tables.audit, Select: 'COUNT', ConsistentRead: true }))).Count ?? 0;

function differences(before: Map<string, string>, after: Map<string, string>): string[] {
  const out: string[] = [];
  for (const [k, v] of after) if (before.get(k) !== v) out.push(`${before.has(k) ? 'changed' : 'added'}: ${k}`);
  for (const k of before.keys()) if (!after.has(k)) out.push(`removed: ${k}`);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Set-up: both demos, a deactivated lead, a chase already sent today, Kent's Kinship items

const mailer: Mailer = { send: async () => ({ messageId: 'isolation-matrix' }) };
let before: { main: Map<string, string>; audit: Map<string, string> };

async function tokenFor(email: string, pid: Pid, id?: string, claims?: Caller['claims']): Promise<string> {
  const u = SEEDS[pid].users.find((x) => x.email === email);
  const person = u ?? { email, name: 'Someone Gone', role: 'lead' as const, agencyId: FX[pid].defaultAgency, signatory: false };
  return (await t.issuer.issue({ ...person, ...claims, id: id ?? userIdFor(pid, email) })).token;
}

async function setUp(pid: Pid, email: string, method: string, path: string, body?: unknown, ifMatch?: string) {
  const res = await t.app.request(`/api/p/${pid}${path}`, {
    method,
    headers: { Authorization: `Bearer ${await tokenFor(email, pid)}`, 'Content-Type': 'application/json', ...(ifMatch ? { 'If-Match': ifMatch } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  expect(res.status, `set-up ${method} ${path}: ${await res.clone().text()}`).toBeLessThan(300);
  return (await res.json()) as Record<string, unknown>;
}

beforeAll(async () => {
  t = await createTestApp({ deps: { mailer } });
  await seedDemo(createDocumentClient({ ...t.config.dynamodb, timeoutMs: 60_000 }), t.config.tables, { password: DEMO_PASSWORD, seed: SEEDS.kscmp });

  // A lead whose token outlives their access.
  const invited = (
    await setUp('mscp', 'lead@mscp.example', 'POST', '/people', { email: 'former.lead@mscp.example', name: 'Former Lead', role: 'lead', agencyId: 'medway-council' })
  ).person as { id: string; version: number };
  await setUp('mscp', 'lead@mscp.example', 'POST', `/people/${invited.id}/deactivate`, undefined, `"${invited.version}"`);
  // Chased today already, so the lead's probes of those chases answer 429 and send nothing.
  await setUp('mscp', 'lead@mscp.example', 'POST', `/returns/${PERIOD}/nhs-kent-medway/chase`);
  await setUp('mscp', 'lead@mscp.example', 'POST', '/threshold-documents/v3-0/sign-offs/nhs-kent-medway/chase');
  // Kent's demo has no outcome indicators: one in the workstream the cells name.
  await setUp('kscmp', 'lead@kscmp.example', 'POST', `/workstreams/${FX.kscmp.workstream}/indicators`, {
    name: FX.kscmp.indicator.name,
    unit: 'count',
    countsChildren: true,
    direction: 'lower',
    reportingAgencyId: FX.kscmp.indicator.reportingAgencyId,
  });
  // A yearly report in each partnership, for the window the cells name.
  for (const pid of PIDS) await setUp(pid, `lead@${pid}.example`, 'POST', '/reports', { lastPeriodId: PERIOD });
  // Kent's demo has no Kinship items: one each for the two Kent agencies the cells name.
  const item = { category: 'peer-support', summary: 'Peer support for kinship carers.', arrangementTypes: ['informal'], providerName: 'Kent carers group' };
  for (const [agency, email] of [
    ['kent-county-council', 'council@kscmp.example'],
    ['kent-police', 'police@mscp.example'],
  ] as const) {
    FX.kscmp.kinshipItem[agency] = String((await setUp('kscmp', email, 'POST', '/kinship-offer/items', { ...item, title: `Support from ${agency}` })).id);
  }

  for (const c of CALLERS) {
    if (!c.email) continue;
    const home: Pid = SEEDS.kscmp.users.some((u) => u.email === c.email) && !SEEDS.mscp.users.some((u) => u.email === c.email) ? 'kscmp' : 'mscp';
    tokens.set(c.key, await tokenFor(c.email, home, c.key === 'deactivated' ? invited.id : undefined, c.claims));
  }
  before = { main: await tableState(t.config.tables.main), audit: await tableState(t.config.tables.audit) };
}, 120_000);

afterAll(async () => {
  await t?.drop();
});

// ---------------------------------------------------------------------------------------------
// The matrix

const OPS = partnershipOps();

describe('the isolation matrix', () => {
  it('when the API is described, every partnership route has a policy, and the matrix covers every route, caller, partnership and agency', () => {
    expect(OPS.filter((op) => !op.policy).map((op) => `${op.operationId} (${op.method} ${op.template}): add it to POLICY`)).toEqual([]);
    expect(Object.keys(POLICY).filter((id) => !OPS.some((op) => op.operationId === id))).toEqual([]);
    const cells = OPS.flatMap(cellsOf);
    expect(OPS.length).toBeGreaterThan(60);
    expect(cells.length).toBeGreaterThan(1800);
    // Every caller is refused somewhere, and every member allowed somewhere past the public routes.
    for (const caller of CALLERS) {
      const mine = cells.filter((c) => c.caller === caller);
      expect(
        mine.some((c) => 'refuse' in expectation(c)),
        caller.key,
      ).toBe(true);
      const member = PIDS.some((p) => standingOf(caller, p).kind === 'member');
      expect(
        mine.some((c) => !c.op.policy?.public && 'allow' in expectation(c)),
        caller.key,
      ).toBe(member);
    }
  });

  for (const op of OPS) {
    it(`when every caller calls ${op.method} ${op.template.replace(PARTNERSHIP_ROUTE, '…/')} (${op.operationId}), in either partnership and for either agency, nothing the policy refuses is allowed and nothing is written`, async () => {
      const cells = cellsOf(op).filter((c) => !(op.policy?.creates && 'allow' in expectation(c)));
      const audit = await auditCount();
      expect(await run(cells)).toEqual([]);
      expect(await auditCount()).toBe(audit);
    });
  }

  it('when every refused and probing call is done, neither table has changed at all', async () => {
    expect(differences(before.main, await tableState(t.config.tables.main))).toEqual([]);
    expect(differences(before.audit, await tableState(t.config.tables.audit))).toEqual([]);
  });

  it('when the callers the policy allows create a Kinship item, it is created for their own agency (never one they name)', async () => {
    const cells = OPS.filter((op) => op.policy?.creates)
      .flatMap(cellsOf)
      .filter((c) => 'allow' in expectation(c));
    expect(cells.length).toBeGreaterThan(0);
    for (const c of cells) {
      const res = await call(c);
      const created = (await res.json()) as { ownerAgencyId?: string };
      expect(res.status, label(c)).toBe(201);
      expect(created.ownerAgencyId, label(c)).toBe(ownAgencyOf(c.caller, c.pid));
    }
  });
});

// ---------------------------------------------------------------------------------------------
// No query reaches another partnership's keys

/** Keys that are the service's own, not a partnership's: the list of partnerships, and the person's own account in each. */
const serviceKey = (k: AddressedKey, email: string) => k.value === 'PLATFORM#PARTNERSHIPS' || PIDS.some((p) => k.value === `P#${p}#USER#${email}`);

function strayKeys(commands: readonly SentCommand[], allowed: (k: AddressedKey) => boolean): string[] {
  return commands.flatMap((c) => {
    const keys = partitionsOf(c);
    if (!keys) return [`${c.name} whose keys cannot be read: ${JSON.stringify(c.input).slice(0, 200)}`];
    return keys.filter((k) => !allowed(k)).map((k) => `${c.name} ${k.attribute}=${k.value}${k.sk !== undefined ? ` sk=${String(k.sk)}` : ''}`);
  });
}

describe("no query can return another partnership's items", () => {
  const reads = OPS.filter((op) => op.method === 'GET');

  it.each(['lead', 'executive', 'partner', 'agency-admin'])(
    'when %s reads every page of Medway, every key the app sends begins with Medway’s prefix (or is the service’s own), and it never scans',
    async (key) => {
      const caller = CALLERS.find((c) => c.key === key)!;
      const cells = reads.flatMap(cellsOf).filter((c) => c.caller === caller && c.pid === 'mscp');
      const answers: number[] = [];
      const commands = await recordCommands(t.doc, async () => {
        for (const c of cells) answers.push((await call(c)).status);
      });
      expect(answers.filter((s) => s === 200).length).toBeGreaterThan(5);
      expect(commands.filter((c) => c.name === 'ScanCommand')).toEqual([]);
      expect(commands.filter((c) => c.name === 'QueryCommand').length).toBeGreaterThan(0);
      expect(strayKeys(commands, (k) => belongsTo('mscp', k.value) || serviceKey(k, caller.email!))).toEqual([]);
    },
  );

  it('when Medway’s lead calls every route of Kent’s, the app reads only whether Kent exists and whether they have an account there, and writes nothing', async () => {
    const caller = CALLERS.find((c) => c.key === 'lead')!;
    const cells = OPS.flatMap(cellsOf).filter((c) => c.caller === caller && c.pid === 'kscmp' && !c.op.policy?.public);
    const commands = await recordCommands(t.doc, async () => {
      for (const c of cells) expect((await call(c)).status, label(c)).toBe(404);
    });
    const kentRecord = (k: AddressedKey) => k.value === 'P#kscmp' && k.sk === 'PARTNERSHIP';
    expect(strayKeys(commands, (k) => belongsTo('mscp', k.value) || kentRecord(k) || serviceKey(k, caller.email!))).toEqual([]);
    expect(commands.filter((c) => !['GetCommand', 'QueryCommand', 'BatchGetCommand'].includes(c.name)).map((c) => c.name)).toEqual([]);
  });

  it('when a partner in both partnerships lists where to copy a section from, the only keys of Kent read are its programme and their own agency’s return', async () => {
    // The one route that reads another partnership by design (listReturnSources): Riley Shaw signs for
    // Kent Police in Medway and in Kent. Kent's other agencies' returns are never read.
    const riley = (await t.issuer.issue({ ...SEEDS.mscp.users.find((u) => u.email === 'police@mscp.example')!, id: userIdFor('mscp', 'police@mscp.example') })).token;
    let status = 0;
    const commands = await recordCommands(t.doc, async () => {
      status = (await t.app.request(`/api/p/mscp/returns/${PERIOD}/kent-police/sources`, { headers: { Authorization: `Bearer ${riley}` } })).status;
    });
    expect(status).toBe(200);
    const ownReturnInKent = (k: AddressedKey) =>
      k.value === 'P#kscmp' || (k.value === `P#kscmp#PERIOD#${PERIOD}` && k.sk === 'RETURN#kent-police') || k.value === `P#kscmp#RETURN#${PERIOD}#kent-police`;
    expect(strayKeys(commands, (k) => belongsTo('mscp', k.value) || ownReturnInKent(k) || serviceKey(k, 'police@mscp.example'))).toEqual([]);
    expect(commands.some((c) => partitionsOf(c)?.some((k) => belongsTo('kscmp', k.value) && k.value !== 'P#kscmp#USER#police@mscp.example'))).toBe(true);
  });

  it('when every item in both tables is listed, each key begins with its partnership (or is the service’s own: the list of partnerships, a person’s one sign-in credential)', async () => {
    // With every key the app sends for Medway under P#mscp (above), no Query, Get or batch can reach another partnership's item.
    const hosted = (k: unknown) => typeof k === 'string' && (k === 'PLATFORM#PARTNERSHIPS' || k.startsWith('PLATFORM#ACCOUNT#') || PIDS.some((p) => belongsTo(p, k)));
    for (const table of [t.config.tables.main, t.config.tables.audit]) {
      const items = await scanAll(table);
      expect(items.length).toBeGreaterThan(10);
      const stray = items.filter((i) => !hosted(i.pk) || ['gsi1pk', 'gsi2pk'].some((a) => i[a] !== undefined && !hosted(i[a])));
      expect(stray.map((i) => `${String(i.pk)} ${String(i.sk)}`)).toEqual([]);
    }
  });
});
