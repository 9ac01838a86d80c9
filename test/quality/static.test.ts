import { execFile } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

/**
 * The static checks run with every other test (so by CI): the type checker over the whole project
 * (strict), and Biome's linter and formatter with zero errors and zero warnings. On failure the
 * message is the tool's own report, file and line.
 */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const run = promisify(execFile);

async function check(command: string, args: string[]): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await run(command, args, { cwd: ROOT, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } });
    return { code: 0, output: `${stdout}${stderr}` };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : 1, output: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

describe('static checks', () => {
  it('when the project is type-checked (tsc --noEmit, strict), there are no errors', { timeout: 180_000 }, async () => {
    const { code, output } = await check(resolve(ROOT, 'node_modules/.bin/tsc'), ['--noEmit', '-p', '.']);
    expect(output.trim(), output).toBe('');
    expect(code).toBe(0);
  });

  it('when the code is linted and its format checked (biome ci), there are no errors and no warnings', { timeout: 120_000 }, async () => {
    const { code, output } = await check(resolve(ROOT, 'node_modules/.bin/biome'), ['ci', '--colors=off', '--error-on-warnings', '--max-diagnostics=50', '.']);
    expect(code, output).toBe(0);
    expect(output).toMatch(/Checked \d+ files?/);
  });
});
