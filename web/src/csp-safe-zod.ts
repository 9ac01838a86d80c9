import { config } from 'zod';

/*
 * Zod compiles fast object parsers with `new Function`, and even its feature probe for that counts
 * as a CSP violation under `script-src 'self'` (reported, then swallowed). Jitless mode skips both.
 * Objects capture the setting when they are built, so this module must be imported before any
 * module that defines a schema: main.tsx imports it first.
 */
config({ jitless: true });

// If the shared label constants move to zod-free modules, zod leaves the main chunk for the lazy
// sign-in chunk: then import this file first in pages/sign-in.tsx instead of main.tsx.
