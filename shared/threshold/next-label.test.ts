import { describe, expect, it } from 'vitest';
import { nextVersionLabels } from './next-label.js';

describe('the label that follows the current version', () => {
  it('when the current label is v3.0, a revision is v3.1 and a major version v4.0', () => {
    expect(nextVersionLabels('v3.0')).toEqual({ revision: 'v3.1', major: 'v4.0' });
    expect(nextVersionLabels(' V4.9 ')).toEqual({ revision: 'V4.10', major: 'V5.0' });
    expect(nextVersionLabels('2')).toEqual({ revision: '2.1', major: '3' });
    expect(nextVersionLabels('Edition 7')).toEqual({ revision: 'Edition 7.1', major: 'Edition 8' });
  });

  it('when a suggestion has been issued already (even spelt differently), the next free one is suggested', () => {
    expect(nextVersionLabels('v3.0', ['v3.0', 'v3.1', 'V3-2', 'v4.0'])).toEqual({ revision: 'v3.3', major: 'v5.0' });
  });

  it('when the label has no number at the end, there is no suggestion', () => {
    expect(nextVersionLabels('draft')).toBeNull();
    expect(nextVersionLabels('v3.0-rc')).toBeNull();
    expect(nextVersionLabels('')).toBeNull();
  });
});
