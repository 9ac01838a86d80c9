import { DynamoDBDocumentClient, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDocumentClient } from '../../functions/db/client.js';
import { auditKeys, returnKeys } from '../../functions/db/keys.js';
import { loadSeed, seedDemo, userIdFor } from '../../functions/seed/seed.js';
import { createTestApp, USERS, type TestApp } from '../support/api.js';
import { DEMO_PASSWORD } from '../support/tables.js';

/**
 * Starting one return section from the agency's answer in another partnership (copy, then edit):
 * `GET .../sources` lists what could be copied, and a save (`PUT` of the return) with `copy` copies
 * it, through the same write path as any save. Medway's demo and Kent's share the tables; Riley Shaw (police@) is Kent Police's signatory in
 * both. In 2026-27 Q3 Kent Police's Medway return is returned (editable, with a safeguarding
 * section) and its Kent return submitted, until Kent's lead returns it below.
 */
let t: TestApp;
const kentSeed = loadSeed('kscmp');
beforeAll(async () => {
  t = await createTestApp();
  const setup = createDocumentClient({ ...t.config.dynamodb, timeoutMs: 60_000 });
  await seedDemo(setup, t.config.tables, { password: DEMO_PASSWORD, seed: kentSeed });
});
afterAll(async () => {
  await t.drop();
});

const Q3 = '2026-27-Q3';
const KENT_RETURN = `/api/p/kscmp/returns/${Q3}/kent-police`;
const MEDWAY_RETURN = `/api/p/mscp/returns/${Q3}/kent-police`;
/** Kent's multi-agency child protection section, started from Medway's safeguarding section: a save with `copy` only. */
const COPY_SAFEGUARDING = { workstreamId: 'multi-agency-child-protection', fromPartnershipId: 'mscp', fromWorkstreamId: 'safeguarding' };
const copyOnly = (copy: Record<string, unknown>) => ({ sections: [], copy });
const KENT = { lead: 'lead@kscmp.example', exec: 'exec@kscmp.example', education: 'education@kscmp.example' } as const;

type Section = {
  workstreamId: string;
  confidence: string | null;
  narrative: string;
  carriedForward?: boolean;
  milestones: { milestoneId: string; status: string; note: string }[];
  risks: { title: string }[];
  escalations: unknown[];
  metrics: { name: string; value: number }[];
  savedAt?: string;
  copiedFrom?: Record<string, unknown> | null;
};
type View = { status: string; version: number; sections: Section[] };
type Problem = { status: number; type: string; detail: string; errors?: { path: string; message: string; kind?: string }[] };
type Sources = {
  periodId: string;
  agencyId: string;
  sources: { partnershipId: string; partnershipName: string; agencyId: string; agencyName: string; status: string; sections: Record<string, unknown>[] }[];
};

/** Request helpers for anyone in either demo (Kent's own people are not in Medway's seed). */
function as(email: string) {
  const medway = t.seed.users.find((u) => u.email === email);
  const kent = kentSeed.users.find((u) => u.email === email);
  const token = medway ? t.tokenFor(email) : t.issuer.issue({ ...kent!, id: userIdFor('kscmp', email) }).then((r) => r.token);
  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    t.app.request(path, {
      method,
      headers: { Authorization: `Bearer ${await token}`, ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...headers },
      ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    });
  return {
    get: (path: string) => call('GET', path),
    post: (path: string, body?: unknown, headers?: Record<string, string>) => call('POST', path, body, headers),
    put: (path: string, body?: unknown, headers?: Record<string, string>) => call('PUT', path, body, headers),
  };
}
const riley = () => as(USERS.police);
const etag = (res: Response) => res.headers.get('etag') ?? '';

/** A return's audit events in a partnership, oldest first, from the audit table itself. */
async function auditOf(pid: string, agencyId = 'kent-police'): Promise<Record<string, unknown>[]> {
  const res = await t.doc.send(
    new QueryCommand({
      TableName: t.config.tables.audit,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': auditKeys.entity(pid, 'return', `${Q3}/${agencyId}`) },
    }),
  );
  return res.Items ?? [];
}
const read = async (path: string) => {
  const res = await riley().get(path);
  return { res, view: (await res.json()) as View };
};
const sectionOf = (v: View, ws: string) => v.sections.find((s) => s.workstreamId === ws)!;

