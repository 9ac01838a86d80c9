/**
 * fast-check arbitraries for the personal-data detector: identifiers written the many ways people
 * write them (separators, spacing, Unicode digit and space forms, full-width characters, case,
 * obfuscation), embedded in programme sentences. Shared by the property tests
 * (detect.property.test.ts) and the quality script (quality.ts).
 *
 * fast-check is a devDependency: only tests and scripts import this module, never the API or the
 * web app.
 */
import fc from 'fast-check';
import { isValidNhsNumber, type PiiKind } from './detect.js';
import { GIVEN_NAMES, isGivenName } from './names.js';

/** A generated text holding one identifier, and where the identifier is in it. */
export interface Variant {
  kind: PiiKind;
  text: string;
  /** The identifier itself (the date, not its "DOB" label; the name, not the age). */
  start: number;
  end: number;
}

/** The kinds {@link variantOf} generates. */
export const GENERATED_KINDS = ['nhs-number', 'ni-number', 'email', 'phone', 'date-of-birth', 'person-name'] as const satisfies readonly PiiKind[];
export type GeneratedKind = (typeof GENERATED_KINDS)[number];

/** "Today" for generated dates of birth (they are all at least a year old). */
export const GENERATED_NOW = '2026-11-22';

// ---------------------------------------------------------------------------------------------
// Characters

/** Zero code points of decimal digit sets: ASCII, full-width, Arabic-Indic, Extended Arabic-Indic, Devanagari, Bengali, Gujarati, Thai, mathematical bold. */
const DIGIT_ZEROS = [0x30, 0xff10, 0x660, 0x6f0, 0x966, 0x9e6, 0xae6, 0xe50, 0x1d7ce] as const;

/** One ASCII digit rendered in any script (ASCII most often). */
export const digitForm = (d: string): fc.Arbitrary<string> =>
  fc.oneof({ arbitrary: fc.constant(d), weight: 6 }, { arbitrary: fc.constantFrom(...DIGIT_ZEROS.slice(1)).map((z) => String.fromCodePoint(z + Number(d))), weight: 3 });

/**
 * A string of ASCII digits as people and copy-paste write it: plain ASCII most often, otherwise
 * all in one other script (full-width, Arabic-Indic...), or (a stress case) each digit in any.
 */
export const digitsForm = (digits: string): fc.Arbitrary<string> =>
  fc.oneof(
    { arbitrary: fc.constant(digits), weight: 3 },
    { arbitrary: fc.constantFrom(...DIGIT_ZEROS.slice(1)).map((z) => [...digits].map((d) => String.fromCodePoint(z + Number(d))).join('')), weight: 2 },
    { arbitrary: fc.tuple(...[...digits].map(digitForm)).map((ds) => ds.join('')), weight: 1 },
  );

/** A letter in either case, sometimes full-width. */
export const letterForm = (letter: string): fc.Arbitrary<string> =>
  fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 4 })).map(([upper, w]) => {
    const l = upper ? letter.toUpperCase() : letter.toLowerCase();
    return w === 0 ? String.fromCodePoint(l.codePointAt(0)! - 0x20 + 0xff00) : l;
  });

/** Spaces people and copy-paste produce: plain, no-break, thin, narrow no-break, figure, ideographic, zero-width, tab... */
export const SPACES = [' ', ' ', ' ', '\u00a0', '\u2009', '\u202f', '\u2007', '\u2002', '\u205f', '\u3000', '\u200b', '\t'] as const;
/** Dashes: hyphen-minus, hyphen, non-breaking hyphen, figure, en and em dashes, minus sign, small and full-width hyphen-minus. */
export const DASHES = ['-', '-', '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2212', '\ufe63', '\uff0d'] as const;

export const space = fc.constantFrom(...SPACES);
const spaces = (min: number, max: number) => fc.array(space, { minLength: min, maxLength: max }).map((s) => s.join(''));
const optionalSpace = fc.oneof({ arbitrary: fc.constant(''), weight: 3 }, { arbitrary: space, weight: 1 });

export const SEPARATOR_KINDS = ['space', 'dash', 'dot', 'slash', 'underscore'] as const;
export type SeparatorKind = (typeof SEPARATOR_KINDS)[number];

