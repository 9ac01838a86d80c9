/**
 * Counts in plain English: "1 item", "3 items"; "1 of 3 partners has approved", "2 of 3 have".
 * One place for every page and email, so no "item(s)" or "1 have" reaches a reader.
 */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/** "has" after one, "have" after any other number (agreeing with the number before "of"). */
export const hasOrHave = (n: number) => (n === 1 ? 'has' : 'have');

/** "A", "A and B", "A, B and C". */
export const listOf = (names: readonly string[]) => (names.length < 2 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`);
