import { describe, expect, it } from 'vitest';
import {
  BARE_DATE_AGE_WINDOW,
  BLOCKING_KINDS,
  blockingWarnings,
  detectPersonalData,
  isBlocking,
  isIdentifierKey,
  isValidNhsNumber,
  MAX_SCAN_LENGTH,
  needsAcknowledgement,
  PII_KINDS,
  PII_MESSAGES,
  scanFields,
  type PiiKind,
} from './detect.js';

const NOW = '2026-11-22';
/** The kinds found in a text, with the matched text, e.g. ["phone:07700 900123"]. */
const found = (text: string, now = NOW) => detectPersonalData(text, { now }).map((f) => `${f.kind}:${text.slice(f.start, f.end)}`);
const kinds = (text: string, now = NOW) => detectPersonalData(text, { now }).map((f) => f.kind);

/** Small seeded generator so property tests are repeatable. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function checkDigit(nine: string): number {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(nine[i]) * (10 - i);
  const c = 11 - (sum % 11);
  return c === 11 ? 0 : c;
}

/** Random NHS numbers with a valid check digit (skipping the nine-digit stems whose check is 10). */
function validNhsNumbers(count: number, seed: number): string[] {
  const next = rng(seed);
  const out: string[] = [];
  while (out.length < count) {
    const nine = Array.from({ length: 9 }, () => Math.floor(next() * 10)).join('');
    const c = checkDigit(nine);
    if (c === 10 || /^(\d)\1{8}$/.test(nine)) continue;
    out.push(`${nine}${c}`);
  }
  return out;
}

const spaced = (d: string) => `${d.slice(0, 3)} ${d.slice(3, 6)} ${d.slice(6)}`;
const hyphenated = (d: string) => `${d.slice(0, 3)}-${d.slice(3, 6)}-${d.slice(6)}`;

describe('NHS numbers', () => {
  it('when the check digit is valid, it is found in every accepted layout', () => {
    expect(found('Case reference 943 476 5919 was discussed.')).toEqual(['nhs-number:943 476 5919']);
    expect(found('NHS no. 9434765919')).toEqual(['nhs-number:9434765919']);
    expect(found('(943-476-5919)')).toEqual(['nhs-number:943-476-5919']);
  });

  it('when the check digit is wrong, it is not reported as an NHS number', () => {
    expect(kinds('943 476 5918')).toEqual([]);
    expect(isValidNhsNumber('9434765918')).toBe(false);
    expect(isValidNhsNumber('9434765919')).toBe(true);
  });

  it('when the check digit would have to be 10, no number with that stem is valid', () => {
    // 123456789: sum 10*1+9*2+...+2*9 = 210, 210 % 11 = 1, 11 - 1 = 10.
    for (let d = 0; d <= 9; d++) expect(isValidNhsNumber(`123456789${d}`)).toBe(false);
  });

  it('when a remainder of 0 gives a check of 11, the check digit is 0', () => {
    const stem = validNhsNumbers(2000, 7).find((n) => n.endsWith('0'));
    expect(stem).toBeDefined();
    expect(kinds(spaced(stem!))).toEqual(['nhs-number']);
  });

  it('when the digits are one repeated digit, it is treated as a placeholder and ignored', () => {
    expect(isValidNhsNumber('1111111111')).toBe(false);
    expect(kinds('0000000000')).toEqual([]);
  });

  it('when the separators are mixed or the number is part of something longer, it is not found', () => {
    expect(kinds('943 476-5919')).toEqual([]);
    expect(kinds('19434765919')).toEqual([]);
    expect(kinds('94347659190')).toEqual([]);
    expect(kinds('ref AB9434765919')).toEqual([]);
    expect(kinds('0.9434765919')).toEqual([]);
  });

  it('when random valid NHS numbers are written in any layout inside a sentence, every one is found', () => {
    for (const n of validNhsNumbers(500, 42)) {
      for (const layout of [n, spaced(n), hyphenated(n)]) {
        expect(kinds(`The child (${layout}) was discussed.`), layout).toEqual(['nhs-number']);
      }
    }
  });

  it('when the check digit of a valid number is changed to any other digit, it is no longer found as an NHS number', () => {
    for (const n of validNhsNumbers(300, 99)) {
      const good = Number(n[9]);
      for (let d = 0; d <= 9; d++) {
        if (d === good) continue;
        const bad = `${n.slice(0, 9)}${d}`;
        expect(isValidNhsNumber(bad), bad).toBe(false);
        expect(kinds(spaced(bad)), bad).not.toContain('nhs-number');
      }
    }
  });
});

