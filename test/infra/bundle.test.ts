import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PortalFunction, SOURCEMAPS_FOLDER } from '../../infra/constructs/portal-function.js';

/**
 * PortalFunction's bundling (infra/bundle/bundle-lambda.mjs run by CDK's local bundling) on small
 * entries written for the test: one reaching a module through `await import()`, one plain.
 */
let work: string;
let outdir: string;
let template: Template;
let stack: Stack;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'portal-function-'));
  const src = join(work, 'src');
  mkdirSync(src);
  writeFileSync(join(src, 'lazy.ts'), "export const handler = async () => (await import('./later.js')).answer();\n");
  writeFileSync(join(src, 'later.ts'), "export const answer = () => ({ statusCode: 200, body: 'from the chunk' });\n");
  writeFileSync(join(src, 'plain.ts'), "export const main = async () => ({ statusCode: 200, body: 'plain' });\n");
  outdir = join(work, 'cdk.out');
  const app = new App({ outdir });
  stack = new Stack(app, 'BundleTest');
  new PortalFunction(stack, 'Lazy', { entry: join(src, 'lazy.ts'), description: 'lazy' });
  new PortalFunction(stack, 'Plain', { entry: join(src, 'plain.ts'), handler: 'main', description: 'plain' });
  app.synth();
  template = Template.fromStack(stack);
});
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

const functionNamed = (description: string) => {
  const [fn] = Object.values(template.findResources('AWS::Lambda::Function', { Properties: { Description: description } })) as { Properties: Record<string, unknown> }[];
  return fn!.Properties;
};
const assetOf = (description: string) => join(outdir, `asset.${(functionNamed(description).Code as { S3Key: string }).S3Key.replace(/\.zip$/, '')}`);
const filesIn = (dir: string) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();

describe('PortalFunction bundling', () => {
  it('when an entry imports a module with await import(), the asset has the entry and that module as a chunk, and it runs', async () => {
    const dir = assetOf('lazy');
    const files = filesIn(dir);
    expect(files).toEqual([expect.stringMatching(/^chunks\/later-[A-Z0-9]+\.mjs$/), 'index.mjs']);
    expect(readFileSync(join(dir, 'index.mjs'), 'utf8')).not.toContain('from the chunk');
    const mod = (await import(pathToFileURL(join(dir, 'index.mjs')).href)) as { handler: () => Promise<{ body: string }> };
    expect((await mod.handler()).body).toBe('from the chunk');
  });

  it('when synthesized, each entry gets its own asset and the handler names its export', () => {
    expect(assetOf('lazy')).not.toBe(assetOf('plain'));
    expect(functionNamed('lazy')).toMatchObject({ Handler: 'index.handler', Runtime: 'nodejs22.x', Architectures: ['arm64'] });
    expect(functionNamed('plain')).toMatchObject({ Handler: 'index.main' });
  });

  it('when bundled, the source maps go to <cdk.out>/lambda-sourcemaps/<function>/ with the hashes of the files they belong to, never into the asset', () => {
    for (const description of ['lazy', 'plain']) expect(filesIn(assetOf(description)).some((f) => f.endsWith('.map'))).toBe(false);
    const maps = join(outdir, SOURCEMAPS_FOLDER, 'BundleTest-Lazy');
    const listed = JSON.parse(readFileSync(join(maps, 'files.json'), 'utf8')) as { files: { path: string; sha256: string }[] };
    for (const f of listed.files) {
      expect(
        createHash('sha256')
          .update(readFileSync(join(assetOf('lazy'), f.path)))
          .digest('hex'),
      ).toBe(f.sha256);
      expect(filesIn(maps)).toContain(`${f.path}.map`);
    }
  });

  it('when an entry does not build, the synth fails with esbuild’s message (no Docker fallback)', () => {
    const app = new App({ outdir: join(work, 'broken.out') });
    const broken = new Stack(app, 'Broken');
    expect(() => new PortalFunction(broken, 'Missing', { entry: join(work, 'src/missing.ts') })).toThrow(/Bundling .*missing\.ts failed/);
  });
});
