import { describe, expect, it } from 'vitest';
import { screenshot, useBrowserPortal } from './harness.js';

/*
 * The API reference for partners' IT teams, in headless Chromium against the real server with its
 * Content-Security-Policy enforced: its assets come from the portal itself, so the page must
 * render the operations without a single CSP violation or page error (closeTab checks both).
 */

const b = useBrowserPortal();

describe('API reference page', () => {
  it('when someone opens /api/docs, it renders the operations from the generated document with no CSP violation', async () => {
    const tab = await b.newTab();
    const { page } = tab;
    const res = await page.goto(b.at('/api/docs'));
    expect(res?.status()).toBe(200);
    expect(res?.headers()['content-security-policy']).toContain("default-src 'self'");
    // Operations render under their tags, named by their summaries.
    await page.locator('.opblock').first().waitFor();
    await expect.poll(() => page.locator('.opblock').count()).toBeGreaterThanOrEqual(49);
    await expect
      .poll(() => page.locator('.opblock-tag').allInnerTexts())
      .toEqual(expect.arrayContaining([expect.stringContaining('Returns'), expect.stringContaining('Kinship offer')]));
    await expect.poll(() => page.getByText("Save the agency's draft (whole sections); If-Match once it exists").count()).toBeGreaterThan(0);
    // Nothing was fetched from anywhere but the portal.
    const origins = await page.evaluate(() => [...new Set(performance.getEntriesByType('resource').map((e) => new URL(e.name).origin))]);
    expect(origins).toEqual([new URL(b.url()).origin]);
    await screenshot(page, 'api-docs');
    await b.closeTab(tab);
  });
});
