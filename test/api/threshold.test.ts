import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { thresholdKeys } from '../../functions/db/keys.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestApp, USERS, type TestApp, inPartnership } from '../support/api.js';
import { testConfig } from '../support/tables.js';

type Version = {
  id: string;
  versionLabel: string;
  status: string;
  sha256: string;
  requiredAgencyIds: string[];
  signedOffAt: string | null;
  decisions: { agencyId: string; decision: string; comment: string; by: string; at: string; sha256: string }[];
};

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ config: { ...testConfig(), dataDir: mkdtempSync(join(tmpdir(), 'portal-docs-')) } });
});
afterAll(async () => {
  await t.drop();
});

const list = async (email: string = USERS.exec) => (await (await t.as(email).get('/api/threshold-documents')).json()) as Version[];
/** The configuration's ETag: issuing supersedes the current version, so it is guarded by what the lead read. */
const configEtag = async () => (await t.as(USERS.lead).get('/api/threshold-config')).headers.get('etag') ?? '';
const issue = async (label: string, email: string = USERS.lead) =>
  t.as(email).post(
    '/api/threshold-documents',
    {
      title: 'MSCP Threshold Document',
      versionLabel: label,
      summaryOfChanges: `Changes in ${label}`,
      effectiveFrom: '2027-04-01',
      content: `# Levels of need (${label})\n\nLevel 1 universal services...`,
    },
    { 'If-Match': await configEtag() },
  );
const sign = (email: string, versionId: string, body: Record<string, unknown>) => t.as(email).post(`/api/threshold-documents/${versionId}/sign-offs`, body);

describe('the seeded record', () => {
  it('when anyone lists versions, v3.0 awaits one partner and v2.0 is superseded after its 2024 sign-off', async () => {
    const versions = await list(USERS.education);
    expect(versions.map((v) => [v.versionLabel, v.status])).toEqual([
      ['v3.0', 'awaiting-sign-off'],
      ['v2.0', 'superseded'],
    ]);
    expect(versions[0]?.requiredAgencyIds).toEqual(['medway-council', 'kent-police', 'nhs-kent-medway']);
    expect(versions[0]?.decisions.map((d) => d.agencyId).sort()).toEqual(['kent-police', 'medway-council']);
    expect(versions[1]?.signedOffAt?.startsWith('2024')).toBe(true);
  });

  it('when the content is read, its hash matches the version', async () => {
    const res = await t.as(USERS.police).get('/api/threshold-documents/v3-0/content');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { content: string; sha256: string };
    expect(createHash('sha256').update(body.content).digest('hex')).toBe(body.sha256);
    expect(res.headers.get('x-content-sha256')).toBe(body.sha256);
  });

  it('when a version does not exist, it answers 404', async () => {
    expect((await t.as(USERS.police).get('/api/threshold-documents/v9-9')).status).toBe(404);
    expect((await t.as(USERS.police).get('/api/threshold-documents/v9-9/content')).status).toBe(404);
  });
});

describe('who may sign', () => {
  it.each([
    [USERS.lead, 403],
    [USERS.exec, 403],
    [USERS.councilOfficer, 403],
    [USERS.education, 403],
  ])('when %s tries to record a decision, it is refused with %i', async (email, status) => {
    expect((await sign(email, 'v3-0', { decision: 'approve' })).status).toBe(status);
  });

  it('when a partner that already decided decides again, it answers 409', async () => {
    expect((await sign(USERS.police, 'v3-0', { decision: 'approve' })).status).toBe(409);
  });

  it('when changes are requested without a comment, it answers 400 naming comment', async () => {
    const res = await sign(USERS.health, 'v3-0', { decision: 'request-changes' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { errors: { path: string }[] }).errors[0]?.path).toBe('comment');
  });

  it('when the hash the signatory saw differs from the record, it is refused', async () => {
    expect((await sign(USERS.health, 'v3-0', { decision: 'approve', sha256: 'a'.repeat(64) })).status).toBe(409);
  });
});

describe('the whole round', () => {
  it('when the lead issues v4.0, v3.0 is superseded and its open sign-offs stop', async () => {
    const res = await issue('v4.0');
    expect(res.status).toBe(201);
    const v = (await res.json()) as Version;
    expect(v).toMatchObject({ id: 'v4-0', status: 'awaiting-sign-off', decisions: [] });
    expect(v.sha256).toMatch(/^[a-f0-9]{64}$/);
    expect((await sign(USERS.health, 'v3-0', { decision: 'approve' })).status).toBe(409);
    expect((await list()).find((x) => x.id === 'v3-0')?.status).toBe('superseded');
  });

  it('when a partner or executive tries to issue, or the label is reused, it is refused', async () => {
    expect((await issue('v4.5', USERS.council)).status).toBe(403);
    expect((await issue('v4.5', USERS.exec)).status).toBe(403);
    expect((await issue('v4.0')).status).toBe(409);
  });

  it('when two partners approve and one requests changes, the version shows changes requested', async () => {
    expect((await sign(USERS.council, 'v4-0', { decision: 'approve', comment: 'Agreed.' })).status).toBe(201);
    expect((await sign(USERS.police, 'v4-0', { decision: 'approve' })).status).toBe(201);
    const res = await sign(USERS.health, 'v4-0', { decision: 'request-changes', comment: 'Add the ICB designated nurse route.' });
    expect(res.status).toBe(201);
    const v = (await res.json()) as Version;
    expect(v.status).toBe('changes-requested');
    expect(v.decisions.every((d) => d.sha256 === v.sha256)).toBe(true);
  });

  it('when the lead issues v4.1 and all approve, it is signed off on the last approval', async () => {
    expect((await issue('v4.1')).status).toBe(201);
    for (const email of [USERS.council, USERS.police, USERS.health]) expect((await sign(email, 'v4-1', { decision: 'approve' })).status).toBe(201);
    const v = (await list())[0]!;
    expect(v).toMatchObject({ id: 'v4-1', status: 'signed-off' });
    expect(v.signedOffAt).toBe(
      v.decisions
        .map((d) => d.at)
        .sort()
        .at(-1),
    );
  });

  it('when the lead reads the audit trail, issuing and each decision are recorded', async () => {
    const res = await t.as(USERS.lead).get('/api/audit?entityType=threshold-document&entityId=v4-0');
    const events = ((await res.json()) as { events: { action: string }[] }).events.map((e) => e.action);
    expect(events).toEqual(['threshold.issue', 'threshold.approve', 'threshold.approve', 'threshold.request-changes']);
  });
});