describe('listing where a section could be copied from', () => {
  it('when Riley Shaw opens Kent Police’s Kent return, Medway is listed with its sections’ names and dates, never their answers', async () => {
    const res = await riley().get(`${KENT_RETURN}/sources`);
    expect(res.status).toBe(200);
    const text = await res.text();
    const body = JSON.parse(text) as Sources;
    expect(body).toMatchObject({ periodId: Q3, agencyId: 'kent-police' });
    expect(body.sources).toEqual([
      {
        partnershipId: 'mscp',
        partnershipName: 'Medway Safeguarding Children Partnership',
        agencyId: 'kent-police',
        agencyName: 'Kent Police',
        status: 'returned',
        updatedAt: expect.any(String),
        sections: [
          { workstreamId: 'family-help', workstreamName: 'Family Help and Early Intervention', progress: 'completed', savedAt: expect.any(String) },
          { workstreamId: 'safeguarding', workstreamName: 'Improving Safeguarding and Multi-Agency Collaboration', progress: 'completed', savedAt: expect.any(String) },
        ],
      },
    ]);
    // No answers: not the narrative, not a risk.
    expect(text).not.toContain('chief officer group');
    expect(text).not.toContain('narrative');
    // And the other way round, from Medway's return.
    const fromMedway = (await (await riley().get(`${MEDWAY_RETURN}/sources`)).json()) as Sources;
    expect(fromMedway.sources.map((s) => [s.partnershipId, s.status, s.sections.map((x) => x.workstreamId)])).toEqual([
      ['kscmp', 'submitted', ['family-help-kent', 'multi-agency-child-protection']],
    ]);
  });

  it('when someone in one partnership only asks, the list is empty', async () => {
    const res = await as(KENT.education).get(`/api/p/kscmp/returns/${Q3}/kent-education/sources`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as Sources).sources).toEqual([]);
  });

  it('when the list is read, it uses no Scan and a bounded number of reads', async () => {
    const send = vi.spyOn(DynamoDBDocumentClient.prototype, 'send');
    try {
      expect((await riley().get(`${KENT_RETURN}/sources`)).status).toBe(200);
      const names = send.mock.calls.map((c) => (c[0] as { constructor: { name: string } }).constructor.name);
      expect(names).not.toContain('ScanCommand');
      // Kent's set-up; the memberships (a Query and a BatchGetItem); Medway's set-up, return header and sections.
      expect(names.length).toBeLessThanOrEqual(8);
    } finally {
      send.mockRestore();
    }
  });

  it.each([
    ['NHS officer (another agency)', USERS.healthOfficer, KENT_RETURN, 403],
    ['Kent’s lead', KENT.lead, KENT_RETURN, 403],
    ['Kent’s executive', KENT.exec, KENT_RETURN, 403],
    ['Medway’s lead (not in Kent)', USERS.lead, KENT_RETURN, 404],
    ['Medway’s council officer (not in Kent)', USERS.council, KENT_RETURN, 404],
    ['Medway’s council officer, for Kent Police in Medway', USERS.council, MEDWAY_RETURN, 403],
  ])('when %s asks, it is refused (%s %s: %i)', async (_who, email, path, status) => {
    const res = await as(email).get(`${path}/sources`);
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });
});

