import { describe, expect, it } from 'vitest';
import { acceptsGzip } from './content-coding.js';

describe('acceptsGzip', () => {
  it.each([
    ['gzip, deflate, br, zstd', true],
    ['br;q=1.0, gzip;q=0.8', true],
    ['GZIP', true],
    ['*', true],
    ['identity', false],
    ['br', false],
    ['gzip;q=0', false],
    ['gzip;q=0, *', false],
    ['*;q=0', false],
    ['br, *;q=0.1', true],
    ['', false],
    [undefined, false],
  ])('when Accept-Encoding is %j, it answers %s', (header, expected) => {
    expect(acceptsGzip(header)).toBe(expected);
  });
});
