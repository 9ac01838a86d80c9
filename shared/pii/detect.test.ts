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
    const hostile = [
      '1'.repeat(MAX_SCAN_LENGTH),
      '0 '.repeat(MAX_SCAN_LENGTH / 2),
      `${'a'.repeat(MAX_SCAN_LENGTH - 1)}@`,
      'a.'.repeat(MAX_SCAN_LENGTH / 2),
      'DOB '.repeat(MAX_SCAN_LENGTH / 4),
      'A1'.repeat(MAX_SCAN_LENGTH / 2),
    ];
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
    const body = {
      sections: [
        { workstreamId: 'family-help', narrative: 'Fine.' },
        { workstreamId: 'kinship', narrative: 'NHS 943 476 5919', risks: [{ title: 'Call 07700 900123' }] },
      ],
    };
    expect(scanFields(body, { now: NOW })).toEqual([
      { path: 'sections[1].narrative', kind: 'nhs-number', message: PII_MESSAGES['nhs-number'] },
      { path: 'sections[1].risks[0].title', kind: 'phone', message: PII_MESSAGES.phone },
    ]);
  });

  it('when one field holds the same kind twice, it is one warning', () => {
    expect(scanFields({ narrative: '943 476 5919 and 943-476-5919' })).toHaveLength(1);
  });

  it('when identifier, actor or timestamp fields hold look-alikes, they are skipped', () => {
    const body = {
      id: '9434765919',
      milestoneId: 'ms-9434765919',
      agencyIds: ['9434765919'],
      sha256: 'ab 943 476 5919',
      updatedBy: 'a@b.org',
      by: 'lead@mscp.example',
      submittedAt: '2015-03-12',
      url: 'https://x.example/9434765919',
    };
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

describe('normalised matching', () => {
  it('when digits are full-width or in another script, the finding still points at the original characters', () => {
    const text = 'Child ９４３ ４７６ ５９１９ discussed';
    const [f] = detectPersonalData(text, { now: NOW });
    expect(f?.kind).toBe('nhs-number');
    expect(text.slice(f!.start, f!.end)).toBe('９４３ ４７６ ５９１９');
    expect(found('ref ٩٤٣٤٧٦٥٩١٩ noted')).toEqual(['nhs-number:٩٤٣٤٧٦٥٩١٩']);
    expect(found('ref ९४३ ४७६ ५९१९ noted')).toEqual(['nhs-number:९४३ ४७६ ५९१९']);
  });

  it('when characters outside the BMP come before a finding, its offsets still index the original string', () => {
    const text = '𝟗𝟒𝟑 𝟒𝟕𝟔 𝟓𝟗𝟏𝟗 😀 then 07700 900123';
    expect(found(text)).toEqual(['nhs-number:𝟗𝟒𝟑 𝟒𝟕𝟔 𝟓𝟗𝟏𝟗', 'phone:07700 900123']);
  });

  it.each([
    ['no-break spaces', '943\u00a0476\u00a05919'],
    ['thin spaces', '943\u2009476\u20095919'],
    ['narrow no-break spaces', '943\u202f476\u202f5919'],
    ['ideographic spaces', '943\u3000476\u30005919'],
    ['zero-width spaces', '943\u200b476\u200b5919'],
    ['tabs', '943\t476\t5919'],
    ['a line separator', '943\u2028476\u20285919'],
    ['en dashes', '943\u2013476\u20135919'],
    ['em dashes', '943\u2014476\u20145919'],
    ['minus signs', '943\u2212476\u22125919'],
    ['figure dashes', '943\u2012476\u20125919'],
    ['non-breaking hyphens', '943\u2011476\u20115919'],
  ])('when an NHS number is separated by %s, it is found', (_what, nhs) => {
    expect(found(`The child (${nhs}) was discussed.`)).toEqual([`nhs-number:${nhs}`]);
  });
});

describe('NHS numbers however written', () => {
  it.each([
    '9 4 3 4 7 6 5 9 1 9',
    '943476 5919',
    '943 4765919',
    '943.476.5919',
    '943/476/5919',
    '943_476_5919',
    '943 - 476 - 5919',
    '943  476  5919',
    '943--476--5919',
    '9.4.3.4.7.6.5.9.1.9',
    '943.476-5919',
  ])('when the number is written %s, it is found', (nhs) => {
    expect(found(`Case ${nhs} noted`)).toEqual([`nhs-number:${nhs}`]);
  });

  it.each(['NHS no. 94 34 76 59 19', 'NHS number: 943 476-5919', 'nhs 9434 765 919', 'NHS#943.476 5919'])('when "%s" follows an NHS label, any layout is found', (text) => {
    expect(kinds(text)).toEqual(['nhs-number']);
  });

  it.each([
    ['an order number with a wrong check digit', 'Order ref 1234567890 paid'],
    ['a date followed by a count', 'due 31/03/2027 12 returns'],
    ['figures from a pasted table', '2023-24 7 22 10 25 8 19'],
    ['a spread number that is part of a longer spread run', '9 4 3 4 7 6 5 9 1 9 2'],
    ['a number glued to a word', 'ref AB9434765919'],
    ['an international phone number', '+44 161 496 0123 and 0044 161 496 0123'],
    ['a decimal', '0.943 476 5919'],
    ['ten digits picked out of a list of four-digit years', '2025 2026 2027'],
  ])('when the text holds %s, no NHS number is found', (_what, text) => {
    expect(kinds(text)).not.toContain('nhs-number');
  });
});

describe('National Insurance numbers however written', () => {
  it.each([
    'ab 12 34 56 c',
    'AB-123456-C',
    'a.b.1.2.3.4.5.6.c',
    'A B 1 2 3 4 5 6 C',
    'AB  12  34  56  C',
    'AB 123456 C',
    'AB/12/34/56/C',
    'AB_12_34_56_C',
    'AB\u00a012\u00a034\u00a056\u00a0C',
    'ＡＢ１２３４５６Ｃ',
    'AB.12-34.56.C',
  ])('when the number is written %s, it is found', (ni) => {
    expect(found(`Case ${ni} noted`)).toEqual([`ni-number:${ni}`]);
  });

  it('when separators are mixed and broken by spaces, it is found only after a label', () => {
    expect(kinds('Case AB 12-34-56 C noted')).toEqual([]);
    expect(kinds('NI number: AB 12-34-56 C')).toEqual(['ni-number']);
  });

  it('when a lower-case word and a date look like a number, it is not found', () => {
    expect(kinds('met on 12/06/26 a second time')).toEqual([]);
  });
});

describe('email addresses however written', () => {
  it.each([
    'jane dot smith at example dot com',
    'jane.smith [at] example [dot] com',
    'jane(at)example(dot)co(dot)uk',
    'jane @ example . com',
    'jane＠example.com',
    'JANE AT EXAMPLE DOT CO DOT UK',
    'jane.smith at example.com',
    'jane_smith {at} nhs.net',
  ])('when the address is written "%s", it is found', (email) => {
    expect(found(`Contact ${email} today`)).toEqual([`email:${email}`]);
  });

  it.each([
    'meet at the office',
    'look at item 3',
    'the offer is at www.medway.gov.uk',
    'support is available at medway.gov.uk/kinship',
    'staff at the hub met at 9.30',
    'we met at home. Com-pleted on time',
  ])('when "at" is plain English ("%s"), no email is found', (text) => {
    expect(kinds(text)).toEqual([]);
  });
});

describe('dates of birth in words and short forms', () => {
  it.each([
    ['DOB: 3rd March 2015', '3rd March 2015'],
    ['born on the third of March 2015', 'third of March 2015'],
    ['d.o.b 03-Mar-15', '03-Mar-15'],
    ['born 3/3/15', '3/3/15'],
    ['DOB 3.3.2015', '3.3.2015'],
    ['born in March 2015', 'March 2015'],
    ['date of birth March 2015', 'March 2015'],
    ['born twenty-first of June 2014', 'twenty-first of June 2014'],
    ['DOB: thirty-first December 2012', 'thirty-first December 2012'],
    ['birthday 3rd March', '3rd March'],
    ['DOB – 3 Sept 2014', '3 Sept 2014'],
    ['born March the third, 2015', 'March the third, 2015'],
    ['DOB ٣/٣/٢٠١٥', '٣/٣/٢٠١٥'],
  ])('when "%s" names a date of birth, the date is found', (text, date) => {
    expect(found(text)).toEqual([`date-of-birth:${date}`]);
  });

  it.each([
    'due 31 March 2027',
    'launched 1 April 2026',
    'Q3 2026-27',
    'financial year 2025/26',
    'period 2026-27-Q3',
    'the third of March 2027 board',
    'in March 2015 the unit opened',
  ])('when "%s" is a programme date, it is not found', (text) => {
    expect(kinds(text)).toEqual([]);
  });

  it('when a labelled day is not in the month, it is not found', () => {
    expect(kinds('DOB: thirty-first of April 2015')).toEqual([]);
  });
});

describe('phone numbers in every common grouping', () => {
  it.each([
    '07700 900123',
    '07700900123',
    '07700 900 123',
    '0770 090 0123',
    '+44 7700 900123',
    '+44 (0)7700 900123',
    '0044 7700 900123',
    '(01634) 123456',
    '01634 123 456',
    '020 7946 0123',
    '0207 946 0123',
    '0161-496-0123',
    '01632.960.123',
    '07700\u00a0900\u00a0123',
    '0161\u2013496\u20130123',
    '０７７００ ９００１２３',
  ])('when the text holds %s, it is found', (phone) => {
    expect(found(`Call ${phone} today.`)).toEqual([`phone:${phone}`]);
  });

  it('when a dotted or dashed date is followed by a time, it is not a phone number', () => {
    expect(kinds('Meeting 01.04.26 10.30')).toEqual([]);
    expect(kinds('Meeting 01-04-26 10-30')).toEqual([]);
  });

  it('when a phone number after +44 (0) also passes modulus 11, it is reported as a phone number', () => {
    expect(isValidNhsNumber('2041317655')).toBe(true);
    expect(kinds('Call +44 (0)204 131 7655')).toEqual(['phone']);
  });
});

describe("a person's name next to an age or family role", () => {
  it.each([
    ['Jane Smith, aged 7', 'Jane Smith'],
    ['Tom (7)', 'Tom'],
    ['Tom, 7 years old', 'Tom'],
    ['7-year-old Tom', 'Tom'],
    ['child Tom', 'Tom'],
    ['the child, Amelia Jones, was seen', 'Amelia Jones'],
    ['mother Sarah', 'Sarah'],
    ['his mother Sarah Jones', 'Sarah Jones'],
    ['father, Mark Brown', 'Mark Brown'],
    ['baby Lily', 'Lily'],
    ['son Jack', 'Jack'],
    ['daughter Ella', 'Ella'],
    ['grandmother Pat', 'Pat'],
    ["Tom's mother came", 'Tom'],
    ['Sarah Ward, aged 7', 'Sarah Ward'],
    ['Met Jane Smith, aged 7', 'Jane Smith'],
    ['a 6 year old girl called Zoë', 'Zoë'],
    ["stepfather Liam O'Brien", "Liam O'Brien"],
    ['Mother Sarah attended', 'Sarah'],
    ['Tom, aged seven', 'Tom'],
    ['seven-year-old Tom', 'Tom'],
    ['Sarah (mum) attended', 'Sarah'],
  ])('when the text is "%s", the name is found', (text, name) => {
    expect(found(text)).toEqual([`person-name:${name}`]);
  });

  it.each([
    'Children in care rose to 539',
    'Mother and baby unit opened in Chatham',
    'Kinship carers group (12 attended)',
    'Child protection plans: 331',
    'Family Help teams',
    'the Mockingbird constellation',
    'Milestones (3) and Risks (2)',
    'Child Arrangements Order',
    'Kinship Zone (12)',
    'Young People aged 16 to 25',
    'Care Leavers aged 18',
    'Meetings in May (2) and June (3)',
    'father Christmas visited the hub',
    "Father's Day event",
    'Girl Guides (12)',
    'Child Q review published',
    'Medway Council (parent company)',
    'Jasmine House (6) and Holly Lodge (4) are registered',
    'Dylan Thomas Centre (2)',
    "St Mary's child and family centre",
    'Victoria Road (12)',
  ])('when the text is "%s", no name is found', (text) => {
    expect(kinds(text)).toEqual([]);
  });

  it('when a name is found, it is a possible kind that needs confirmation, never blocking', () => {
    expect(PII_KINDS).toContain('person-name');
    expect(isBlocking('person-name')).toBe(false);
    expect(BLOCKING_KINDS).not.toContain('person-name');
    expect(needsAcknowledgement([{ kind: 'person-name' }])).toBe(true);
    expect(PII_MESSAGES['person-name']).toMatch(/name next to an age or family role/);
    expect(PII_MESSAGES['person-name']).toMatch(/member of staff/);
  });
});

describe('programme text that is not personal data', () => {
  it.each([
    's22H duty met; offer published 1 April 2026',
    'Section 47 enquiries (s47, s17, section 31) rose',
    'Financial years 2025-26 and 2025/26',
    'Period 2026-27-Q3',
    'Threshold document v3.0.1',
    'Risk rated BII, CIII and DII',
    'Budget £76.9m, overspend £2.7m',
    'Children in care 539; PEP return 95%',
    'Order ref 1234567890 paid',
  ])('when the text is "%s", nothing is found', (text) => {
    expect(detectPersonalData(text, { now: NOW })).toEqual([]);
  });
});

describe('scanning work', () => {
  it('when adversarial 100,000-character texts are scanned, each completes with a bounded number of findings', () => {
    const n = MAX_SCAN_LENGTH;
    const hostile = [
      '1 '.repeat(n / 2),
      'a at '.repeat(n / 5),
      'jane dot '.repeat(n / 9),
      'a at b dot '.repeat(n / 11),
      '(at)(dot)'.repeat(n / 9),
      '9\u00a0'.repeat(n / 2),
      '９'.repeat(n),
      '\u200b'.repeat(n),
      'Tom ('.repeat(n / 5),
      'mother Tom '.repeat(n / 11),
      'Jane Smith, aged '.repeat(n / 17),
      'A B 1 '.repeat(n / 6),
      'born on the '.repeat(n / 12),
      '1/1/1 '.repeat(n / 6),
      '+44 (0)'.repeat(n / 7),
      '1 - '.repeat(n / 4),
    ];
    for (const text of hostile) {
      expect(text.length).toBeLessThanOrEqual(n);
      expect(detectPersonalData(text, { now: NOW }).length).toBeLessThanOrEqual(50);
    }
  });
});
