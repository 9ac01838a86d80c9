import { describe, expect, it } from 'vitest';
import { notificationOf } from './events.js';

describe('notificationOf', () => {
  it('when a change tells someone, its kind is named; other changes tell nobody', () => {
    expect(notificationOf({ action: 'return.submit' })).toBe('return-submitted');
    expect(notificationOf({ action: 'return.return' })).toBe('return-returned');
    expect(notificationOf({ action: 'threshold.issue' })).toBe('threshold-issued');
    expect(notificationOf({ action: 'kinship.publish' })).toBeNull();
    expect(notificationOf({ action: 'user.invite' })).toBeNull();
  });

  it('when an assessment changes, only one that had been challenged answers the challenge', () => {
    expect(notificationOf({ action: 'readiness.assess', changes: { validation: { from: 'challenged', to: null } } })).toBe('readiness-answered');
    expect(notificationOf({ action: 'readiness.assess', changes: { validation: { from: 'confirmed', to: null } } })).toBeNull();
    expect(notificationOf({ action: 'readiness.assess', changes: {} })).toBeNull();
  });
});