describe('National Insurance numbers', () => {
  it.each(['AB123456C', 'AB 12 34 56 C', 'ab123456d', 'JG 103759 A', 'ce123456a'])('when the text holds %s, it is found', (ni) => {
    expect(kinds(`NI ${ni} recorded`)).toEqual(['ni-number']);
  });

  it.each([
    ['a prefix starting with D', 'DA123456A'],
    ['a prefix starting with Q (the QQ 12 34 56 C specimen)', 'QQ123456C'],
    ['a second letter O', 'AO123456A'],
    ['a second letter V', 'AV123456A'],
    ['the unallocated prefix BG', 'BG123456A'],
    ['the unallocated prefix GB', 'GB123456A'],
    ['the unallocated prefix NK', 'NK123456A'],
    ['the unallocated prefix TN', 'TN123456A'],
    ['the unallocated prefix ZZ', 'ZZ123456A'],
    ['a suffix E', 'AB123456E'],
    ['five digits', 'AB12345C'],
  ])('when the number has %s, it is not found', (_why, ni) => {
    expect(kinds(ni)).toEqual([]);
  });

  it('when the pattern is inside a longer word, it is not found', () => {
    expect(kinds('XAB123456C')).toEqual([]);
    expect(kinds('AB123456CD')).toEqual([]);
  });
});

describe('postcodes', () => {
  it.each(['ME4 4TR', 'SW1A 1AA', 'sw1a1aa', 'M1 1AE', 'B33 8TH', 'CR2 6XH', 'DN55 1PT', 'W1A 0AX', 'EC1A 1BB', 'me44tr'])(
    'when the text holds the postcode %s, it is found',
    (pc) => {
      expect(found(`Office at ${pc}, Chatham`)).toEqual([`postcode:${pc}`]);
    },
  );

  it.each([
    'Q3',
    'the risk is rated BII',
    'version v3.0 of the document',
    'period 2026-27-Q3',
    'workstream family-help and care-leavers',
    'KS4 5th form and KS2 2nd year',
    'Year 11 pupils',
    'M25',
    'ME4 4',
    'QE1 1AA',
  ])('when the text is "%s", no postcode is found', (text) => {
    expect(kinds(text)).toEqual([]);
  });
});

describe('dates of birth', () => {
  it.each([
    'DOB: 12/03/2015',
    'D.O.B. 12-03-2015',
    'dob 3.4.15',
    'born on 3 March 2015',
    'born 12th March 2015',
    'date of birth is March 12, 2015',
    'birth date 2015-03-12',
    '12/03/2015 (DOB)',
    'date of birth: 1/1/1970',
  ])('when "%s" names a date of birth, it is found whatever the year', (text) => {
    expect(kinds(text)).toEqual(['date-of-birth']);
  });

  it('when a bare numeric date falls between 1 and 25 years ago, it is found as a possible date of birth', () => {
    expect(found('the young person, 12/03/2015, lives')).toEqual(['date-of-birth:12/03/2015']);
    expect(kinds('15-06-2002')).toEqual(['date-of-birth']);
  });

  it('when a bare numeric date is a future due date, it is not found', () => {
    expect(kinds('Due by 31/03/2027')).toEqual([]);
  });

  it('when a bare numeric date is within the last year (a meeting or launch), it is not found', () => {
    expect(kinds('The board met on 12/05/2026 and on 22/11/2025')).toEqual([]);
    expect(BARE_DATE_AGE_WINDOW).toEqual({ minYears: 1, maxYears: 25 });
  });

  it('when a bare numeric date is more than 25 years ago, it is not found', () => {
    expect(kinds('Children Act 1989, commenced 14/10/1991')).toEqual([]);
  });

  it('when a date is written in words without a date-of-birth label, it is not found', () => {
    expect(kinds('The revised threshold document launched on 1 April 2026.')).toEqual([]);
    expect(kinds('Published 12 March 2015 by DfE')).toEqual([]);
  });

  it('when a bare date has a two-digit year, it is not found without a label', () => {
    expect(kinds('met 12/03/15')).toEqual([]);
  });

  it('when a labelled "date" is not a real calendar date, it is not found', () => {
    expect(kinds('DOB 31/02/2015')).toEqual([]);
    expect(kinds('DOB 12/13/2015')).toEqual([]);
  });

  it('when the date of "now" changes, the bare-date window moves with it', () => {
    expect(kinds('12/03/2015', '2026-11-22')).toEqual(['date-of-birth']);
    expect(kinds('12/03/2015', '2045-01-01')).toEqual([]);
    expect(kinds('12/03/2015', '2015-06-01')).toEqual([]);
  });
});

