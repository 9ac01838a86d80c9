import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { returnKeys } from '../../functions/db/keys.js';
import { scanStoredPersonalData } from '../../functions/jobs/pii-scan.js';
import { createTestApp, USERS, type TestApp } from '../support/api.js';

const run = promisify(execFile);
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.drop();
});

const Q3 = '2026-27-Q3';

describe('npm run pii:scan', () => {
  it('when the demo data is scanned, no definite identifier is stored', async () => {
    const findings = await scanStoredPersonalData(t.doc, t.config.tables);
    expect(findings.filter((f) => f.definite)).toEqual([]);
  });

  it('when an NHS number was stored before the rule, the scan names the record, field and kind but never the text', async () => {
    const key = returnKeys.section(t.config.partnershipId, Q3, 'kent-police', 'safeguarding');
    const before = (await t.doc.send(new GetCommand({ TableName: t.config.tables.main, Key: key }))).Item;
    await t.doc.send(
      new PutCommand({
        TableName: t.config.tables.main,
        Item: {
          ...(before ?? { ...key, entity: 'ReturnSection', periodId: Q3, agencyId: 'kent-police', workstreamId: 'safeguarding' }),
          narrative: 'Child 943 476 5919 discussed.',
        },
      }),
    );
    const findings = await scanStoredPersonalData(t.doc, t.config.tables);
    expect(findings).toContainEqual({ table: 'record', entityType: 'return', entityId: `${Q3}/kent-police`, path: 'narrative', kind: 'nhs-number', definite: true });

    // The command itself: exit code 1, the record named, the number never printed.
    const env = { ...process.env, DYNAMODB_ENDPOINT: t.config.dynamodb.endpoint!, TABLE_NAME: t.config.tables.main, AUDIT_TABLE_NAME: t.config.tables.audit, LOG_LEVEL: 'silent' };
    const result = await run('npx', ['tsx', 'functions/jobs/pii-scan-cli.ts'], { env }).then(
      (r) => ({ code: 0, stdout: r.stdout }),
      (e: { code: number; stdout: string }) => ({ code: e.code, stdout: e.stdout }),
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/ERASE\s+record\s+return 2026-27-Q3\/kent-police\s+narrative\s+nhs-number/);
    expect(result.stdout).not.toContain('5919');
  });

  it('when the lead erases what the scan found, the scan no longer lists it', async () => {
    const res = await t
      .as(USERS.lead)
      .post('/api/erasures', { entityType: 'return', entityId: `${Q3}/kent-police`, field: 'narrative', text: '943 476 5919', reason: 'Found by the personal-data scan.' });
    expect(res.status).toBe(200);
    const findings = await scanStoredPersonalData(t.doc, t.config.tables);
    expect(findings.filter((f) => f.definite)).toEqual([]);
  });
});
