import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiDocument, createTestApp, USERS, type ApiDocument, type TestApp } from '../support/api.js';

/**
 * The OpenAPI document is generated from the route declarations (functions/http/route.ts): these
 * tests hold it to what partners' IT teams and generated clients rely on, and check that the
 * declarations and the running routes agree.
 */
const doc: ApiDocument = apiDocument();
const operations = Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ key: `${method.toUpperCase()} ${path}`, method, path, op })));

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.drop();
});

describe('the OpenAPI document', () => {
  it('when the API is described, it has every route with a unique operationId, a summary and a tag', () => {
    expect(operations.length).toBeGreaterThanOrEqual(49);
    const missing = operations.filter(({ op }) => !op.operationId || !op.summary || !op.tags?.length).map((o) => o.key);
    expect(missing).toEqual([]);
    const ids = operations.map(({ op }) => op.operationId);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    for (const id of ids) expect(id).toMatch(/^[a-z][A-Za-z0-9]+$/);
  });

  it.each(operations)('when $key lists a status, it declares a response schema for it', ({ op }) => {
    const statuses = Object.keys(op.responses);
    expect(statuses.some((s) => s.startsWith('2'))).toBe(true);
    const withoutSchema = statuses.filter((s) => {
      const content = op.responses[s]!.content;
      return !content || !Object.keys(content).length || Object.values(content).some((m) => !m.schema);
    });
    expect(withoutSchema).toEqual([]);
    // Every error is problem+json.
    for (const s of statuses.filter((x) => Number(x) >= 400)) expect(Object.keys(op.responses[s]!.content ?? {})).toEqual(['application/problem+json']);
  });

  it.each(operations)('when $key declares roles, the document says so in its security and its statuses', ({ op }) => {
    const roles = op['x-roles'] ?? [];
    if (roles.length) {
      expect(op.security).toEqual([{ bearerAuth: [] }]);
      expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['401', '403']));
      expect(op.description).toContain(`Roles: ${roles.join(', ')}.`);
    } else {
      expect(op.security).toEqual([]);
      expect(op.responses).not.toHaveProperty('403');
    }
  });

  it.each(operations)('when $key is called without a token, it answers 401 exactly when it declares roles', async ({ method, path, op }) => {
    const concrete = path.replace(/\{(\w+)\}/g, 'x');
    const res = await t.app.request(concrete, { method: method.toUpperCase(), ...(method === 'get' ? {} : { headers: { 'Content-Type': 'application/json' }, body: '{}' }) });
    if (op['x-roles']?.length) expect(res.status).toBe(401);
    else expect(res.status).not.toBe(401);
  });

  it('when the document is requested from the app, it is the one generated from the declarations', async () => {
    const res = await t.app.request('/api/openapi.json');
    expect(res.status).toBe(200);
    const served = (await res.json()) as ApiDocument;
    expect(Object.keys(served.paths).sort()).toEqual(Object.keys(doc.paths).sort());
    expect(served.paths['/api/p/{partnershipId}/returns/{periodId}/{agencyId}']?.put?.operationId).toBe('saveReturn');
  });

  it('when a write needs If-Match or takes free text, the document names the header', () => {
    const put = doc.paths['/api/p/{partnershipId}/returns/{periodId}/{agencyId}']!.put!;
    expect(put.parameters).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'If-Match', in: 'header', required: false }),
        expect.objectContaining({ name: 'Confirm-Personal-Data', in: 'header' }),
      ]),
    );
    expect(Object.keys(put.responses)).toEqual(expect.arrayContaining(['400', '412', '413', '415', '422', '428']));
    const accept = doc.paths['/api/p/{partnershipId}/returns/{periodId}/{agencyId}/accept']!.post!.parameters ?? [];
    expect(accept.filter((p) => p.in === 'header')).toEqual([expect.objectContaining({ name: 'If-Match', required: true })]);
    expect(accept.filter((p) => p.in === 'path').map((p) => p.name)).toEqual(['partnershipId', 'periodId', 'agencyId']);
  });

  it('when a write that declares no body is sent a field, it answers 400 naming it, before any service runs', async () => {
    const res = await t.as(USERS.lead).post('/api/returns/2026-27-Q3/kent-police/accept', { surprise: true }, { 'If-Match': '"1"' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { errors: { path: string }[] }).errors.map((e) => e.path)).toEqual(['surprise']);
  });

  it('when an optional body is sent empty with a JSON Content-Type, it is read as {} (not as malformed JSON)', async () => {
    const res = await t.as(USERS.police).post('/api/returns/2026-27-Q3/kent-police/submit', '', { 'Content-Type': 'application/json', 'If-Match': '"999"' });
    // The stale If-Match is what answers: the empty body itself was fine.
    expect(res.status).toBe(412);
  });

  it('when a path id is malformed, it answers 404 naming what it would be, as before', async () => {
    const res = await t.as(USERS.lead).get('/api/returns/2026-27-Q9/kent-police');
    expect(res.status).toBe(404);
    expect(((await res.json()) as { detail: string }).detail).toBe('There is no reporting period 2026-27-Q9.');
  });

  it('when the document is linted with @redocly/cli and its recommended rules, it has no errors', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'openapi-'));
    try {
      const file = join(dir, 'openapi.json');
      writeFileSync(file, JSON.stringify(doc));
      const require = createRequire(import.meta.url);
      const cli = join(dirname(require.resolve('@redocly/cli/package.json')), 'bin', 'cli.js');
      const run = await promisify(execFile)(process.execPath, [cli, 'lint', file, '--extends=recommended', '--format=json'], { cwd: dir, maxBuffer: 16 * 1024 * 1024 }).catch(
        (err: { stdout?: string; stderr?: string }) => ({ stdout: err.stdout ?? '', stderr: err.stderr ?? '' }),
      );
      const report = JSON.parse(run.stdout) as {
        totals: { errors: number; warnings: number };
        problems: { ruleId: string; severity: string; message: string; location: { pointer?: string }[] }[];
      };
      const errors = report.problems.filter((p) => p.severity === 'error').map((p) => `${p.ruleId}: ${p.message} at ${p.location[0]?.pointer ?? ''}`);
      expect(errors).toEqual([]);
      expect(report.totals.errors).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