/** One separator of a kind, written any way: "  ", " – ", "．", "∕", "＿"... (at most 3 characters). */
export function separatorOf(kind: SeparatorKind): fc.Arbitrary<string> {
  const mark = (marks: fc.Arbitrary<string>) => fc.tuple(optionalSpace, marks, optionalSpace).map(([a, m, b]) => `${a}${m}${b}`);
  switch (kind) {
    case 'space':
      return spaces(1, 3);
    case 'dash':
      return mark(fc.constantFrom(...DASHES));
    case 'dot':
      return mark(fc.constantFrom('.', '.', '\uff0e'));
    case 'slash':
      return mark(fc.constantFrom('/', '/', '\uff0f', '\u2215', '\u2044'));
    case 'underscore':
      return mark(fc.constantFrom('_', '\uff3f'));
  }
}

/** Joins parts with separators: all of one kind (`mixed` false) or each of any kind. */
function joinWith(parts: readonly fc.Arbitrary<string>[], mixed: boolean): fc.Arbitrary<string> {
  const gaps = parts.length - 1;
  const seps: fc.Arbitrary<string[]> = mixed
    ? fc.array(fc.constantFrom(...SEPARATOR_KINDS).chain(separatorOf), { minLength: gaps, maxLength: gaps })
    : fc.constantFrom(...SEPARATOR_KINDS).chain((k) => fc.array(separatorOf(k), { minLength: gaps, maxLength: gaps }));
  return fc.tuple(fc.tuple(...parts), seps).map(([ps, ss]) => ps.map((p, i) => `${p}${ss[i] ?? ''}`).join(''));
}

