import { describe, expect, it } from 'vitest';
import { checkPersonalData } from './policy.js';

describe('checkPersonalData', () => {
  it('when a body is about staff by design, a definite identifier is still refused but possible personal data is not asked about', () => {
    const check = checkPersonalData({ name: '943 476 5919', note: 'Call 07700 900123' }, { identifiersOnly: true });
    expect(check.refused.map((w) => [w.path, w.kind])).toEqual([['name', 'nhs-number']]);
    expect(check.toConfirm).toEqual([]);
  });

  it('when a body is ordinary free text, the same phone number is asked about', () => {
    expect(checkPersonalData({ note: 'Call 07700 900123' }).toConfirm.map((w) => w.kind)).toEqual(['phone']);
  });
});