describe('copying a section', () => {
  it('when Kent Police’s Kent return is submitted, the copy is refused as a save is and nothing is written', async () => {
    const { res, view } = await read(KENT_RETURN);
    expect(view.status).toBe('submitted');
    const before = (await auditOf('kscmp')).length;
    const copy = await riley().put(KENT_RETURN, copyOnly(COPY_SAFEGUARDING), { 'If-Match': etag(res) });
    expect(copy.status).toBe(409);
    expect(((await copy.json()) as Problem).detail).toBe('This return has been submitted. The programme lead must return it before it can be changed.');
    expect((await auditOf('kscmp')).length).toBe(before);
  });

  it('when Kent’s lead returns it, Riley Shaw copies Medway’s safeguarding answer into Kent’s multi-agency child protection section, and it records where it came from', async () => {
    const submitted = await riley().get(KENT_RETURN);
    expect((await as(KENT.lead).post(`${KENT_RETURN}/return`, { comment: 'Please bring this in line with the Medway return.' }, { 'If-Match': etag(submitted) })).status).toBe(200);

    const medwayBefore = await read(MEDWAY_RETURN);
    const medwayAuditBefore = (await auditOf('mscp')).length;
    const source = sectionOf(medwayBefore.view, 'safeguarding');
    const { res, view: kentBefore } = await read(KENT_RETURN);
    expect(kentBefore.status).toBe('returned');
    const target = sectionOf(kentBefore, 'multi-agency-child-protection');

    const copy = await riley().put(KENT_RETURN, copyOnly(COPY_SAFEGUARDING), { 'If-Match': etag(res) });
    expect(copy.status).toBe(200);
    const after = (await copy.json()) as View;
    expect(after.status).toBe('returned');
    expect(after.version).toBe(kentBefore.version + 1);
    expect(etag(copy)).toBe(`"${after.version}"`);
    const copied = sectionOf(after, 'multi-agency-child-protection');
    expect(copied).toMatchObject({ confidence: source.confidence, narrative: source.narrative, risks: source.risks, escalations: source.escalations, carriedForward: false });
    // Medway's milestone ids name nothing in Kent: Kent's own updates stay, as do Kent's figures.
    expect(copied.milestones).toEqual(target.milestones);
    expect(copied.metrics).toEqual(target.metrics);
    expect(copied.copiedFrom).toEqual({
      partnershipId: 'mscp',
      partnershipName: 'Medway Safeguarding Children Partnership',
      agencyId: 'kent-police',
      agencyName: 'Kent Police',
      periodId: Q3,
      workstreamId: 'safeguarding',
      workstreamName: 'Improving Safeguarding and Multi-Agency Collaboration',
      sectionSavedAt: expect.any(String),
      copiedAt: expect.any(String),
      copiedBy: USERS.police,
      copiedByName: 'Riley Shaw',
      milestoneUpdatesLeftOut: 2,
    });
    expect(copied.savedAt).toBe(copied.copiedFrom?.copiedAt);
    // The other section is untouched.
    expect(sectionOf(after, 'family-help-kent')).toEqual(sectionOf(kentBefore, 'family-help-kent'));
    // Read again, the copy is stored.
    expect(sectionOf((await read(KENT_RETURN)).view, 'multi-agency-child-protection').copiedFrom).toEqual(copied.copiedFrom);

    // One audit event, in Kent's trail, naming the source.
    const events = await auditOf('kscmp');
    const event = events.at(-1)!;
    expect(event).toMatchObject({
      action: 'return.section-copy',
      summary:
        "Started Multi-agency child protection from the Improving Safeguarding and Multi-Agency Collaboration section of Kent Police's return in Medway Safeguarding Children Partnership",
      meta: {
        copiedFrom: { partnershipId: 'mscp', agencyId: 'kent-police', workstreamId: 'safeguarding', periodId: Q3 },
        milestoneUpdatesLeftOut: ['sg-macpt-isa-signed', 'sg-macpt-members-nominated'],
      },
    });
    expect(Object.keys(event.changes as object)).toEqual(
      expect.arrayContaining(['multi-agency-child-protection.narrative', 'multi-agency-child-protection.risks', 'multi-agency-child-protection.copiedFrom']),
    );

    // Nothing of Medway's changed.
    const medwayAfter = await read(MEDWAY_RETURN);
    expect(medwayAfter.view).toEqual(medwayBefore.view);
    expect((await auditOf('mscp')).length).toBe(medwayAuditBefore);
  });

  it('when the same answer is copied again, nothing changes and nothing is recorded', async () => {
    const { res, view } = await read(KENT_RETURN);
    const before = (await auditOf('kscmp')).length;
    const again = await riley().put(KENT_RETURN, copyOnly(COPY_SAFEGUARDING), { 'If-Match': etag(res) });
    expect(again.status).toBe(200);
    expect(((await again.json()) as View).version).toBe(view.version);
    expect((await auditOf('kscmp')).length).toBe(before);
  });

  it('when a copy is sent with another section’s answers, both are saved in one write with one audit event', async () => {
    const { res, view } = await read(KENT_RETURN);
    const before = (await auditOf('kscmp')).length;
    const fh = sectionOf(view, 'family-help-kent');
    const body = {
      sections: [
        {
          workstreamId: 'family-help-kent',
          confidence: 'amber',
          narrative: `${fh.narrative} Updated.`,
          milestones: fh.milestones,
          risks: fh.risks,
          escalations: [],
          metrics: fh.metrics,
        },
      ],
      copy: { ...COPY_SAFEGUARDING, fromWorkstreamId: 'family-help' },
    };
    const saved = await riley().put(KENT_RETURN, body, { 'If-Match': etag(res) });
    expect(saved.status).toBe(200);
    const after = (await saved.json()) as View;
    expect(after.version).toBe(view.version + 1);
    expect(sectionOf(after, 'family-help-kent')).toMatchObject({ confidence: 'amber', narrative: `${fh.narrative} Updated.` });
    expect(sectionOf(after, 'multi-agency-child-protection').copiedFrom).toMatchObject({ workstreamId: 'family-help', workstreamName: 'Family Help and Early Intervention' });
    const events = await auditOf('kscmp');
    expect(events.length).toBe(before + 1);
    expect(events.at(-1)).toMatchObject({ action: 'return.section-copy', summary: expect.stringMatching(/; saved 1 other section$/) });
    // Back to the safeguarding copy for the tests below.
    const again = await riley().put(KENT_RETURN, copyOnly(COPY_SAFEGUARDING), { 'If-Match': etag(saved) });
    expect(again.status).toBe(200);
    expect(sectionOf((await again.json()) as View, 'multi-agency-child-protection').copiedFrom).toMatchObject({ workstreamId: 'safeguarding' });
  });

  it('when the copied section is then saved as usual, it keeps saying where it started', async () => {
    const { res, view } = await read(KENT_RETURN);
    const s = sectionOf(view, 'multi-agency-child-protection');
    const edited = { ...s, narrative: `${s.narrative} In Kent, the pilot area is staffed first.` };
    const { carriedForward: _c, savedAt: _s, copiedFrom: _f, progress: _p, ...input } = edited as Section & { progress?: string };
    const saved = await riley().put(KENT_RETURN, { sections: [input] }, { 'If-Match': etag(res) });
    expect(saved.status).toBe(200);
    const after = sectionOf((await saved.json()) as View, 'multi-agency-child-protection');
    expect(after.narrative).toBe(edited.narrative);
    expect(after.copiedFrom).toEqual(s.copiedFrom);
    expect(after.savedAt).not.toBe(s.savedAt);
    expect((await auditOf('kscmp')).at(-1)).toMatchObject({ action: 'return.save' });
  });
});

