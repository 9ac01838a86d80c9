import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatDoneBy, personName } from './format.js';

describe('display formats', () => {
  it('writes dates and times the UK way', () => {
    expect(formatDate('2026-04-01')).toBe('1 April 2026');
    expect(formatDate(null)).toBe('');
    // 14:45 UTC is 3:45pm in British Summer Time.
    expect(formatDateTime('2026-04-01T14:45:00Z')).toBe('1 April 2026 at 3:45pm');
    expect(formatDateTime('2026-11-21T17:00:00Z', ', ')).toBe('21 November 2026, 5pm');
    expect(formatDateTime('2026-11-21T12:00:00Z')).toBe('21 November 2026 at midday');
    expect(formatDateTime('2026-11-21T00:00:00Z')).toBe('21 November 2026 at midnight');
    expect(formatDoneBy('2026-04-01T14:45:00Z', 'Jo Bloggs')).toBe('1 April 2026 at 3:45pm by Jo Bloggs');
  });

  it('names a person by name, then email, then the fallback', () => {
    expect(personName({ name: 'Sam Lead', email: 'lead@mscp.example' })).toBe('Sam Lead');
    expect(personName({ name: ' ', email: 'lead@mscp.example' })).toBe('lead@mscp.example');
    expect(personName(null)).toBe('System');
    expect(personName(undefined, 'Someone')).toBe('Someone');
  });
});
