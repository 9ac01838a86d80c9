import { describe, expect, it } from 'vitest';
import { indicatorsStillNeeded, submitStop } from './submit-check.js';

const complete = { workstreamId: 'kinship', confidence: 'green', narrative: 'Fine', risks: [], escalations: [] };
const name = (id: string) => (id === 'kinship' ? 'Kinship' : id);

describe('what stops a return being submitted', () => {
  it('when a section is incomplete, that comes first, with the path of the field to fix', () => {
    const stop = submitStop({ sections: [{ ...complete, narrative: '' }], warnings: [] }, name, false);
    expect(stop?.title).toBe('Your return is not complete yet');
    expect(stop?.errors.map((e) => e.path)).toEqual(['sections[0].narrative']);
  });

  it('when the server counts a section in progress for its outcome indicators alone, the submitter is sent to enter them', () => {
    const stop = submitStop({ sections: [{ ...complete, progress: 'in-progress' }], warnings: [] }, name, false);
    expect(stop).toEqual({
      title: 'Your return is not complete yet',
      errors: [{ path: 'sections[0].indicators', message: 'Enter a value for each outcome indicator in Kinship, or say why there is none this quarter' }],
    });
    expect(submitStop({ sections: [{ ...complete, progress: 'completed' }], warnings: [] }, name, false)).toBeNull();
  });

  it('when a section is in progress for last quarter’s narrative, that does not stop the return (submission allows it)', () => {
    expect(submitStop({ sections: [{ ...complete, carriedForward: true, progress: 'in-progress' }], warnings: [] }, name, false)).toBeNull();
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

describe('a section that still needs its outcome indicators', () => {
  it('when the server says in progress and nothing else is missing, it is the indicators; otherwise it is not', () => {
    expect(indicatorsStillNeeded({ ...complete, progress: 'in-progress' })).toBe(true);
    expect(indicatorsStillNeeded({ ...complete, progress: 'completed' })).toBe(false);
    expect(indicatorsStillNeeded({ ...complete })).toBe(false);
    expect(indicatorsStillNeeded({ ...complete, narrative: '', progress: 'in-progress' })).toBe(false);
    expect(indicatorsStillNeeded({ ...complete, carriedForward: true, progress: 'in-progress' })).toBe(false);
  });
});