/** Splits a string into groups of the given lengths. */
function split(s: string, lengths: readonly number[]): string[] {
  const out: string[] = [];
  let at = 0;
  for (const l of lengths) {
    out.push(s.slice(at, at + l));
    at += l;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Programme sentences around an identifier

const PREFIXES = [
  '',
  'Update: ',
  'In Q3 2026-27 the team noted ',
  'Following the s47 strategy discussion on 1 April 2026, ',
  'Kinship offer review (v3.0.1): ',
  'Raised at the MACPT panel - ',
  'Note for the Family Help lead: ',
  'Escalated (risk BII) because ',
  'For the 2025/26 return, ',
  'Children in care 539; ',
] as const;
const SUFFIXES = ['', '.', ' was discussed.', ', see the Q3 2026-27 return.', ' (risk BII).', '; budget 2025/26 £76.9m.', ' - due 31 March 2027.'] as const;

/** Puts `label + core` inside a programme sentence; the variant's span is the core's. */
function embed(kind: GeneratedKind, piece: fc.Arbitrary<{ label?: string; core: string; after?: string }>): fc.Arbitrary<Variant> {
  return fc.tuple(fc.constantFrom(...PREFIXES), piece, fc.constantFrom(...SUFFIXES)).map(([prefix, { label = '', core, after = '' }, suffix]) => {
    const start = prefix.length + label.length;
    return { kind, text: `${prefix}${label}${core}${after}${suffix}`, start, end: start + core.length };
  });
}

// ---------------------------------------------------------------------------------------------
// NHS numbers

/** Ten-digit strings with a valid NHS check digit. */
export const validNhsDigits: fc.Arbitrary<string> = fc
  .array(fc.integer({ min: 0, max: 9 }), { minLength: 9, maxLength: 9 })
  .map((ds) => {
    let sum = 0;
    for (let i = 0; i < 9; i++) sum += ds[i]! * (10 - i);
    const check = 11 - (sum % 11);
    return check === 10 ? '' : `${ds.join('')}${check === 11 ? 0 : check}`;
  })
  .filter((n) => n !== '' && isValidNhsNumber(n));

/** Ten-digit strings whose check digit is wrong (order numbers, invoice references). */
export const invalidNhsDigits: fc.Arbitrary<string> = fc
  .array(fc.integer({ min: 0, max: 9 }), { minLength: 10, maxLength: 10 })
  .map((ds) => ds.join(''))
  .filter((n) => !isValidNhsNumber(n));

/** The layouts an NHS number is written in without a label: 3-3-4 with groups merged or not, or one digit at a time. */
const NHS_LAYOUTS = [[10], [3, 3, 4], [3, 7], [6, 4], [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]] as const;
const NHS_LABELS = ['NHS number: ', 'NHS no. ', 'NHS ', 'nhs no ', 'NHS#', 'NHS number is '] as const;

const PUNCTUATION_MARKS = fc.constantFrom('-', '.', '/', '_', ...DASHES, '\uff0e', '\uff0f', '\uff3f');

/**
 * An NHS number in any accepted layout, any digit forms and spaces, with one kind of separator
 * ("943 - 476 – 5919") or, as one unbroken word, any mix of marks ("943.476-5919").
 */
export const nhsNumberText: fc.Arbitrary<string> = fc
  .tuple(validNhsDigits, fc.constantFrom(...NHS_LAYOUTS), fc.constantFrom('one kind', 'one kind', 'one kind', 'unbroken mix'))
  .chain(([digits, layout, style]) => {
    const groups = split(digits, layout);
    if (style === 'one kind') return joinWith(groups.map(digitsForm), false);
    const marks = fc.array(PUNCTUATION_MARKS, { minLength: groups.length - 1, maxLength: groups.length - 1 });
    return fc.tuple(fc.tuple(...groups.map(digitsForm)), marks).map(([gs, ms]) => gs.map((g, i) => `${g}${ms[i] ?? ''}`).join(''));
  });

/** An NHS number after an "NHS" label: any grouping and any mix of separators. */
export const labelledNhsNumberText: fc.Arbitrary<{ label: string; core: string }> = fc
  .tuple(validNhsDigits, fc.uniqueArray(fc.integer({ min: 1, max: 9 }), { maxLength: 9 }), fc.constantFrom(...NHS_LABELS))
  .chain(([digits, cuts, label]) => {
    const bounds = [0, ...[...cuts].sort((a, b) => a - b), 10];
    const groups = bounds.slice(1).map((b, i) => digits.slice(bounds[i], b));
    return joinWith(groups.map(digitsForm), true).map((core) => ({ label, core }));
  });

/**
 * Outside the design, for the quality report only: an NHS number with no label, any grouping and
 * any mix of separators ("94 347-65.919"). Unlabelled mixed layouts are deliberately not flagged
 * (see findNhsNumbers in detect.ts), so these measure what that choice costs.
 */
export const unlabelledMixedNhsVariant: fc.Arbitrary<Variant> = embed(
  'nhs-number',
  labelledNhsNumberText.map(({ core }) => ({ core })),
);

export const nhsVariant: fc.Arbitrary<Variant> = fc.oneof(
  {
    arbitrary: embed(
      'nhs-number',
      nhsNumberText.map((core) => ({ core })),
    ),
    weight: 4,
  },
  { arbitrary: embed('nhs-number', labelledNhsNumberText), weight: 1 },
);

// ---------------------------------------------------------------------------------------------
// National Insurance numbers

const NI_FIRST_LETTERS = [...'ABCEGHJKLMNOPRSTWXYZ'];
const NI_SECOND_LETTERS = [...'ABCEGHJKLMNPRSTWXYZ'];
const NI_UNALLOCATED = new Set(['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ']);

/** The characters of a valid-looking NI number: "AB123456C". */
export const niCharacters: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(...NI_FIRST_LETTERS), fc.constantFrom(...NI_SECOND_LETTERS), fc.integer({ min: 0, max: 999_999 }), fc.constantFrom('A', 'B', 'C', 'D'))
  .filter(([a, b]) => !NI_UNALLOCATED.has(`${a}${b}`))
  .map(([a, b, n, s]) => `${a}${b}${String(n).padStart(6, '0')}${s}`);

const NI_LAYOUTS = [[9], [2, 2, 2, 2, 1], [2, 6, 1], [2, 7], [8, 1], [1, 1, 1, 1, 1, 1, 1, 1, 1]] as const;
const NI_LABELS = ['NI number: ', 'NINO ', 'National Insurance number ', 'NI no. ', 'NI: '] as const;

function niGroup(chars: string): fc.Arbitrary<string> {
  return fc.tuple(...[...chars].map((c) => (/\d/.test(c) ? digitForm(c) : letterForm(c)))).map((cs) => cs.join(''));
}

/** An NI number in any case and layout, with one kind of separator. */
export const niNumberText: fc.Arbitrary<string> = fc
  .tuple(niCharacters, fc.constantFrom(...NI_LAYOUTS))
  .chain(([chars, layout]) => joinWith(split(chars, layout).map(niGroup), false));

/** An NI number after a label: any layout and any mix of separators. */
export const labelledNiNumberText: fc.Arbitrary<{ label: string; core: string }> = fc
  .tuple(niCharacters, fc.constantFrom(...NI_LAYOUTS), fc.constantFrom(...NI_LABELS))
  .chain(([chars, layout, label]) => joinWith(split(chars, layout).map(niGroup), true).map((core) => ({ label, core })));

/** Outside the design, for the quality report only: an NI number with no label and mixed separators. */
export const unlabelledMixedNiVariant: fc.Arbitrary<Variant> = embed(
  'ni-number',
  labelledNiNumberText.map(({ core }) => ({ core })),
);

export const niVariant: fc.Arbitrary<Variant> = fc.oneof(
  {
    arbitrary: embed(
      'ni-number',
      niNumberText.map((core) => ({ core })),
    ),
    weight: 4,
  },
  { arbitrary: embed('ni-number', labelledNiNumberText), weight: 1 },
);

// ---------------------------------------------------------------------------------------------
// Email addresses

const FIRST_NAMES = [...GIVEN_NAMES].filter((n) => /^[a-z]+$/.test(n) && isGivenName(n));
const SURNAMES = [
  'smith',
  'jones',
  'taylor',
  'brown',
  'williams',
  'wilson',
  'johnson',
  'davies',
  'robinson',
  'wright',
  'thompson',
  'evans',
  'walker',
  'white',
  'roberts',
  'patel',
  'khan',
  'okafor',
  'nowak',
  'obrien',
] as const;
const DOMAINS = [
  ['example', 'com'],
  ['example', 'co', 'uk'],
  ['medway', 'gov', 'uk'],
  ['nhs', 'net'],
  ['mail', 'com'],
  ['school', 'sch', 'uk'],
  ['kent', 'police', 'uk'],
  ['outlook', 'com'],
  ['charity', 'org', 'uk'],
] as const;

const caseOf = (word: string) => fc.constantFrom(word, word.toUpperCase(), word[0]!.toUpperCase() + word.slice(1));

const EMAIL_FORMS = ['plain', 'full-width-at', 'spaced', 'bracketed', 'spelled', 'spelled-at'] as const;

/** An email address, plain or obfuscated: "jane.smith@example.com", "jane dot smith at example dot com", "jane(at)example(dot)co(dot)uk"... */
export const emailText: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom(...FIRST_NAMES),
    fc.option(fc.tuple(fc.constantFrom('.', '_'), fc.constantFrom(...SURNAMES)), { nil: undefined }),
    fc.option(fc.integer({ min: 1, max: 99 }), { nil: undefined }),
    fc.constantFrom(...DOMAINS),
    fc.constantFrom(...EMAIL_FORMS),
  )
  .chain(([first, last, number, domain, form]) => {
    const localParts = last ? [first, last[1]] : [first];
    const localJoin = last?.[0] ?? '.';
    const suffix = number === undefined ? '' : String(number);
    const literal = `${localParts.join(localJoin)}${suffix}`;
    const domainLiteral = domain.join('.');
    switch (form) {
      case 'plain':
        return fc.constant(`${literal}@${domainLiteral}`);
      case 'full-width-at':
        return fc.constantFrom('\uff20', '\ufe6b').map((at) => `${literal}${at}${domainLiteral}`);
      case 'spaced': {
        const sp = spaces(1, 2);
        return fc.tuple(sp, sp, sp, sp).map(([a, b, c, d]) => `${literal}${a}@${b}${domain.join(`${c}.${d}`)}`);
      }
      case 'bracketed':
        return fc
          .tuple(fc.constantFrom(['[', ']'], ['(', ')'], ['{', '}'], ['<', '>']), optionalSpace, caseOf('at'), caseOf('dot'), fc.boolean())
          .map(([[o, c], sp, at, dot, literalDots]) => {
            const d = literalDots ? '.' : `${sp}${o}${dot}${c}${sp}`;
            return `${literal}${sp}${o}${at}${c}${sp}${domain.join(d)}`;
          });
      case 'spelled':
        return fc.tuple(caseOf('at'), caseOf('dot')).map(([at, dot]) => {
          const local = localParts.join(localJoin === '.' ? ` ${dot} ` : '_') + suffix;
          return `${local} ${at} ${domain.join(` ${dot} `)}`;
        });
      case 'spelled-at':
        // "at" spelled but dots kept: only an address when the local part is not a plain word.
        return caseOf('at').map((at) => `${localParts.join(localJoin)}${suffix || (last ? '' : '.x')} ${at} ${domainLiteral}`);
    }
  });

