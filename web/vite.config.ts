import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import solid from 'vite-plugin-solid';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const nodeModules = fileURLToPath(new URL('../node_modules', import.meta.url));

/**
 * The SPA is built to `web/dist`, which the local server (functions/local/server.ts) and the CDK
 * web-hosting construct both serve. The served CSP forbids inline scripts and styles, so nothing
 * here may inline them: CSS is always emitted as a file, and no inline module-preload shim.
 */
export default defineConfig({
  root: webRoot,
  plugins: [solid()],
  css: {
    preprocessorOptions: {
      scss: {
        // styles.scss imports govuk-frontend's Sass from node_modules.
        loadPaths: [nodeModules],
        // govuk-frontend 5 is written with @import and global functions, which Dart Sass 1.x warns
        // about on every build; it keeps working until Dart Sass 3, and govuk-frontend moves first.
        quietDeps: true,
        silenceDeprecations: ['import', 'global-builtin'],
      },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // The shared styles (govuk-frontend and the shell) are one file loaded by index.html; each
    // lazily loaded page brings its own stylesheet as a <link> (style-src 'self'), never inline.
    cssCodeSplit: true,
    // Small images may become data: URLs (CSP allows img-src data:); fonts and scripts never inline.
    assetsInlineLimit: 2048,
    // No source maps: web/dist is uploaded as it is to the public bucket, and maps would publish the source.
    sourcemap: false,
    rolldownOptions: {
      output: {
        // The kit every page uses travels as one file, not as dozens of tiny chunks: on a slow
        // phone connection each extra file costs a round trip.
        codeSplitting: {
          groups: [
            // csp-safe-zod.ts goes with the kit, which holds the zod its schemas need, and runs first.
            { name: 'kit', test: /web[\\/]src[\\/](components[\\/]|csp-safe-zod\.ts)/ },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false } },
  },
});
