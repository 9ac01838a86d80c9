import { describe, expect, it } from 'vitest';
import { pageOfPath, partnershipApiPath, partnershipOfPath, partnershipPath, partnershipUrl, publicApiPath } from './paths.js';

describe('partnership addresses', () => {
  it('when a partnership is named, its pages, API and public API live under its id', () => {
    expect(partnershipPath('mscp')).toBe('/p/mscp');
    expect(partnershipApiPath('mscp')).toBe('/api/p/mscp');
    expect(publicApiPath('kscmp')).toBe('/api/public/p/kscmp');
    expect(partnershipUrl('https://portal.example/', 'mscp')).toBe('https://portal.example/p/mscp');
  });

  it.each([
    ['/p/mscp/returns/2026-27-Q3', 'mscp'],
    ['/p/kscmp', 'kscmp'],
    ['/p/kscmp/', 'kscmp'],
    ['/returns', null],
    ['/p/', null],
    ['/p/Not-A-Slug/returns', null],
    ['/pages/mscp', null],
  ])('when the address is %s, it names %s', (path, pid) => {
    expect(partnershipOfPath(path)).toBe(pid);
  });

  it.each([
    ['/p/mscp/returns/2026-27-Q3', '/returns/2026-27-Q3'],
    ['/p/kscmp', '/'],
    ['/p/kscmp/', '/'],
    ['/returns', '/returns'],
    ['/p/Not-A-Slug/returns', '/p/Not-A-Slug/returns'],
  ])('when the address is %s, the page is %s', (path, page) => {
    expect(pageOfPath(path)).toBe(page);
  });
});
