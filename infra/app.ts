/**
 * CDK entry (`cdk.json`: `npx tsx infra/app.ts`). `npx cdk synth` works offline: the stacks are
 * environment-agnostic apart from the region and make no lookups. See `portal-app.ts`.
 */
import { createPortalApp } from './portal-app.js';

createPortalApp().app.synth();
