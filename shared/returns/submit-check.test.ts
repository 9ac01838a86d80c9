import { describe, expect, it } from 'vitest';
import { submitStop } from './submit-check.js';

const complete = { workstreamId: 'kinship', confidence: 'green', narrative: 'Fine', risks: [], escalations: [] };
const name = (id: string) => (id === 'kinship' ? 'Kinship' : id);

describe('what stops a return being submitted', () => {
  it('when a section is incomplete, that comes first, with the path of the field to fix', () => {
    const stop = submitStop({ sections: [{ ...complete, narrative: '' }], warnings: [] }, name, false);
    expect(stop?.title).toBe('Your return is not complete yet');
    expect(stop?.errors.map((e) => e.path)).toEqual(['sections[0].narrative']);
  });

  it('when an answer holds an NHS number, it must go, whatever the submitter confirms', () => {
    const stop = submitStop({ sections: [complete], warnings: [{ path: 'sections[0].narrative', kind: 'nhs-number', message: 'Looks like an NHS number' }] }, name, true);
    expect(stop).toEqual({ title: 'Remove the personal details before you submit', errors: [{ path: 'sections[0].narrative', message: 'Kinship: Looks like an NHS number' }] });
  });

  it('when answers only may hold personal details, the submitter confirms them; then nothing stops it', () => {
    const view = { sections: [complete], warnings: [{ path: 'sections[0].narrative', kind: 'postcode' as const, message: 'A postcode' }] };
    expect(submitStop(view, name, false)?.errors).toEqual([
      { path: 'acknowledge', message: 'Check the answers that may contain personal details, then confirm they are not personal details' },
    ]);
    expect(submitStop(view, name, true)).toBeNull();
  });
});