describe('email addresses', () => {
  it('when the text holds an address, it is found', () => {
    expect(found('Queries to virtual.school@medway.example please.')).toEqual(['email:virtual.school@medway.example']);
    expect(found('j.smith+mscp@nhs.net.')).toEqual(['email:j.smith+mscp@nhs.net']);
  });

  it('when an "@" is not part of an address, nothing is found', () => {
    expect(kinds('meet @ 10am, a@b, @medway')).toEqual([]);
  });
});

describe('phone numbers', () => {
  it.each([
    ['07700 900123', '07700 900123'],
    ['07700900123', '07700900123'],
    ['01634 306000', '01634 306000'],
    ['(01634) 306000', '(01634) 306000'],
    ['020 7946 0000', '020 7946 0000'],
    ['0300 123 1234', '0300 123 1234'],
    ['+44 7700 900123', '+44 7700 900123'],
    ['+44 (0)20 7946 0000', '+44 (0)20 7946 0000'],
    ['+447700900123', '+447700900123'],
  ])('when the text holds %s, it is found', (text, match) => {
    expect(found(`Call ${text} today.`)).toEqual([`phone:${match}`]);
  });

  it('when a phone number sits among other figures, only the number is reported', () => {
    expect(found('In 2025 07700 900123 was used 2 times')).toEqual(['phone:07700 900123']);
  });

  it.each([
    'Children in care 539 (Dec 2025, 458 in 2023)',
    'Budget 2025/26 £76.9m, overspend about £2.7m',
    'PEP return 95%; care leavers in suitable accommodation 92%',
    'Childline 0800 1111',
    'Freephone 0800 123 4567',
    'Period 2026-27-Q3, due 31/03/2027',
    '12345678901',
    'reference 0123',
  ])('when the text is "%s", no phone number is found', (text) => {
    expect(kinds(text)).toEqual([]);
  });

  it('when ten digits are a valid NHS number, they are reported only as an NHS number', () => {
    // 01634 76918 is both a plausible 10-digit landline and a valid NHS number.
    expect(isValidNhsNumber('0163476918')).toBe(true);
    expect(kinds('0163476918')).toEqual(['nhs-number']);
  });
});

