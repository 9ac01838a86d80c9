/*
 * Searching the public Kinship Local Offer the way families type: plurals ("allowances" finds
 * "allowance"), abbreviations ("SGO" finds "special guardianship") and everyday words ("nan" finds
 * "grandparent"). Pure and small: the page indexes each item's text once and tests it per search.
 *
 * A search is a list of concepts, all of which must match (so "SGO allowance" narrows, not widens).
 * A concept is either a term from the synonyms table, which matches any of its group's phrases as
 * whole words, or any other word, which also matches the start of a word (so results follow typing:
 * "allow" already finds "allowance").
 */

/**
 * Groups of words and phrases that mean the same to someone looking for support. Any phrase typed
 * finds items using any phrase of its group. Plurals need no entry (stem() handles them).
 */
export const SYNONYMS: readonly (readonly string[])[] = [
  ['sgo', 'special guardianship', 'special guardian', 'special guardianship order'],
  ['cao', 'child arrangements order', 'child arrangement', 'residence order'],
  ['grandparent', 'grandmother', 'grandfather', 'grandma', 'grandpa', 'gran', 'granny', 'nan', 'nana', 'nanna', 'grandad', 'granddad', 'grandmum'],
  ['fostering', 'foster', 'foster carer', 'foster care', 'fostered'],
  ['connected carer', 'connected person', 'kinship foster carer', 'kinship foster care', 'kinship fostering'],
  ['kinship carer', 'kinship care', 'family and friends carer', 'family and friends care'],
  ['contact', 'family time'],
  ['housing', 'accommodation'],
  ['respite', 'short break'],
  ['solicitor', 'lawyer', 'legal advice'],
  ['camhs', 'cypmhs', 'child and adolescent mental health', 'mental health service'],
  ['send', 'sen', 'special educational need'],
  ['ehcp', 'education health and care plan'],
  ['council', 'local authority'],
  ['aunt', 'auntie', 'aunty'],
];

/** Words that carry no meaning in a search on their own ("help for grandparents"). */
const STOP_WORDS = new Set(['a', 'an', 'and', 'the', 'for', 'of', 'to', 'in', 'on', 'at', 'with', 'my', 'i', 'me', 'we', 'is', 'are', 'or', 'about', 'what', 'how', 'can', 'get']);

const IRREGULAR: Record<string, string> = {
  children: 'child',
  grandchildren: 'grandchild',
  people: 'person',
  women: 'woman',
  men: 'man',
};

/** Lower case, accents and apostrophes removed ("carer's" -> "carers"), anything else not a letter or digit a space. */
export function normalise(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['\u2018\u2019`]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * The singular of a plural, by the common English rules: "allowances" -> "allowance", "families" ->
 * "family", "coaches" -> "coach", "children" -> "child". Words that only look plural ("bus",
 * "status", "crisis", "class") stay. The same rule applies to what is searched and what is typed,
 * so an odd stem ("always" -> "alway") still matches itself.
 */
export function stem(word: string): string {
  // "childrens" is what "children's" becomes once the apostrophe has gone.
  const irregular = IRREGULAR[word] ?? (word.endsWith('s') ? IRREGULAR[word.slice(0, -1)] : undefined);
  if (irregular) return irregular;
  if (word.length <= 3 || /\d/.test(word)) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(ss|ch|sh|x|zz)es$/.test(word)) return word.slice(0, -2);
  if (/(ss|us|is)$/.test(word)) return word;
  if (word.endsWith('s')) return word.slice(0, -1);
  return word;
}

const tokens = (text: string) => normalise(text).split(' ').filter(Boolean);
const stems = (text: string) => tokens(text).map(stem);

/** Text prepared for searching: its words as written and as stems. */
export interface SearchIndex {
  words: string[];
  stems: string[];
}

export function indexText(text: string): SearchIndex {
  const words = tokens(text);
  return { words, stems: words.map(stem) };
}

/** A search, compiled once per change of the search box. */
export type SearchConcept = { kind: 'phrases'; phrases: string[][] } | { kind: 'word'; word: string; stem: string };

// Every phrase of the table as stems, longest first, each with the index of its group.
const PHRASES = SYNONYMS.flatMap((group, g) => group.map((p) => ({ stems: stems(p), group: g }))).sort((a, b) => b.stems.length - a.stems.length);
const GROUP_STEMS = SYNONYMS.map((group) => group.map(stems));

const startsAt = (seq: string[], at: number, phrase: string[]) => phrase.every((w, k) => seq[at + k] === w);

/** The concepts of what was typed; none for an empty search or one of stop words only. */
export function parseSearch(query: string): SearchConcept[] {
  const typed = tokens(query);
  const typedStems = typed.map(stem);
  const concepts: SearchConcept[] = [];
  for (let i = 0; i < typed.length; ) {
    const known = PHRASES.find((p) => startsAt(typedStems, i, p.stems));
    if (known) {
      concepts.push({ kind: 'phrases', phrases: GROUP_STEMS[known.group]! });
      i += known.stems.length;
      continue;
    }
    const word = typed[i]!;
    if (!STOP_WORDS.has(word)) concepts.push({ kind: 'word', word, stem: typedStems[i]! });
    i += 1;
  }
  return concepts;
}

function conceptMatches(c: SearchConcept, index: SearchIndex): boolean {
  if (c.kind === 'word') return index.words.some((w) => w.startsWith(c.word)) || index.stems.some((s) => s.startsWith(c.stem));
  return c.phrases.some((phrase) => index.stems.some((_, at) => startsAt(index.stems, at, phrase)));
}

/** True when the text matches every concept of the search (always, for an empty search). */
export function matchesSearch(concepts: readonly SearchConcept[], index: SearchIndex): boolean {
  return concepts.every((c) => conceptMatches(c, index));
}
