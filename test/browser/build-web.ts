import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
/** Everything the SPA bundle is made from; `shared/` because the web app imports its schemas. */
const SOURCES = ['web/src', 'web/public', 'web/index.html', 'web/vite.config.ts', 'shared'];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/**
 * Builds `web/dist` with Vite when it is missing or older than any source, so the browser suite
 * always tests the current code without paying for a build on every run.
 */
export function ensureWebBuilt(): void {
  const index = join(ROOT, 'web/dist/index.html');
  const built = existsSync(index) ? statSync(index).mtimeMs : 0;
  const sources = Math.max(...SOURCES.map((p) => newestMtime(join(ROOT, p))));
  if (built >= sources) return;
  execFileSync('npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit', timeout: 120_000 });
}
