import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectPersonalData, isValidNhsNumber, type Finding } from './detect.js';
import {
  dateOfBirthVariant,
  emailVariant,
  GENERATED_NOW,
  invalidNhsDigits,
  niVariant,
  nhsVariant,
  orderReferenceSentence,
  personNameVariant,
  phoneVariant,
  space,
  validNhsDigits,
  type Variant,
} from './generators.js';
import { PROGRAMME_SENTENCES, PROGRAMME_SENTENCES_NOW } from './programme-sentences.js';
import { formatReport, measureQuality } from './quality.js';

/** Fixed seeds: every run generates the same variants, so a failure is reproducible. */
const RUNS = { numRuns: 400 } as const;

const findings = (text: string, now = GENERATED_NOW): Finding[] => detectPersonalData(text, { now });

/** The variant's identifier is reported as its kind, and no other kind claims any part of it. */
function reportedAsItsKind(v: Variant): boolean {
  const overlapping = findings(v.text).filter((f) => f.start < v.end && v.start < f.end);
  return overlapping.length > 0 && overlapping.every((f) => f.kind === v.kind);
}

describe('generated identifiers in programme sentences', () => {
  it.each([
    ['NHS numbers (any separators, spacing, digit forms; any mix after a label)', nhsVariant, 101],
    ['National Insurance numbers (any case, separators, full-width)', niVariant, 202],
    ['email addresses (plain, full-width @, spaced, bracketed, spelled out)', emailVariant, 303],
    ['UK phone numbers (every common grouping, +44, 0044, brackets, Unicode spaces and dashes)', phoneVariant, 404],
    ['dates of birth (numeric, words, ordinals, short forms, month and year, next to a label)', dateOfBirthVariant, 505],
    ["a person's name next to an age or family role", personNameVariant, 606],
  ] as const)('when the text holds %s, each is found with the right kind', (_what, arbitrary, seed) => {
    fc.assert(
      fc.property(arbitrary, (v) => reportedAsItsKind(v)),
      { seed, ...RUNS },
    );
  });

  it("when a finding is reported, its offsets are exactly the identifier's span in the original text", () => {
    fc.assert(
      fc.property(fc.oneof(nhsVariant, niVariant, phoneVariant, emailVariant), (v) => {
        const f = findings(v.text).find((x) => x.kind === v.kind)!;
        return f.start === v.start && f.end === v.end;
      }),
      { seed: 707, ...RUNS },
    );
  });

  it('when an NHS number is written with a valid check digit, changing that digit stops it being an NHS number', () => {
    fc.assert(
      fc.property(validNhsDigits, fc.integer({ min: 1, max: 9 }), space, (digits, shift, sp) => {
        const wrong = `${digits.slice(0, 9)}${(Number(digits[9]) + shift) % 10}`;
        const text = `Reference ${wrong.slice(0, 3)}${sp}${wrong.slice(3, 6)}${sp}${wrong.slice(6)} was paid.`;
        return !isValidNhsNumber(wrong) && !findings(text).some((f) => f.kind === 'nhs-number');
      }),
      { seed: 808, ...RUNS },
    );
  });

  it('when ten-digit order or invoice numbers have a wrong check digit, none is reported as an NHS number', () => {
    fc.assert(
      fc.property(orderReferenceSentence, (text) => !findings(text).some((f) => f.kind === 'nhs-number')),
      { seed: 909, ...RUNS },
    );
  });

  it('when a valid NHS number is part of a longer number, it is not found', () => {
    fc.assert(
      fc.property(validNhsDigits, fc.integer({ min: 0, max: 9 }), fc.boolean(), (digits, extra, before) => {
        const text = `Ref ${before ? `${extra}${digits}` : `${digits}${extra}`} logged`;
        return !findings(text).some((f) => f.kind === 'nhs-number');
      }),
      { seed: 1001, ...RUNS },
    );
  });

  it('when invalid ten-digit strings are generated, the checksum rejects every one', () => {
    fc.assert(
      fc.property(invalidNhsDigits, (d) => !isValidNhsNumber(d)),
      { seed: 1102, ...RUNS },
    );
  });
});

describe('programme sentences', () => {
  it('when the table is counted, it holds at least 80 sentences', () => {
    expect(PROGRAMME_SENTENCES.length).toBeGreaterThanOrEqual(80);
  });

  it.each(PROGRAMME_SENTENCES.map((s) => [s]))('when the text is "%s", nothing is found', (sentence) => {
    expect(detectPersonalData(sentence, { now: PROGRAMME_SENTENCES_NOW }).map((f) => `${f.kind}:${sentence.slice(f.start, f.end)}`)).toEqual([]);
  });

  it('when programme sentences are run together into a paragraph, nothing is found', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PROGRAMME_SENTENCES), { minLength: 2, maxLength: 6 }), fc.constantFrom(' ', '\n', '\u00a0'), (sentences, joiner) => {
        return detectPersonalData(sentences.join(joiner), { now: PROGRAMME_SENTENCES_NOW }).length === 0;
      }),
      { seed: 1203, ...RUNS },
    );
  });
});

describe('quality report', () => {
  it('when the quality script measures a small sample, it reports full recall and no false positives', () => {
    const report = measureQuality({ variantsPerKind: 200, seed: 1304 });
    for (const [kind, r] of Object.entries(report.recall)) expect(r.found, `${kind}: ${r.misses.slice(0, 3).join(' | ')}`).toBe(r.total);
    expect(report.falsePositives).toEqual({ flagged: 0, total: PROGRAMME_SENTENCES.length, sentences: [] });
    expect(report.wrongCheckDigit.flagged).toBe(0);
    expect(formatReport(report)).toMatch(/^recall nhs-number 200\/200$/m);
    expect(formatReport(report)).toMatch(/^false positives 0\/\d+ programme sentences$/m);
  });
});
