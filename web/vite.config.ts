import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import solid from 'vite-plugin-solid';

const webRoot = fileURLToPath(new URL('.', import.meta.url));

/**
 * The SPA is built to `web/dist`, which the local server (functions/local/server.ts) and the CDK
 * web-hosting construct both serve. The served CSP forbids inline scripts and styles, so nothing
 * here may inline them: CSS is always emitted as a file, and no inline module-preload shim.
 */
export default defineConfig({
  root: webRoot,
  plugins: [solid()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    cssCodeSplit: false,
    // Small images may become data: URLs (CSP allows img-src data:); fonts and scripts never inline.
    assetsInlineLimit: 2048,
    sourcemap: true,
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false } },
  },
});