describe('PDF upload', () => {
  const form = (file: Blob | null, label = 'v5.0') => {
    const f = new FormData();
    f.set('title', 'MSCP Threshold Document');
    f.set('versionLabel', label);
    f.set('summaryOfChanges', 'Issued as a PDF');
    f.set('effectiveFrom', '2027-06-01');
    if (file) f.set('file', file, 'threshold.pdf');
    return f;
  };
  const upload = async (body: FormData, email: string = USERS.lead) =>
    t.app.request(inPartnership('/api/threshold-documents/upload'), {
      method: 'POST',
      headers: { Authorization: `Bearer ${await t.tokenFor(email)}`, 'If-Match': await configEtag() },
      body,
    });

  it('when a file is not a PDF or missing, it answers 400 naming file and issues nothing', async () => {
    const res = await upload(form(new Blob(['hello'], { type: 'application/pdf' })));
    expect(res.status).toBe(400);
    expect(((await res.json()) as { errors: { path: string }[] }).errors.map((e) => e.path)).toContain('file');
    expect((await upload(form(null))).status).toBe(400);
    expect((await list()).some((v) => v.id === 'v5-0')).toBe(false);
  });

  it('when a partner uploads, it is refused', async () => {
    expect((await upload(form(new Blob(['%PDF-1.7 test'])), USERS.council)).status).toBe(403);
  });

  it('when the lead uploads a PDF, the version stores its SHA-256 and serves the same bytes', async () => {
    const bytes = new TextEncoder().encode('%PDF-1.7\n% portal test document\n%%EOF\n');
    const res = await upload(form(new Blob([bytes], { type: 'application/pdf' })));
    expect(res.status).toBe(201);
    const v = (await res.json()) as Version & { contentType: string };
    expect(v.contentType).toBe('application/pdf');
    expect(v.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    const content = await t.as(USERS.exec).get(`/api/threshold-documents/${v.id}/content`);
    expect(content.headers.get('content-type')).toBe('application/pdf');
    expect(new Uint8Array(await content.arrayBuffer())).toEqual(bytes);
    // Kept among the partnership's own documents: its key in the store begins with the partnership.
    const stored = await t.doc.send(new GetCommand({ TableName: t.config.tables.main, Key: thresholdKeys.content('mscp', v.id) }));
    expect(stored.Item?.objectKey).toBe(`mscp/threshold/${v.sha256}.pdf`);
    expect(readFileSync(join(t.config.dataDir, 'documents', 'mscp', 'threshold', `${v.sha256}.pdf`))).toEqual(Buffer.from(bytes));
  });
});

describe('which agencies sign', () => {
  it('when the lead adds education, versions issued afterwards need education too; earlier versions keep their list', async () => {
    const cur = await t.as(USERS.lead).get('/api/threshold-config');
    const etag = cur.headers.get('etag') ?? '';
    expect((await t.as(USERS.exec).put('/api/threshold-config', { requiredAgencyIds: ['medway-council'] }, { 'If-Match': etag })).status).toBe(403);
    expect((await t.as(USERS.lead).put('/api/threshold-config', { requiredAgencyIds: ['nobody'] }, { 'If-Match': etag })).status).toBe(400);
    expect((await t.as(USERS.lead).put('/api/threshold-config', { requiredAgencyIds: ['medway-council'] })).status).toBe(428);
    const res = await t
      .as(USERS.lead)
      .put('/api/threshold-config', { requiredAgencyIds: ['medway-council', 'kent-police', 'nhs-kent-medway', 'medway-education'] }, { 'If-Match': etag });
    expect(res.status).toBe(200);
    expect((await t.as(USERS.lead).put('/api/threshold-config', { requiredAgencyIds: ['medway-council'] }, { 'If-Match': etag })).status).toBe(412);
    const before = (await list())[0]!;
    expect(before.requiredAgencyIds).not.toContain('medway-education');
    expect((await issue('v6.0')).status).toBe(201);
    expect((await list())[0]?.requiredAgencyIds).toContain('medway-education');
  });
});
