import { defineConfig } from 'vitest/config';

/**
 * One run for every layer: pure unit tests beside the code, API and Lambda suites on DynamoDB
 * Local (started once by the global setup; each file makes its own tables), the CDK template and
 * the browser suite in headless Chromium.
 */
export default defineConfig({
  test: {
    environment: 'node',
    include: ['shared/**/*.test.ts', 'functions/**/*.test.ts', 'web/src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**', 'cdk.out/**'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 30_000,
    // Browser checks poll for what the page shows; give them as long as a Playwright locator waits.
    expect: { poll: { timeout: 10_000, interval: 100 } },
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
    env: { LOG_LEVEL: 'silent', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  },
});
