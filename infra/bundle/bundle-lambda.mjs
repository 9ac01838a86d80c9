/**
 * Bundles one Lambda entry (TypeScript) for Node.js 22 with esbuild's JavaScript API: minified ESM
 * split into an entry file (`index.mjs`) and chunks (`chunks/*.mjs`), so code reached only through
 * `await import()` (the S3 client, the X-Ray tracer, the SDK's rarely used credential providers)
 * is a file that is read when first needed, not at the cold start.
 *
 * - The AWS SDK is bundled: the function runs the SDK version the tests ran with, not the one the
 *   Lambda runtime happens to carry.
 * - zod's translations of its error messages into other languages are left out (English only).
 * - Source maps are written, with their sources, outside the deployed folder (`sourcemapDir`), so
 *   they are kept as a build artifact but never shipped; the code carries no `sourceMappingURL`.
 * - Files the code reads at run time rather than imports ({@link RUNTIME_FILES}: Swagger UI for the
 *   API reference page) are copied into the deployed folder when the module reading them is bundled.
 *
 * Plain JavaScript so that CDK can run it with `node` from a synchronous local bundler (esbuild
 * plugins need the asynchronous API): `node infra/bundle/bundle-lambda.mjs <entry> <outdir> [sourcemapDir]`.
 * Types for TypeScript callers are in bundle-lambda.d.mts.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';

/**
 * esbuild output is ESM. Some CommonJS dependencies still call `require()` for Node built-ins, which
 * does not exist in an ES module, so every output file defines it with `createRequire`. The import
 * is aliased so it cannot clash with a bundled identifier.
 */
export const ESM_REQUIRE_BANNER = "import { createRequire as __portalCreateRequire } from 'node:module'; const require = __portalCreateRequire(import.meta.url);";

/**
 * zod 4 exports every locale (`z.locales`, ~250 KB minified) from its main module, through a
 * relative import that tree shaking cannot drop. The portal only speaks English (zod's default,
 * which zod imports on its own), so `locales/index.js` becomes a module exporting `en` alone.
 * Fails the build if zod is bundled but its locales module was never seen (zod changed its layout).
 * @returns {esbuild.Plugin}
 */
function zodEnglishOnly() {
  return {
    name: 'zod-english-only',
    setup(build) {
      let replaced = false;
      build.onResolve({ filter: /(^|\/)locales\/index\.js$/ }, (args) => {
        if (!/[\\/]node_modules[\\/]zod[\\/]/.test(args.importer)) return undefined;
        replaced = true;
        return { path: resolve(args.resolveDir, args.path), namespace: 'zod-english-only' };
      });
      build.onLoad({ filter: /.*/, namespace: 'zod-english-only' }, (args) => ({
        contents: "export { default as en } from './en.js';",
        resolveDir: dirname(args.path),
        loader: 'js',
      }));
      build.onEnd((result) => {
        const zodBundled = Object.keys(result.metafile?.inputs ?? {}).some((input) => /(^|\/)node_modules\/zod\//.test(input));
        if (zodBundled && !replaced)
          return { errors: [{ text: 'zod is bundled but its locales/index.js was not found: update zodEnglishOnly in infra/bundle/bundle-lambda.mjs.' }] };
        return undefined;
      });
    },
  };
}

/**
 * Files a bundled module reads from disk at run time (so esbuild cannot bundle them), copied from
 * their package into `<outdir>/<folder>/` when `module` is one of the bundle's inputs. The API
 * reference page (functions/http/api-docs.ts) serves Swagger UI's script and styles from
 * `swagger-ui/` beside index.mjs in Lambda, where there is no node_modules; the mail and SES
 * functions do not include that module, so their assets do not carry it. Keep `files` in step
 * with what api-docs.ts serves (test/lambda/lambda-bundle.test.ts fetches them from the bundle).
 */
export const RUNTIME_FILES = [{ module: 'functions/http/api-docs.ts', from: 'swagger-ui-dist', folder: 'swagger-ui', files: ['swagger-ui-bundle.js', 'swagger-ui.css'] }];

/**
 * Copies the {@link RUNTIME_FILES} of the modules in this bundle; fails the build when a package or
 * file is missing. Returns the copied paths, relative to `out`.
 */
function copyRuntimeFiles(inputs, root, out) {
  const resolveFrom = createRequire(join(resolve(root), 'package.json'));
  return RUNTIME_FILES.filter((r) => r.module in inputs).flatMap((r) => {
    let packageDir;
    try {
      packageDir = dirname(resolveFrom.resolve(`${r.from}/package.json`));
    } catch {
      throw new Error(`${r.module} is bundled but ${r.from} is not installed: its files cannot be copied into the Lambda asset.`);
    }
    mkdirSync(join(out, r.folder), { recursive: true });
    return r.files.map((file) => {
      copyFileSync(join(packageDir, file), join(out, r.folder, file));
      return `${r.folder}/${file}`;
    });
  });
}

const walk = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));