export const emailVariant: fc.Arbitrary<Variant> = embed(
  'email',
  emailText.map((core) => ({ core })),
);

// ---------------------------------------------------------------------------------------------
// UK phone numbers

const randomDigits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((ds) => ds.join(''));

/** A UK number's national digits and the ways its groups are usually written. */
const PHONE_PLANS: readonly { digits: fc.Arbitrary<string>; groupings: readonly (readonly number[])[]; bracketAreaCode?: boolean }[] = [
  // Mobile: 07700 900123, 07700 900 123, 0770 090 0123, 07700900123
  { digits: randomDigits(9).map((d) => `07${d}`), groupings: [[5, 6], [5, 3, 3], [4, 3, 4], [11]] },
  // Five-digit area codes: 01634 123456, 01634 123 456, (01634) 123456
  {
    digits: fc.tuple(fc.integer({ min: 2, max: 9 }), randomDigits(8)).map(([a, d]) => `01${a}${d}`),
    groupings: [
      [5, 6],
      [5, 3, 3],
    ],
    bracketAreaCode: true,
  },
  // Big cities: 0161 496 0123, 0121-496-0123
  {
    digits: fc.tuple(fc.integer({ min: 1, max: 9 }), randomDigits(7)).map(([a, d]) => `01${a}1${d}`),
    groupings: [
      [4, 3, 4],
      [4, 7],
    ],
  },
  // London: 020 7946 0123, 0207 946 0123
  {
    digits: randomDigits(8).map((d) => `020${d}`),
    groupings: [
      [3, 4, 4],
      [4, 3, 4],
    ],
  },
];

