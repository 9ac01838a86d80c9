import { slugify } from '../workstreams/milestone.js';

/** Pure rules of Programme set-up: ids made from names, names told apart, and the order of a list. */

/** A name as two names are compared: case, spacing and punctuation around words do not make another name. */
const nameKey = (name: string) =>
  name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** The first of `items` (other than `except`) that already has this name, or undefined. */
export function sameName<T extends { id: string; name: string }>(items: readonly T[], name: string, except?: string): T | undefined {
  const key = nameKey(name);
  return items.find((x) => x.id !== except && nameKey(x.name) === key);
}

/** An id made from the name ("Youth Justice" -> "youth-justice"), with -2, -3... when it is taken. */
export function uniqueSlug(name: string, taken: readonly string[]): string {
  const base = slugify(name, 56);
  const used = new Set(taken);
  if (!used.has(base)) return base;
  let n = 2;
  while (used.has(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}

interface Placed {
  id: string;
  order?: number | undefined;
}

/**
 * Orders for the items of a list (in its present order) that have none yet, records from before
 * the lead could move them: after the highest order there is, keeping the order they are shown in.
 */
export function placeUnplaced(list: readonly Placed[]): Map<string, number> {
  let next = Math.max(0, ...list.map((x) => x.order ?? 0));
  return new Map(list.filter((x) => x.order === undefined).map((x) => [x.id, ++next]));
}

/**
 * The new orders when the item at `from` changes places with its neighbour at `to` in `list` (what is
 * shown, in order): the two swap their orders, so nothing else moves and a retired one, which keeps
 * its order, comes back to its place when restored. Items without distinct orders are numbered
 * afresh in their new places. Only the orders that change are in the answer.
 */
export function swapPlaces(list: readonly Placed[], from: number, to: number): Map<string, number> {
  const a = list[from];
  const b = list[to];
  if (!a || !b) return new Map();
  if (a.order !== undefined && b.order !== undefined && a.order !== b.order)
    return new Map([
      [a.id, b.order],
      [b.id, a.order],
    ]);
  const moved = [...list];
  moved[from] = b;
  moved[to] = a;
  return new Map(moved.map((x, k) => [x.id, k + 1] as const).filter(([id, order]) => list.find((x) => x.id === id)?.order !== order));
}
