import { afterEach, describe, expect, it, vi } from 'vitest';

/**
 * Which partnership the page works in: the one its address names, else the one the tab last worked
 * in, else the deployment's own (asked of the server once). Each case loads the module afresh, as a
 * page load does.
 */
async function load(pathname: string, remembered: string | null, config: () => Promise<Response>) {
  vi.resetModules();
  const stored = new Map<string, string>(remembered ? [['portal.partnership', remembered]] : []);
  vi.stubGlobal('location', { pathname });
  vi.stubGlobal('sessionStorage', { getItem: (k: string) => stored.get(k) ?? null, setItem: (k: string, v: string) => stored.set(k, v) });
  const fetch = vi.fn(config);
  vi.stubGlobal('fetch', fetch);
  return { mod: await import('./partnership-address.js'), fetch, stored };
}
const configOf = (partnershipId: string) => () => Promise.resolve(new Response(JSON.stringify({ partnershipId }), { headers: { 'Content-Type': 'application/json' } }));

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the partnership a page works in', () => {
  it('when the address names a partnership, the calls go there, it is remembered for the tab, and the server is not asked', async () => {
    const { mod, fetch, stored } = await load('/p/kscmp/our-return', null, configOf('mscp'));
    expect(await mod.withPartnership('/api/p/~/returns?periodId=2026-27-Q3')).toBe('/api/p/kscmp/returns?periodId=2026-27-Q3');
    expect(await mod.withPartnership('/api/public/p/~/kinship-offer')).toBe('/api/public/p/kscmp/kinship-offer');
    expect(stored.get('portal.partnership')).toBe('kscmp');
    expect(fetch).not.toHaveBeenCalled();
  });

  it('when the address names none, the tab’s last partnership is used; with none, the deployment’s own, asked once', async () => {
    expect(await (await load('/our-return', 'kscmp', configOf('mscp'))).mod.currentPartnership()).toBe('kscmp');
    const { mod, fetch, stored } = await load('/our-return', null, configOf('mscp'));
    expect(await mod.withPartnership('/api/p/~/me')).toBe('/api/p/mscp/me');
    expect(await mod.withPartnership('/api/p/~/partnership')).toBe('/api/p/mscp/partnership');
    expect(fetch).toHaveBeenCalledTimes(1);
    // Remembered for the tab: the next page load need not ask.
    expect(stored.get('portal.partnership')).toBe('mscp');
  });

  it('when the server cannot say, the call fails and the next one asks again; other addresses pass through untouched', async () => {
    let up = false;
    const { mod, fetch } = await load('/', null, () => (up ? configOf('mscp')() : Promise.reject(new TypeError('offline'))));
    await expect(mod.withPartnership('/api/p/~/me')).rejects.toThrow('offline');
    up = true;
    expect(await mod.withPartnership('/api/p/~/me')).toBe('/api/p/mscp/me');
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(await mod.withPartnership('/api/auth/login')).toBe('/api/auth/login');
    expect(await mod.withPartnership('/api/p/~nope/me')).toBe('/api/p/~nope/me');
  });
});
