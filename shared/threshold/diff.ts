import { diffArrays, diffWords } from 'diff';

/*
 * What changed between two versions of the threshold document, for people to read: the markdown is
 * cut into the parts a reader sees (headings, paragraphs, list items), the parts are compared in
 * order (Myers, from the `diff` package), and a part edited in place is shown word by word. Pure,
 * so the issue form's check page and the signatory's page show the same changes.
 */

export type PartKind = 'heading' | 'paragraph' | 'item';

/** One part of the document as a reader sees it: the text without its markdown marker (`#`, `-`, `1.`). */
export interface DocumentPart {
  kind: PartKind;
  text: string;
}

export interface WordChange {
  text: string;
  change: 'same' | 'added' | 'removed';
}

/** `section` is the heading the part sits under (null before the first heading). */
export type DocumentChange =
  | { kind: 'added' | 'removed'; part: DocumentPart; section: string | null }
  | { kind: 'changed'; before: DocumentPart; after: DocumentPart; words: WordChange[]; section: string | null };

export interface DocumentDiff {
  changes: DocumentChange[];
  added: number;
  removed: number;
  changed: number;
  unchanged: number;
}

const HEADING = /^#{1,6}\s+(.*?)\s*#*\s*$/;
const ITEM = /^\s{0,3}(?:[-*+]|\d{1,9}[.)])\s+(.*)$/;

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * The parts of a markdown text, as the portal's renderer reads it: a heading is one line; a list item
 * runs on over indented lines; a paragraph is the lines up to a blank line, a heading or a list.
 * Whitespace is collapsed, so re-wrapping a paragraph is not a change.
 */
export function documentParts(markdown: string): DocumentPart[] {
  const parts: DocumentPart[] = [];
  let open: { kind: PartKind; lines: string[] } | null = null;
  const close = () => {
    if (open) parts.push({ kind: open.kind, text: squash(open.lines.join(' ')) });
    open = null;
  };
  for (const raw of markdown.replace(/\r\n?/g, '\n').split('\n')) {
    if (!raw.trim()) {
      close();
      continue;
    }
    const heading = HEADING.exec(raw);
    const item = heading ? null : ITEM.exec(raw);
    if (heading || item) {
      close();
      if (heading) parts.push({ kind: 'heading', text: squash(heading[1]!) });
      else open = { kind: 'item', lines: [item![1]!] };
      continue;
    }
    // An indented line continues a list item; any other line after a list item starts a paragraph.
    const current = open as { kind: PartKind; lines: string[] } | null;
    if (current && (current.kind === 'paragraph' || /^\s/.test(raw))) current.lines.push(raw);
    else {
      close();
      open = { kind: 'paragraph', lines: [raw] };
    }
  }
  close();
  return parts;
}

/** Word by word, with neighbouring pieces of the same kind joined. */
export function wordChanges(before: string, after: string): WordChange[] {
  const out: WordChange[] = [];
  for (const c of diffWords(before, after)) {
    const change = c.added ? 'added' : c.removed ? 'removed' : 'same';
    const last = out.at(-1);
    if (last?.change === change) last.text += c.value;
    else out.push({ text: c.value, change });
  }
  return out;
}

/** Share of the text (by characters) the two versions of a part have in common, 0 to 1. */
function likeness(words: WordChange[]): number {
  let same = 0;
  let before = 0;
  let after = 0;
  for (const w of words) {
    const n = w.text.trim().length;
    if (w.change === 'same') same += n;
    if (w.change !== 'added') before += n;
    if (w.change !== 'removed') after += n;
  }
  return same / Math.max(1, before, after);
}

/** Two parts count as one part edited when they are the same kind and keep at least this much text. */
const EDITED = 0.4;

/** The changes from `before` to `after`, in the order they appear in the new document. */
export function diffDocuments(before: string, after: string): DocumentDiff {
  const result: DocumentDiff = { changes: [], added: 0, removed: 0, changed: 0, unchanged: 0 };
  const runs = diffArrays(documentParts(before), documentParts(after), { comparator: (a, b) => a.kind === b.kind && a.text === b.text });
  let section: string | null = null;
  const passing = (part: DocumentPart) => {
    if (part.kind === 'heading') section = part.text;
  };
  for (let i = 0; i < runs.length; i++) {
    const run = runs[i]!;
    if (!run.added && !run.removed) {
      result.unchanged += run.value.length;
      run.value.forEach(passing);
      continue;
    }
    // A replacement comes as the removed parts then the added ones: pair those edited in place.
    const removed = run.removed ? run.value : [];
    const next = runs[i + 1];
    const added = run.added ? run.value : next?.added ? next.value : [];
    if (run.removed && next?.added) i++;
    const count = Math.max(removed.length, added.length);
    for (let k = 0; k < count; k++) {
      const old = removed[k];
      const neu = added[k];
      const words = old && neu && old.kind === neu.kind ? wordChanges(old.text, neu.text) : null;
      if (old && neu && words && likeness(words) >= EDITED) {
        result.changes.push({ kind: 'changed', before: old, after: neu, words, section });
        result.changed++;
        passing(neu);
        continue;
      }
      if (old) {
        result.changes.push({ kind: 'removed', part: old, section });
        result.removed++;
      }
      if (neu) {
        result.changes.push({ kind: 'added', part: neu, section });
        result.added++;
        passing(neu);
      }
    }
  }
  return result;
}

const parts = (n: number) => `${n} ${n === 1 ? 'part' : 'parts'}`;

/** "1 part changed, 2 added and 1 removed. The other 12 parts are the same." */
export function describeDiff(d: DocumentDiff): string {
  if (!d.changes.length) return 'The text is the same.';
  const counts = (['changed', 'added', 'removed'] as const).filter((k) => d[k] > 0).map((k, i) => `${i === 0 ? parts(d[k]) : d[k]} ${k}`);
  const list = counts.length > 1 ? `${counts.slice(0, -1).join(', ')} and ${counts.at(-1)}` : counts[0]!;
  const rest = d.unchanged === 0 ? '' : d.unchanged === 1 ? ' The other part is the same.' : ` The other ${d.unchanged} parts are the same.`;
  return `${list}.${rest}`;
}
