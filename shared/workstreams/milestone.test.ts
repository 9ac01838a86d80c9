import { describe, expect, it } from 'vitest';
import { milestoneOverdue, slugify } from './milestone.js';

describe('milestones', () => {
  it('when a milestone is past its due date, it is overdue unless complete or closed', () => {
    const m = { dueDate: '2026-10-01', status: 'on-track' as const };
    expect(milestoneOverdue(m, '2026-10-02')).toBe(true);
    expect(milestoneOverdue(m, '2026-10-01')).toBe(false);
    expect(milestoneOverdue({ ...m, status: 'complete' }, '2026-12-01')).toBe(false);
    expect(milestoneOverdue({ ...m, closed: true }, '2026-12-01')).toBe(false);
  });

  it('when a title is made into an id, it is a lower-case slug', () => {
    expect(slugify('Kinship Local Offer published')).toBe('kinship-local-offer-published');
  });
});
