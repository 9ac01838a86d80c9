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

  it('when the server says which indicators are due, the submitter is sent to each one missing, with the server’s own words and paths', () => {
    const sections = [
      { ...complete, workstreamId: 'other', indicatorsDue: [], progress: 'completed' as const },
      {
        ...complete,
        progress: 'in-progress' as const,
        indicatorsDue: [
          { id: 'in-care', name: 'Children in care' },
          { id: 'leavers', name: 'Care leavers' },
          { id: 'sgo', name: 'Special guardianship orders' },
        ],
        indicators: [
          { indicatorId: 'sgo', value: 12, belowThreshold: false, note: '', confirmed: false },
          { indicatorId: 'leavers', value: null, belowThreshold: false, note: '', confirmed: false },
        ],
      },
    ];
    expect(submitStop({ sections, warnings: [] }, name, false)).toEqual({
      title: 'Your return is not complete yet',
      errors: [
        { path: 'sections[1].indicators', message: 'Enter a value for "Children in care", or say why there is none this quarter' },
        { path: 'sections[1].indicators[1].note', message: 'Say why there is no value for "Care leavers" this quarter, or enter the value' },
      ],
    });
  });

  it('when the server says which indicators are due, a carried-forward section missing one stops the return too', () => {
    const section = { ...complete, carriedForward: true, progress: 'in-progress' as const, indicatorsDue: [{ id: 'in-care', name: 'Children in care' }] };
    expect(submitStop({ sections: [section], warnings: [] }, name, false)?.errors).toEqual([
      { path: 'sections[0].indicators', message: 'Enter a value for "Children in care", or say why there is none this quarter' },
    ]);
    const answered = { ...section, indicators: [{ indicatorId: 'in-care', value: null, belowThreshold: true, note: '', confirmed: false }] };
    expect(submitStop({ sections: [answered], warnings: [] }, name, false)).toBeNull();
  });

  it('when the server says no indicators are due, a section in progress for last quarter’s narrative does not stop the return', () => {
    expect(submitStop({ sections: [{ ...complete, carriedForward: true, progress: 'in-progress', indicatorsDue: [] }], warnings: [] }, name, false)).toBeNull();
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
  const due = [{ id: 'in-care', name: 'Children in care' }];
  const value = (v: Partial<{ value: number | null; belowThreshold: boolean; note: string }>) => [
    { indicatorId: 'in-care', value: null, belowThreshold: false, note: '', confirmed: false, ...v },
  ];

  it('when the server says which are due, each one without a value, "fewer than N" or a note is needed, whatever the progress says', () => {
    expect(indicatorsStillNeeded({ ...complete, progress: 'completed', indicatorsDue: due }, 2)).toEqual([
      { path: 'sections[2].indicators', message: 'Enter a value for "Children in care", or say why there is none this quarter' },
    ]);
    expect(indicatorsStillNeeded({ ...complete, indicatorsDue: due, indicators: value({}) }, 2)).toEqual([
      { path: 'sections[2].indicators[0].note', message: 'Say why there is no value for "Children in care" this quarter, or enter the value' },
    ]);
    expect(indicatorsStillNeeded({ ...complete, indicatorsDue: due, indicators: value({ value: 548 }) })).toEqual([]);
    expect(indicatorsStillNeeded({ ...complete, indicatorsDue: due, indicators: value({ belowThreshold: true }) })).toEqual([]);
    expect(indicatorsStillNeeded({ ...complete, indicatorsDue: due, indicators: value({ note: 'Not published yet' }) })).toEqual([]);
    expect(indicatorsStillNeeded({ ...complete, carriedForward: true, progress: 'in-progress', indicatorsDue: due }).map((e) => e.path)).toEqual(['sections[0].indicators']);
    expect(indicatorsStillNeeded({ ...complete, progress: 'in-progress', indicatorsDue: [] })).toEqual([]);
  });

  it('when the server does not say which are due (an older answer), in progress with nothing else missing is taken to be the indicators; otherwise it is not', () => {
    expect(indicatorsStillNeeded({ ...complete, progress: 'in-progress' }, 1, 'Kinship')).toEqual([
      { path: 'sections[1].indicators', message: 'Enter a value for each outcome indicator in Kinship, or say why there is none this quarter' },
    ]);
    expect(indicatorsStillNeeded({ ...complete, progress: 'completed' })).toEqual([]);
    expect(indicatorsStillNeeded({ ...complete })).toEqual([]);
    expect(indicatorsStillNeeded({ ...complete, narrative: '', progress: 'in-progress' })).toEqual([]);
    expect(indicatorsStillNeeded({ ...complete, carriedForward: true, progress: 'in-progress' })).toEqual([]);
  });
});
