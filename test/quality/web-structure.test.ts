import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importsOf, sources } from '../support/imports.js';

/**
 * The web app's shape (issue 11): feature folders build on the kit (web/src/components), the API
 * client (web/src/api), the app state and shared/, never on each other; pages stay thin; only the
 * API client reaches into the server's code, and only for types.
 */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const WEB = join(ROOT, 'web/src');
const PAGES = join(WEB, 'pages');
const files = sources(WEB).filter((f) => !f.endsWith('.test.ts'));
const rel = (f: string) => relative(ROOT, f);
const lines = (f: string) => readFileSync(f, 'utf8').split('\n').length;
/** Lines as `wc -l` counts them (newlines), summed over files. */
const newlines = (list: string[]) => list.reduce((n, f) => n + (readFileSync(f, 'utf8').match(/\n/g)?.length ?? 0), 0);

/** The feature folder a file belongs to (`returns` for web/src/pages/returns/lead.tsx), or null. */
const featureOf = (f: string) => {
  if (!f.startsWith(PAGES + sep)) return null;
  const parts = relative(PAGES, f).split(sep);
  return parts.length > 1 ? parts[0]! : null;
};

describe('web app structure', () => {
  it('when the sources are read, the walker sees feature folders and their imports (a check that checks)', () => {
    const features = new Set(files.map(featureOf).filter(Boolean));
    expect(features).toContain('returns');
    expect(importsOf(join(PAGES, 'tracker/tracker-page.tsx')).some((i) => i.startsWith(join(WEB, 'components')))).toBe(true);
  });

  it("when a feature folder's files are read, they import no other feature folder", () => {
    const offenders = files.flatMap((f) => {
      const own = featureOf(f);
      if (!own) return [];
      return importsOf(f)
        .filter((i) => featureOf(i) !== null && featureOf(i) !== own)
        .map((i) => `${rel(f)} -> ${rel(i)}`);
    });
    expect(offenders).toEqual([]);
  });

  it('when any web file is read, it is 250 lines or fewer', () => {
    const long = files.filter((f) => lines(f) > 250).map((f) => `${rel(f)}: ${lines(f)} lines`);
    expect(long).toEqual([]);
  });

  it('when the web app is measured, pages are at most 60% of its lines', () => {
    // Generic UI logic lives in the kit (components/) and data hooks in api/, so pages stay the
    // page's own words and wiring (issue 11). A ratchet: today about 58%; the kit is where to add.
    const ours = files.filter((f) => !/\.test\.tsx?$/.test(f));
    const pages = newlines(ours.filter((f) => f.startsWith(PAGES + sep)));
    const all = newlines(ours);
    expect(pages).toBeGreaterThan(0);
    expect(pages / all, `web/src/pages is ${pages} of ${all} lines`).toBeLessThanOrEqual(0.6);
  });

  it("when web code imports the server's code, it is the API client, for types only", () => {
    const functions = join(ROOT, 'functions');
    const offenders = files.filter((f) => importsOf(f).some((i) => i.startsWith(functions)) && !f.startsWith(join(WEB, 'api') + sep)).map(rel);
    expect(offenders).toEqual([]);
    const client = readFileSync(join(WEB, 'api/client.ts'), 'utf8');
    // One import of the server's code, of types only: the declarations' API types (the whole API, one partnership's).
    const serverImports = client.split('\n').filter((l) => l.includes("from '../../../functions/"));
    expect(serverImports).toEqual([expect.stringMatching(/^import type \{ Api(, \w+)* \} from '\.\.\/\.\.\/\.\.\/functions\/routes\/index\.js';$/)]);
  });
});