const PHONE_SEPARATORS = fc.oneof({ arbitrary: space, weight: 4 }, { arbitrary: fc.constantFrom(...DASHES), weight: 2 }, { arbitrary: fc.constant('.'), weight: 1 });

/** A UK phone number in a common grouping: national, +44, +44 (0), 0044, bracketed area code. */
export const phoneText: fc.Arbitrary<string> = fc.tuple(fc.constantFrom(...PHONE_PLANS), fc.constantFrom('national', '+44', '+44 (0)', '0044')).chain(([plan, prefix]) =>
  fc.tuple(plan.digits, fc.constantFrom(...plan.groupings), fc.boolean()).chain(([digits, grouping, bracket]) => {
    const groups = split(digits, grouping);
    const useBracket = prefix === 'national' && plan.bracketAreaCode === true && bracket && grouping.length > 1;
    if (prefix !== 'national') groups[0] = groups[0]!.slice(1);
    const parts = groups.map((g) => digitsForm(g));
    const gaps = fc.array(PHONE_SEPARATORS, { minLength: groups.length - 1, maxLength: groups.length - 1 });
    return fc.tuple(fc.tuple(...parts), gaps, space).map(([ps, ss, sp]) => {
      const body = ps.map((p, i) => (i === 0 && useBracket ? `(${p})` : p) + (i < ss.length ? (i === 0 && useBracket ? ' ' : ss[i]) : '')).join('');
      if (prefix === 'national') return body;
      if (prefix === '+44 (0)') return `+44${sp}(0)${body}`;
      return `${prefix}${sp}${body}`;
    });
  }),
);

export const phoneVariant: fc.Arbitrary<Variant> = embed(
  'phone',
  phoneText.map((core) => ({ core })),
);

