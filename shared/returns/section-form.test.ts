import { describe, expect, it } from 'vitest';
import type { ReturnSectionView } from './schema.js';
import { emptyRisk, formFromSection, formPath, riskLines, sectionFromForm, sentIndicatorRows, snapshotForm } from './section-form.js';

const saved: ReturnSectionView = {
  workstreamId: 'kinship',
  confidence: 'amber',
  narrative: 'Recruiting.',
  milestones: [{ milestoneId: 'm1', status: 'at-risk', note: 'Late' }],
  risks: [{ title: 'Staffing', description: '', likelihood: 'B', impact: 'II', mitigation: 'Agency staff', owner: 'Head of service' }],
  escalations: [{ summary: 'Funding' }],
  metrics: [{ name: 'Carers', value: 1200 }],
  indicators: [],
};

describe('section form values', () => {
  it('when a section is saved, the form holds its answers as text, with a row for every open milestone', () => {
    const f = formFromSection(saved, [
      { id: 'm1', status: 'on-track' },
      { id: 'm2', status: 'not-started' },
    ]);
    expect(f.confidence).toBe('amber');
    expect(f.milestones).toEqual([
      { milestoneId: 'm1', status: 'at-risk', note: 'Late' },
      { milestoneId: 'm2', status: 'not-started', note: '' },
    ]);
    expect(f.metrics).toEqual([{ name: 'Carers', value: '1200' }]);
  });

  it('when nothing is saved yet, the form is empty and confidence is not chosen', () => {
    const f = formFromSection(undefined, []);
    expect(f).toEqual({ confidence: '', narrative: '', milestones: [], risks: [], escalations: [], metrics: [], indicators: [] });
  });

  it('when the form goes back to the API, numbers lose their commas, a blank or bad number is NaN (so it is reported), and no confidence is null', () => {
    const f = {
      ...formFromSection(saved, []),
      confidence: '',
      metrics: [
        { name: 'a', value: '1,234' },
        { name: 'b', value: ' ' },
        { name: 'c', value: 'lots' },
        { name: 'd', value: '1,5' },
        { name: 'e', value: '0x1A' },
        { name: 'f', value: '1e3' },
        { name: 'g', value: '-2.5' },
      ],
    };
    const s = sectionFromForm('kinship', f);
    expect(s.confidence).toBeNull();
    expect(s.metrics.map((m) => m.value)).toEqual([1234, Number.NaN, Number.NaN, Number.NaN, Number.NaN, Number.NaN, -2.5]);
  });

  it('when indicator values go back to the API, they are read as the other number fields are: empty is null, "1,5", hex or an exponent is NaN', () => {
    const f = formFromSection(saved, [], ['a', 'b', 'c', 'd', 'e', 'f']);
    const typed = ['', '1,5', '0x1A', '1e3', '92.5%', '£1,234.50'];
    f.indicators.forEach((row, k) => {
      row.value = typed[k]!;
      row.note = 'Why';
    });
    expect(sectionFromForm('kinship', f).indicators.map((i) => i.value)).toEqual([null, Number.NaN, Number.NaN, Number.NaN, 92.5, 1234.5]);
  });

  it('when a snapshot is taken, later changes to the form do not reach it', () => {
    const f = formFromSection(saved, []);
    const copy = snapshotForm(f);
    f.risks.push(emptyRisk());
    expect(copy.risks).toHaveLength(1);
  });

  it('when a risk is shown as typed, blank parts are left out', () => {
    expect(riskLines({ ...emptyRisk(), title: 'Staffing', likelihood: 'B', impact: 'II', owner: 'Head of service' })).toBe('Staffing\nBII\nOwner: Head of service');
  });

  it('when indicator rows are left empty, they are not sent, and an error on a row sent points at its row in the form', () => {
    const f = formFromSection(
      { ...saved, indicators: [{ indicatorId: 'in-care', value: 548, belowThreshold: false, note: '', confirmed: true }] },
      [],
      ['leavers', 'in-care', 'sgo'],
    );
    expect(f.indicators.map((i) => [i.indicatorId, i.value, i.confirmed])).toEqual([
      ['leavers', '', false],
      ['in-care', '548', true],
      ['sgo', '', false],
    ]);
    f.indicators[2]!.value = '£1,200';
    const sent = sectionFromForm('kinship', f).indicators;
    expect(sent.map((i) => [i.indicatorId, i.value])).toEqual([
      ['in-care', 548],
      ['sgo', 1200],
    ]);
    const rows = sentIndicatorRows(f);
    expect(rows).toEqual([1, 2]);
    expect(formPath('indicators[1].value', rows)).toBe('indicators[2].value');
    expect(formPath('indicators[0].indicatorId', rows)).toBe('indicators[1].value');
    expect(formPath('indicators[0].belowThreshold', rows)).toBe('indicators[1].belowThreshold');
    expect(formPath('risks[0].title', rows)).toBe('risks[0].title');
    expect(formPath('indicators', rows)).toBe('indicators');
  });
});
