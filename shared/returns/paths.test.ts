import { describe, expect, it } from 'vitest';
import { fieldId, pathInSection, sectionAt, sectionWarnings, warningsFor } from './paths.js';

const warning = (path: string) => ({ path, kind: 'email', message: 'm' }) as unknown as Parameters<typeof sectionWarnings>[0][number];

describe('paths in a return', () => {
  it('when a path names a list item, its field id uses dashes', () => {
    expect(fieldId('risks[1].title')).toBe('risks-1-title');
    expect(fieldId('narrative')).toBe('narrative');
  });

  it('when a whole-return path is read, it becomes a path inside the section; the section itself means its narrative', () => {
    expect(pathInSection('sections[2].risks[0].title')).toBe('risks[0].title');
    expect(pathInSection('sections[2]')).toBe('narrative');
  });

  it('when a path points into a section, the section and its first field are found; otherwise nothing', () => {
    const view = { sections: [{ workstreamId: 'a' }, { workstreamId: 'b' }] };
    expect(sectionAt(view, 'sections[1].risks[0].title')).toEqual({ section: { workstreamId: 'b' }, field: 'risks' });
    expect(sectionAt(view, 'sections[1]')).toEqual({ section: { workstreamId: 'b' }, field: undefined });
    expect(sectionAt(view, 'sections[5].narrative')).toBeUndefined();
    expect(sectionAt(view, 'acknowledge')).toBeUndefined();
  });

  it("when warnings are read for a section or an answer, only theirs are kept, with the section's prefix taken off", () => {
    const all = [warning('sections[0].narrative'), warning('sections[1].risks[0].title'), warning('sections[1].riskscore')];
    const second = sectionWarnings(all, 1);
    expect(second.map((w) => w.path)).toEqual(['risks[0].title', 'riskscore']);
    expect(warningsFor(second, 'risks').map((w) => w.path)).toEqual(['risks[0].title']);
  });
});