describe('what is refused', () => {
  /** Sends a copy to Kent Police's Kent return with its current ETag (unless headers say otherwise), and checks nothing was written in Kent. */
  async function refused(email: string, path: string, body: unknown, headers?: Record<string, string>) {
    // The return copied into: Kent Police's, unless the path names Kent's schools'.
    const { res } = await read(KENT_RETURN);
    const before = (await auditOf('kscmp')).length;
    const beforeAgency = (await auditOf('kscmp', 'kent-education')).length;
    const answer = await as(email).put(path, body, headers ?? { 'If-Match': etag(res) });
    expect(answer.headers.get('content-type')).toContain('application/problem+json');
    expect((await auditOf('kscmp')).length).toBe(before);
    expect((await auditOf('kscmp', 'kent-education')).length).toBe(beforeAgency);
    return { status: answer.status, problem: (await answer.json()) as Problem };
  }

  it.each([
    ['Medway’s lead (not in Kent)', USERS.lead, 404],
    ['Medway’s council officer (not in Kent)', USERS.council, 404],
    ['the NHS officer (a partner of another agency in both)', USERS.healthOfficer, 403],
    ['Kent’s executive', KENT.exec, 403],
    ['Kent’s lead', KENT.lead, 403],
  ])('when %s (%s) tries to copy into Kent Police’s return, it answers %i', async (_who, email, status) => {
    expect((await refused(email, KENT_RETURN, copyOnly(COPY_SAFEGUARDING))).status).toBe(status);
  });

  it('when someone in Kent only copies from Medway into their own agency’s return, Medway is not theirs to copy from: 404', async () => {
    // Kent's schools have not started their return: no If-Match until it exists.
    const { status, problem } = await refused(
      KENT.education,
      `/api/p/kscmp/returns/${Q3}/kent-education`,
      copyOnly({ workstreamId: 'family-help-kent', fromPartnershipId: 'mscp', fromWorkstreamId: 'family-help' }),
      {},
    );
    expect(status).toBe(404);
    expect(problem.detail).toBe('There is no return of yours in partnership mscp to copy from.');
  });

  it.each([
    ['a partnership that does not exist', { fromPartnershipId: 'nowhere', fromWorkstreamId: 'safeguarding' }],
    ['a workstream Kent Police has no section for in Medway', { fromPartnershipId: 'mscp', fromWorkstreamId: 'kinship' }],
    ['Kent’s own workstream id, in Medway', { fromPartnershipId: 'mscp', fromWorkstreamId: 'multi-agency-child-protection' }],
  ])('when Riley Shaw copies from %s, it answers 404', async (_what, from) => {
    expect((await refused(USERS.police, KENT_RETURN, copyOnly({ ...COPY_SAFEGUARDING, ...from }))).status).toBe(404);
  });

  it('when the return is stale or If-Match is missing, it answers 412 or 428', async () => {
    expect((await refused(USERS.police, KENT_RETURN, copyOnly(COPY_SAFEGUARDING), { 'If-Match': '"1"' })).status).toBe(412);
    expect((await refused(USERS.police, KENT_RETURN, copyOnly(COPY_SAFEGUARDING), {})).status).toBe(428);
  });

  it.each([
    [copyOnly({}), ['copy.workstreamId', 'copy.fromPartnershipId', 'copy.fromWorkstreamId']],
    [copyOnly({ ...COPY_SAFEGUARDING, narrative: 'mine' }), ['copy.narrative']],
    [copyOnly({ ...COPY_SAFEGUARDING, fromPartnershipId: 'Not A Slug' }), ['copy.fromPartnershipId']],
    [copyOnly({ ...COPY_SAFEGUARDING, fromWorkstreamId: 7 }), ['copy.fromWorkstreamId']],
    [{ copy: COPY_SAFEGUARDING }, ['sections']],
    [
      {
        sections: [{ workstreamId: 'multi-agency-child-protection', confidence: 'green', narrative: 'Mine.', milestones: [], risks: [], escalations: [], metrics: [] }],
        copy: COPY_SAFEGUARDING,
      },
      ['copy.workstreamId'],
    ],
  ])('when the body is %j, it answers 400 naming %j', async (body, fields) => {
    const { status, problem } = await refused(USERS.police, KENT_RETURN, body);
    expect(status).toBe(400);
    expect(problem.errors?.map((e) => e.path).sort()).toEqual([...fields].sort());
  });

  it('when the body is not JSON, it answers 400', async () => {
    expect((await refused(USERS.police, KENT_RETURN, 'not json')).status).toBe(400);
  });

  it.each([
    ['a workstream Kent Police does not report on', { workstreamId: 'kinship-kent' }, 'copy.workstreamId'],
    ['a workstream that does not exist', { workstreamId: 'nope' }, 'copy.workstreamId'],
    ['this partnership as the source', { fromPartnershipId: 'kscmp', fromWorkstreamId: 'family-help-kent' }, 'copy.fromPartnershipId'],
  ])('when the copy names %s, it answers 400 naming the field, as a save does', async (_what, over, field) => {
    const { status, problem } = await refused(USERS.police, KENT_RETURN, copyOnly({ ...COPY_SAFEGUARDING, ...over }));
    expect(status).toBe(400);
    expect(problem.errors?.map((e) => e.path)).toEqual([field]);
  });
});

