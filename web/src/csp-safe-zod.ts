import { config } from 'zod/v4/core';

/*
 * Zod compiles fast object parsers with `new Function`, and even its feature probe for that counts
 * as a CSP violation under `script-src 'self'` (reported, then swallowed). Jitless mode skips both.
 * Objects capture the setting when they are built, so this module must be imported before any
 * module that defines a schema: main.tsx imports it first.
 */
config({ jitless: true });

// From zod's core only (the setting is one object every zod module shares): the schema library
// itself stays out of the first script and loads with the pages that build schemas.