/**
 * @param {import('./bundle-lambda.d.mts').BundleOptions} options
 * @returns {Promise<import('./bundle-lambda.d.mts').BundleReport>}
 */
export async function bundleLambda({ entry, outdir, sourcemapDir, root = process.cwd() }) {
  const out = resolve(outdir);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const result = await esbuild.build({
    absWorkingDir: resolve(root),
    entryPoints: { index: resolve(entry) },
    outdir: out,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node22',
    minify: true,
    // ESM entry points of packages that ship both (tree shaking works on ESM only).
    mainFields: ['module', 'main'],
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    banner: { js: ESM_REQUIRE_BANNER },
    // `external`: a .map per file and no sourceMappingURL comment in the code.
    sourcemap: sourcemapDir ? 'external' : false,
    // Licence texts go with the source maps (same artifact), not into the code.
    legalComments: sourcemapDir ? 'external' : 'none',
    plugins: [zodEnglishOnly()],
    metafile: true,
    logLevel: 'silent',
  });

  // Move the maps and licence texts out of the deployed folder.
  if (sourcemapDir) {
    const maps = resolve(sourcemapDir);
    rmSync(maps, { recursive: true, force: true });
    for (const file of walk(out).filter((f) => f.endsWith('.map') || f.endsWith('.LEGAL.txt'))) {
      const to = join(maps, relative(out, file));
      mkdirSync(dirname(to), { recursive: true });
      renameSync(file, to);
    }
  }

  const copied = copyRuntimeFiles(result.metafile.inputs, root, out);

  const outputs = result.metafile.outputs;
  const key = (file) => relative(out, resolve(root, file)).split('\\').join('/');
  const entryOutput = Object.keys(outputs).find((f) => key(f) === 'index.mjs');
  if (!entryOutput) throw new Error(`esbuild wrote no index.mjs for ${entry}`);
  // The cold start loads the entry and, transitively, every chunk it imports statically.
  const initPath = new Set();
  const visit = (file) => {
    if (initPath.has(file)) return;
    initPath.add(file);
    for (const i of outputs[file]?.imports ?? []) if (i.kind === 'import-statement' && !i.external) visit(i.path);
  };
  visit(entryOutput);

  const files = Object.keys(outputs)
    .filter((f) => f.endsWith('.mjs'))
    .map((f) => {
      const bytes = readFileSync(resolve(root, f));
      return { path: key(f), bytes: bytes.length, gzipBytes: gzipSync(bytes).length, init: initPath.has(f), sha256: createHash('sha256').update(bytes).digest('hex') };
    })
    .sort((a, b) => Number(b.init) - Number(a.init) || b.bytes - a.bytes);
  const external = [...new Set(Object.values(outputs).flatMap((o) => o.imports.filter((i) => i.external).map((i) => i.path)))].sort();
  const sum = (list, k) => list.reduce((n, f) => n + f[k], 0);
  const report = {
    entry: relative(resolve(root), resolve(entry)).split('\\').join('/'),
    files,
    init: {
      bytes: sum(
        files.filter((f) => f.init),
        'bytes',
      ),
      gzipBytes: sum(
        files.filter((f) => f.init),
        'gzipBytes',
      ),
      files: files.filter((f) => f.init).length,
    },
    total: { bytes: sum(files, 'bytes'), gzipBytes: sum(files, 'gzipBytes'), files: files.length },
    external,
    copied,
    inputs: result.metafile.inputs,
    outputs,
  };
  // With the maps: which code they belong to (the deployed files' hashes).
  if (sourcemapDir)
    writeFileSync(
      join(resolve(sourcemapDir), 'files.json'),
      `${JSON.stringify({ entry: report.entry, files: files.map(({ path, bytes, sha256 }) => ({ path, bytes, sha256 })) }, null, 2)}\n`,
    );
  return report;
}

// CLI, for CDK's local bundling: node bundle-lambda.mjs <entry> <outdir> [sourcemapDir]
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [entry, outdir, sourcemapDir] = process.argv.slice(2);
  if (!entry || !outdir) {
    console.error('usage: node infra/bundle/bundle-lambda.mjs <entry> <outdir> [sourcemapDir]');
    process.exit(2);
  }
  bundleLambda({ entry, outdir, ...(sourcemapDir ? { sourcemapDir } : {}) }).then(
    (r) => console.log(JSON.stringify({ entry: r.entry, init: r.init, total: r.total, external: r.external })),
    (err) => {
      console.error(err instanceof Error ? err.message : String(err));
      process.exit(1);
    },
  );
}