describe('personal data in the copied text', () => {
  const COPY_FAMILY_HELP = copyOnly({ workstreamId: 'family-help-kent', fromPartnershipId: 'mscp', fromWorkstreamId: 'family-help' });

  it('when the answer holds an NHS number (stored before the rule), the copy is refused and nothing is written', async () => {
    const key = returnKeys.section('mscp', Q3, 'kent-police', 'family-help');
    const original = (await read(MEDWAY_RETURN)).view.sections.find((s) => s.workstreamId === 'family-help')!.narrative;
    await t.doc.send(
      new UpdateCommand({
        TableName: t.config.tables.main,
        Key: key,
        UpdateExpression: 'SET narrative = :n',
        ExpressionAttributeValues: { ':n': 'NHS number 943 476 5919 was shared in error.' },
      }),
    );
    try {
      const { res } = await read(KENT_RETURN);
      const before = (await auditOf('kscmp')).length;
      const copy = await riley().put(KENT_RETURN, COPY_FAMILY_HELP, { 'If-Match': etag(res) });
      expect(copy.status).toBe(422);
      const problem = (await copy.json()) as Problem;
      expect(problem.type).toContain('personal-data-refused');
      expect(problem.errors).toEqual([expect.objectContaining({ path: 'copy.narrative', kind: 'nhs-number' })]);
      expect((await auditOf('kscmp')).length).toBe(before);
    } finally {
      await t.doc.send(new UpdateCommand({ TableName: t.config.tables.main, Key: key, UpdateExpression: 'SET narrative = :n', ExpressionAttributeValues: { ':n': original } }));
    }
  });

  it('when the answer may hold personal data, the copy asks for confirmation, and the confirmation is audited with it', async () => {
    // Medway's section gets a team phone number, confirmed there as a save requires.
    const medway = await read(MEDWAY_RETURN);
    const fh = sectionOf(medway.view, 'family-help');
    const { carriedForward: _c, savedAt: _s, copiedFrom: _f, progress: _p, ...input } = fh as Section & { progress?: string };
    const narrative = `${fh.narrative} Practitioners can call the police front door on 01634 331177 for advice.`;
    const saved = await riley().put(MEDWAY_RETURN, { sections: [{ ...input, narrative }] }, { 'If-Match': etag(medway.res), 'Confirm-Personal-Data': 'true' });
    expect(saved.status).toBe(200);

    const { res } = await read(KENT_RETURN);
    const before = (await auditOf('kscmp')).length;
    const unconfirmed = await riley().put(KENT_RETURN, COPY_FAMILY_HELP, { 'If-Match': etag(res) });
    expect(unconfirmed.status).toBe(422);
    const problem = (await unconfirmed.json()) as Problem;
    expect(problem.type).toContain('personal-data-unconfirmed');
    expect(problem.errors).toEqual([expect.objectContaining({ path: 'copy.narrative', kind: 'phone' })]);
    expect((await auditOf('kscmp')).length).toBe(before);

    const confirmed = await riley().put(KENT_RETURN, COPY_FAMILY_HELP, { 'If-Match': etag(res), 'Confirm-Personal-Data': 'true' });
    expect(confirmed.status).toBe(200);
    expect(sectionOf((await confirmed.json()) as View, 'family-help-kent').narrative).toBe(narrative);
    expect((await auditOf('kscmp')).at(-1)).toMatchObject({
      action: 'return.section-copy',
      meta: { personalDataConfirmed: [{ path: 'family-help-kent.narrative', kind: 'phone' }] },
    });
  });
});

describe('someone removed from the partnership copied from', () => {
  it('when Medway’s lead deactivates Kent Police’s officer in Medway, the officer can still work in Kent but not copy from Medway: 404', async () => {
    const id = userIdFor('mscp', USERS.policeOfficer);
    const person = await t.as(USERS.lead).get(`/api/people/${id}`);
    expect((await t.as(USERS.lead).post(`/api/people/${id}/deactivate`, undefined, { 'If-Match': etag(person) })).status).toBe(200);
    const officer = as(USERS.policeOfficer);
    expect((await officer.get(`${KENT_RETURN}/sources`)).status).toBe(200);
    expect(((await (await officer.get(`${KENT_RETURN}/sources`)).json()) as Sources).sources).toEqual([]);
    expect((await refusedCopy(USERS.policeOfficer)).status).toBe(404);
  });
});

async function refusedCopy(email: string) {
  const { res } = await read(KENT_RETURN);
  const before = (await auditOf('kscmp')).length;
  const answer = await as(email).put(KENT_RETURN, copyOnly(COPY_SAFEGUARDING), { 'If-Match': etag(res) });
  expect((await auditOf('kscmp')).length).toBe(before);
  return answer;
}
