import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Slug } from '../partnership/schema.js';
import { isPlatformPage } from './paths.js';
import { makesSlug, slugOf } from './slug.js';

describe('slugOf', () => {
  it.each([
    ['TSCP', 'tscp'],
    ['Thameside Council', 'thameside-council'],
    ['NHS Thameside & Riverside ICB', 'nhs-thameside-and-riverside-icb'],
    ['  Ōxford  Schools’ trust ', 'oxford-schools-trust'],
    ['St. Mary’s — Voluntary (Action)', 'st-marys-voluntary-action'],
    ['!!!', ''],
  ])('when the text is %j, it is %j', (text, slug) => {
    expect(slugOf(text)).toBe(slug);
  });

  it('when any text is given, the id is empty or a valid slug', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const slug = slugOf(text);
        expect(slug === '' || slug.length < 2 || Slug.safeParse(slug).success).toBe(true);
        expect(slug.length).toBeLessThanOrEqual(64);
      }),
    );
  });

  it('when a name is one letter or none, it makes no usable id', () => {
    expect(makesSlug('A')).toBe(false);
    expect(makesSlug('—')).toBe(false);
    expect(makesSlug('Kent Police')).toBe(true);
  });
});

describe('isPlatformPage', () => {
  it.each([
    ['/platform', true],
    ['/platform/new', true],
    ['/platform/created/tscp', true],
    ['/platforms', false],
    ['/p/mscp/platform', false],
    ['/', false],
  ])('when the address is %s, it is %s', (path, yes) => {
    expect(isPlatformPage(path)).toBe(yes);
  });
});