// ---------------------------------------------------------------------------------------------
// Dates of birth

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;
const MONTH_SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sept', 'Oct', 'Nov', 'Dec'] as const;
const ORDINALS = [
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'tenth',
  'eleventh',
  'twelfth',
  'thirteenth',
  'fourteenth',
  'fifteenth',
  'sixteenth',
  'seventeenth',
  'eighteenth',
  'nineteenth',
  'twentieth',
  'twenty-first',
  'twenty-second',
  'twenty-third',
  'twenty-fourth',
  'twenty-fifth',
  'twenty-sixth',
  'twenty-seventh',
  'twenty-eighth',
  'twenty-ninth',
  'thirtieth',
  'thirty-first',
] as const;
const suffixOf = (d: number) => (d % 10 === 1 && d !== 11 ? 'st' : d % 10 === 2 && d !== 12 ? 'nd' : d % 10 === 3 && d !== 13 ? 'rd' : 'th');

const birthDate = fc
  .tuple(fc.integer({ min: 1995, max: 2025 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }))
  .filter(([y, m, d]) => d <= new Date(Date.UTC(y, m, 0)).getUTCDate() && y * 10_000 + m * 100 + d < 20251122);

const DOB_FORMS = ['numeric', 'suffix', 'ordinal-word', 'short', 'month-first', 'month-year', 'iso'] as const;
const DOB_LABELS = ['DOB: ', 'DOB ', 'D.O.B. ', 'd.o.b ', 'dob - ', 'Date of birth: ', 'date of birth ', 'born ', 'born on ', 'Born: ', 'birth date: ', 'DOB='] as const;

const monthWord = (m: number, short: boolean) => caseOf(short ? MONTH_SHORT[m - 1]! : MONTH_NAMES[m - 1]!);

/** A date of birth with its label: "DOB: 3rd March 2015", "born on the third of March 2015", "d.o.b 03-Mar-15"... */
export const dateOfBirthText: fc.Arbitrary<{ label: string; core: string; after?: string }> = fc
  .tuple(birthDate, fc.constantFrom(...DOB_FORMS), fc.constantFrom(...DOB_LABELS), fc.boolean(), fc.boolean())
  .chain(([[y, m, d], form, label, pad, shortYear]) => {
    const dd = pad ? String(d).padStart(2, '0') : String(d);
    const mm = pad ? String(m).padStart(2, '0') : String(m);
    const yy = shortYear ? String(y).slice(2) : String(y);
    const digits = (s: string) => digitsForm(s);
    switch (form) {
      case 'numeric':
        return fc
          .tuple(fc.constantFrom('/', '.', '-', '\u2013', '\u2212'), digits(dd), digits(mm), digits(yy), fc.boolean())
          .map(([sep, a, b, c, after]) => (after ? { label: '', core: `${a}${sep}${b}${sep}${c}`, after: ' (DOB)' } : { label, core: `${a}${sep}${b}${sep}${c}` }));
      case 'suffix':
        return fc.tuple(digits(String(d)), monthWord(m, false), digits(String(y)), space).map(([a, b, c, sp]) => ({ label, core: `${a}${suffixOf(d)}${sp}${b} ${c}` }));
      case 'ordinal-word':
        return fc
          .tuple(caseOf(ORDINALS[d - 1]!), monthWord(m, false), digits(String(y)))
          .map(([o, b, c]) => ({ label: `${label.startsWith('born') ? 'born on the ' : label}`, core: `${o} of ${b} ${c}` }));
      case 'short':
        return fc
          .tuple(digits(dd), monthWord(m, true), digits(yy), fc.constantFrom('-', ' ', '\u00a0', '/'))
          .map(([a, b, c, sep]) => ({ label, core: `${a}${sep}${b}${sep}${c}` }));
      case 'month-first':
        return fc
          .tuple(monthWord(m, false), digits(String(d)), digits(String(y)), fc.boolean())
          .map(([b, a, c, suf]) => ({ label, core: `${b} ${a}${suf ? suffixOf(d) : ''}, ${c}` }));
      case 'month-year':
        return fc
          .tuple(monthWord(m, false), digits(String(y)), fc.constantFrom('born in ', 'DOB: ', 'date of birth ', 'Born in '))
          .map(([b, c, l]) => ({ label: l, core: `${b} ${c}` }));
      case 'iso':
        return fc.tuple(digits(String(y)), digits(String(m).padStart(2, '0')), digits(String(d).padStart(2, '0'))).map(([a, b, c]) => ({ label, core: `${a}-${b}-${c}` }));
    }
  });