describe('detectPersonalData', () => {
  it('when the text holds several kinds, they are reported in order of position with their messages', () => {
    const text = 'Email a.b@c.org, phone 07700 900123, NHS 943 476 5919, NI AB123456C, at ME4 4TR, DOB 1/2/2014';
    const fs = detectPersonalData(text, { now: NOW });
    expect(fs.map((f) => f.kind)).toEqual(['email', 'phone', 'nhs-number', 'ni-number', 'postcode', 'date-of-birth']);
    for (const f of fs) expect(f.message).toBe(PII_MESSAGES[f.kind]);
  });

  it('when only some kinds are asked for, the others are not reported', () => {
    expect(detectPersonalData('a.b@c.org 07700 900123', { now: NOW, kinds: ['phone'] }).map((f) => f.kind)).toEqual(['phone']);
  });

  it('when the text is empty or has no digits and no "@", nothing is found', () => {
    expect(detectPersonalData('')).toEqual([]);
    expect(detectPersonalData('Family Help and Early Intervention is on track.')).toEqual([]);
  });

  it('when the text is longer than the cap, what lies beyond the cap is not scanned', () => {
    const text = `${'x'.repeat(MAX_SCAN_LENGTH)} 943 476 5919`;
    expect(detectPersonalData(text)).toEqual([]);
  });

  it('when the text is hostile (long runs that nearly match), it is scanned quickly', () => {
    const hostile = ['1'.repeat(MAX_SCAN_LENGTH), '0 '.repeat(MAX_SCAN_LENGTH / 2), `${'a'.repeat(MAX_SCAN_LENGTH - 1)}@`, 'a.'.repeat(MAX_SCAN_LENGTH / 2), 'DOB '.repeat(MAX_SCAN_LENGTH / 4), 'A1'.repeat(MAX_SCAN_LENGTH / 2)];
    const started = performance.now();
    for (const text of hostile) detectPersonalData(text, { now: NOW });
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('when a text is full of findings, it reports at most 50', () => {
    expect(detectPersonalData('07700 900123 '.repeat(200), { now: NOW })).toHaveLength(50);
  });

  it('when every kind has a message, each tells the person what to do', () => {
    for (const kind of PII_KINDS) expect(PII_MESSAGES[kind]).toMatch(/remove it/);
  });
});

describe('scanFields', () => {
  it('when a nested field holds personal data, the warning names its path', () => {
    const body = { sections: [{ workstreamId: 'family-help', narrative: 'Fine.' }, { workstreamId: 'kinship', narrative: 'NHS 943 476 5919', risks: [{ title: 'Call 07700 900123' }] }] };
    expect(scanFields(body, { now: NOW })).toEqual([
      { path: 'sections[1].narrative', kind: 'nhs-number', message: PII_MESSAGES['nhs-number'] },
      { path: 'sections[1].risks[0].title', kind: 'phone', message: PII_MESSAGES.phone },
    ]);
  });

  it('when one field holds the same kind twice, it is one warning', () => {
    expect(scanFields({ narrative: '943 476 5919 and 943-476-5919' })).toHaveLength(1);
  });

  it('when identifier, actor or timestamp fields hold look-alikes, they are skipped', () => {
    const body = { id: '9434765919', milestoneId: 'ms-9434765919', agencyIds: ['9434765919'], sha256: 'ab 943 476 5919', updatedBy: 'a@b.org', by: 'lead@mscp.example', submittedAt: '2015-03-12', url: 'https://x.example/9434765919' };
    expect(scanFields(body)).toEqual([]);
  });

  it('when a custom skipKey is given, it replaces the default', () => {
    expect(scanFields({ id: 'a@b.org', note: 'c@d.org' }, { skipKey: (k) => k === 'note' })).toEqual([expect.objectContaining({ path: 'id', kind: 'email' })]);
  });

  it('when the value is a bare string, the path is the whole body', () => {
    expect(scanFields('a@b.org')).toEqual([expect.objectContaining({ path: '(body)', kind: 'email' })]);
  });

  it('when the object is cyclic or holds numbers, booleans and nulls, it still returns', () => {
    const a: Record<string, unknown> = { n: 9434765919, b: true, z: null, text: 'x@y.org' };
    a.self = a;
    expect(scanFields(a)).toEqual([expect.objectContaining({ path: 'text' })]);
  });

  it('when isIdentifierKey is asked about keys, ids and stamps are skipped but free text is not', () => {
    for (const k of ['id', 'workstreamId', 'agencyIds', 'by', 'submittedBy', 'updatedAt', 'sha256', 'url']) expect(isIdentifierKey(k), k).toBe(true);
    for (const k of ['narrative', 'note', 'title', 'summary', 'description', 'mitigation', 'owner', 'comment', 'bid', 'paid', 'at-risk']) expect(isIdentifierKey(k), k).toBe(false);
  });
});

describe('blocking and acknowledgement', () => {
  const w = (kind: PiiKind) => ({ path: 'narrative', kind, message: PII_MESSAGES[kind] });

  it('when the kinds are NHS or NI numbers, they block', () => {
    expect(BLOCKING_KINDS).toEqual(['nhs-number', 'ni-number']);
    expect(isBlocking('nhs-number')).toBe(true);
    expect(isBlocking('email')).toBe(false);
    expect(blockingWarnings([w('email'), w('ni-number')])).toEqual([w('ni-number')]);
  });

  it('when there are only blocking warnings or none, no acknowledgement is asked for', () => {
    expect(needsAcknowledgement([])).toBe(false);
    expect(needsAcknowledgement([w('nhs-number')])).toBe(false);
  });

  it('when any warning may be legitimate, the submitter must acknowledge', () => {
    for (const kind of ['postcode', 'date-of-birth', 'email', 'phone'] as const) expect(needsAcknowledgement([w('nhs-number'), w(kind)])).toBe(true);
  });
});
