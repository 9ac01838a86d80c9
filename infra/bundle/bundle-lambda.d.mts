/** Types of bundle-lambda.mjs (plain JavaScript so that CDK's synchronous local bundling can run it with `node`). */
import type { Metafile } from 'esbuild';

export declare const ESM_REQUIRE_BANNER: string;

/** Files a bundled module reads at run time, copied from `from` (a package) into `<outdir>/<folder>/` when `module` is bundled. */
export declare const RUNTIME_FILES: ReadonlyArray<{ module: string; from: string; folder: string; files: string[] }>;

export interface BundleOptions {
  /** The TypeScript entry exporting the handler(s). */
  entry: string;
  /** The folder to deploy: emptied, then `index.mjs`, `chunks/` and any {@link RUNTIME_FILES} folder. */
  outdir: string;
  /** Where the source maps and licence texts go (emptied first); none are written when unset. */
  sourcemapDir?: string;
  /** The folder esbuild resolves from and reports paths against (default: the current directory). */
  root?: string;
}

export interface BundledFile {
  /** Relative to the output folder, e.g. `index.mjs`, `chunks/dist-es-ABC123.mjs`. */
  path: string;
  bytes: number;
  gzipBytes: number;
  /** Loaded at the cold start: the entry and every chunk it imports statically, transitively. */
  init: boolean;
  sha256: string;
}

export interface BundleReport {
  entry: string;
  files: BundledFile[];
  init: { bytes: number; gzipBytes: number; files: number };
  total: { bytes: number; gzipBytes: number; files: number };
  /** Imports left to the runtime (Node.js built-ins only, when all is well). */
  external: string[];
  /** Files copied into the folder to deploy ({@link RUNTIME_FILES}), e.g. `swagger-ui/swagger-ui.css`: not code, not in `files` or the sizes. */
  copied: string[];
  inputs: Metafile['inputs'];
  outputs: Metafile['outputs'];
}

export declare function bundleLambda(options: BundleOptions): Promise<BundleReport>;
