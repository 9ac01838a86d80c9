import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importsOf, sources } from '../support/imports.js';

/**
 * The layers' rules that a reader should not have to check by hand: route files take services
 * from the composition module (functions/services/index.ts), never from the app, and no module
 * of the API or of shared/ imports itself round a circle (type-only imports included: a circle of
 * types is still two modules that cannot be understood apart).
 */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

const files = [...sources(join(ROOT, 'functions')), ...sources(join(ROOT, 'shared'))];
const graph = new Map(files.map((f) => [f, importsOf(f).filter((i) => i.startsWith(join(ROOT, 'functions')) || i.startsWith(join(ROOT, 'shared')))]));
const rel = (f: string) => relative(ROOT, f);

/** Every cycle's members, found with Tarjan's strongly connected components. */
function cycles(): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        on.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1 || (graph.get(v) ?? []).includes(v)) out.push(scc.map(rel).sort());
    }
  };
  for (const f of graph.keys()) if (!idx.has(f)) visit(f);
  return out;
}

describe('module structure', () => {
  it('when the sources are read, the import walker sees the modules it must (a check that checks)', () => {
    expect(graph.get(join(ROOT, 'functions/app.ts'))).toContain(join(ROOT, 'functions/services/index.ts'));
    expect(graph.get(join(ROOT, 'functions/routes/tracker-routes.ts'))).toContain(join(ROOT, 'functions/services/index.ts'));
  });

  it('when a route file is read, it does not import app.ts', () => {
    const app = join(ROOT, 'functions/app.ts');
    const offenders = [...graph].filter(([f, imports]) => f.includes(`${join(ROOT, 'functions/routes')}/`) && imports.includes(app)).map(([f]) => rel(f));
    expect(offenders).toEqual([]);
  });

  it('when anything in functions/ or shared/ imports app.ts, it is an entry point', () => {
    const app = join(ROOT, 'functions/app.ts');
    const importers = [...graph]
      .filter(([, imports]) => imports.includes(app))
      .map(([f]) => rel(f))
      .sort();
    expect(importers).toEqual(['functions/lambda-handler.ts', 'functions/local/server.ts']);
  });

  it('when the imports of functions/ and shared/ are walked, there is no cycle', () => {
    expect(cycles()).toEqual([]);
  });

  it('when shared/ is read, it imports nothing from functions/ (the web app uses it too)', () => {
    const offenders = [...graph].filter(([f, imports]) => f.startsWith(join(ROOT, 'shared')) && imports.some((i) => i.startsWith(join(ROOT, 'functions')))).map(([f]) => rel(f));
    expect(offenders).toEqual([]);
  });
});
