import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTION_LABELS } from '../../shared/audit/query.js';
import { sources } from '../support/imports.js';

/**
 * The audit trail's filter offers every action by its label (shared/audit/query.ts): an action the
 * code writes without one could be found only by typing its code. Reads the server's sources for
 * the actions it writes (`action: 'period.open'`).
 */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const written = new Set(
  sources(join(ROOT, 'functions'))
    .filter((f) => !f.endsWith('.test.ts'))
    .flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/\baction: '([a-z-]+\.[a-z.-]+)'/g)].map((m) => m[1]!)),
);

describe('audit action labels', () => {
  it('when the server sources are read, the actions they write are found (a check that checks)', () => {
    expect(written).toContain('period.open');
    expect(written.size).toBeGreaterThan(20);
  });

  it('when an action is written, the audit filter has a label for it', () => {
    expect([...written].filter((a) => !(a in AUDIT_ACTION_LABELS))).toEqual([]);
  });
});