export const dateOfBirthVariant: fc.Arbitrary<Variant> = embed('date-of-birth', dateOfBirthText);

// ---------------------------------------------------------------------------------------------
// A person's name next to an age or a family role

const ROLES = [
  'child',
  'baby',
  'son',
  'daughter',
  'mother',
  'father',
  'mum',
  'dad',
  'grandmother',
  'grandfather',
  'nan',
  'brother',
  'sister',
  'aunt',
  'uncle',
  'young person',
  'stepfather',
  'cousin',
] as const;
const capitalised = (w: string) => w[0]!.toUpperCase() + w.slice(1);
const SURNAMES_CAPITALISED = SURNAMES.map(capitalised).map((s) => (s === 'Obrien' ? "O'Brien" : s));

const AGE_IN_WORDS = [
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
] as const;

const NAME_TEMPLATES: readonly ((name: string, age: string, role: string) => { before: string; after: string })[] = [
  (_n, a) => ({ before: '', after: `, aged ${a}` }),
  (_n, a) => ({ before: '', after: ` (${a})` }),
  (_n, a) => ({ before: '', after: `, ${a} years old` }),
  (_n, a) => ({ before: `${a}-year-old `, after: '' }),
  (_n, _a, r) => ({ before: `${r} `, after: '' }),
  (_n, _a, r) => ({ before: `the ${r}, `, after: ',' }),
  (_n, _a, r) => ({ before: `his ${r} `, after: '' }),
  (_n, _a, r) => ({ before: `her ${r}, `, after: '' }),
  (_n, _a, r) => ({ before: '', after: `'s ${r}` }),
  (_n, a) => ({ before: `a ${a} year old girl called `, after: '' }),
];

/** A name next to an age or family role: "Jane Smith, aged 7", "Tom (7)", "7-year-old Tom", "his mother Sarah Jones"... */
export const personNameText: fc.Arbitrary<{ label: string; core: string; after: string }> = fc
  .tuple(
    fc.constantFrom(...FIRST_NAMES),
    fc.option(fc.constantFrom(...SURNAMES_CAPITALISED), { nil: undefined }),
    fc.integer({ min: 1, max: 17 }).chain((n) => fc.constantFrom(String(n), String(n), AGE_IN_WORDS[n - 1]!)),
    fc.constantFrom(...ROLES),
    fc.integer({ min: 0, max: NAME_TEMPLATES.length - 1 }),
  )
  .map(([first, last, age, role, t]) => {
    // "Tom's mother" takes a single name; the others a first name and sometimes a surname.
    const name = t === 8 ? capitalised(first) : [capitalised(first), last].filter(Boolean).join(' ');
    const { before, after } = NAME_TEMPLATES[t]!(name, age, role);
    return { label: before, core: name, after };
  });

export const personNameVariant: fc.Arbitrary<Variant> = embed('person-name', personNameText);

// ---------------------------------------------------------------------------------------------

/** The arbitrary for one kind. */
export function variantOf(kind: GeneratedKind): fc.Arbitrary<Variant> {
  switch (kind) {
    case 'nhs-number':
      return nhsVariant;
    case 'ni-number':
      return niVariant;
    case 'email':
      return emailVariant;
    case 'phone':
      return phoneVariant;
    case 'date-of-birth':
      return dateOfBirthVariant;
    case 'person-name':
      return personNameVariant;
  }
}

/** Ten-digit reference numbers with a wrong NHS check digit, in sentences: none may be an NHS number. */
export const orderReferenceSentence: fc.Arbitrary<string> = fc
  .tuple(
    invalidNhsDigits,
    fc.constantFrom(...NHS_LAYOUTS),
    fc.constantFrom('Order ref ', 'Invoice ', 'Purchase order ', 'Grant reference ', 'Case file ', ''),
    fc.constantFrom(' paid.', ' raised.', ''),
  )
  .chain(([digits, layout, before, after]) => joinWith(split(digits, layout).map(digitsForm), false).map((n) => `${before}${n}${after}`));
