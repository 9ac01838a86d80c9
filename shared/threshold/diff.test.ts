import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeDiff, diffDocuments, documentParts, wordChanges } from './diff.js';

const doc = (...lines: string[]) => lines.join('\n');

const V1 = doc(
  '# Threshold document',
  '',
  '## Purpose',
  '',
  'This document helps practitioners decide',
  'what help a child needs.',
  '',
  '## Levels of need',
  '',
  '- Level 1: universal services',
  '- Level 2: Family Help (targeted)',
  '- Level 3: Family Help (intensive)',
  '',
  'Call 999 in an emergency.',
);

describe('the parts of a document', () => {
  it('when markdown has headings, paragraphs and lists, each heading, paragraph and list item is one part without its marker', () => {
    expect(documentParts(V1)).toEqual([
      { kind: 'heading', text: 'Threshold document' },
      { kind: 'heading', text: 'Purpose' },
      { kind: 'paragraph', text: 'This document helps practitioners decide what help a child needs.' },
      { kind: 'heading', text: 'Levels of need' },
      { kind: 'item', text: 'Level 1: universal services' },
      { kind: 'item', text: 'Level 2: Family Help (targeted)' },
      { kind: 'item', text: 'Level 3: Family Help (intensive)' },
      { kind: 'paragraph', text: 'Call 999 in an emergency.' },
    ]);
  });

  it('when a list item runs on over an indented line, or a paragraph follows a list without a blank line, they are read as the renderer reads them', () => {
    expect(documentParts(doc('1. First step', '   continued here', '2) Second step', 'A paragraph after.'))).toEqual([
      { kind: 'item', text: 'First step continued here' },
      { kind: 'item', text: 'Second step' },
      { kind: 'paragraph', text: 'A paragraph after.' },
    ]);
  });

  it('when the text is empty or only blank lines, there are no parts', () => {
    expect(documentParts('')).toEqual([]);
    expect(documentParts('\r\n  \n\t\n')).toEqual([]);
  });
});

describe('what changed between two versions', () => {
  it('when the text is the same (or only re-wrapped, renumbered or with Windows line ends), nothing changed', () => {
    const rewrapped = V1.replace('decide\nwhat', 'decide what').replace(/\n/g, '\r\n');
    const d = diffDocuments(V1, rewrapped);
    expect(d).toEqual({ changes: [], added: 0, removed: 0, changed: 0, unchanged: 8 });
    expect(describeDiff(d)).toBe('The text is the same.');
    expect(diffDocuments(doc('1. a', '2. b'), doc('3. a', '7. b')).changes).toEqual([]);
  });

  it('when a paragraph is edited, it is one change, word by word, under its heading', () => {
    const v2 = V1.replace('helps practitioners', 'helps professionals').replace('what help a child needs.', 'what help a child or young person needs, and from whom.');
    const d = diffDocuments(V1, v2);
    expect(d.changes).toHaveLength(1);
    const [c] = d.changes;
    expect(c).toMatchObject({
      kind: 'changed',
      section: 'Purpose',
      before: { kind: 'paragraph' },
      after: { text: 'This document helps professionals decide what help a child or young person needs, and from whom.' },
    });
    if (c?.kind !== 'changed') throw new Error('expected a changed part');
    expect(c.words).toEqual([
      { text: 'This document helps ', change: 'same' },
      { text: 'practitioners', change: 'removed' },
      { text: 'professionals', change: 'added' },
      { text: ' decide what help a child ', change: 'same' },
      { text: 'or young person ', change: 'added' },
      { text: 'needs', change: 'same' },
      { text: ', and from whom', change: 'added' },
      { text: '.', change: 'same' },
    ]);
    // The words put back together are exactly the old text and the new text.
    expect(
      c.words
        .filter((w) => w.change !== 'added')
        .map((w) => w.text)
        .join(''),
    ).toBe(c.before.text);
    expect(
      c.words
        .filter((w) => w.change !== 'removed')
        .map((w) => w.text)
        .join(''),
    ).toBe(c.after.text);
    expect(describeDiff(d)).toBe('1 part changed. The other 7 parts are the same.');
  });

  it('when list items are added and removed, each is its own change in document order, with the section it is in', () => {
    const v2 = V1.replace('- Level 1: universal services\n', '').replace(
      '- Level 3: Family Help (intensive)',
      '- Level 3: Family Help (intensive)\n- Level 4: child protection (section 47)\n\n## Contacts',
    );
    const d = diffDocuments(V1, v2);
    expect(d.changes).toEqual([
      { kind: 'removed', part: { kind: 'item', text: 'Level 1: universal services' }, section: 'Levels of need' },
      { kind: 'added', part: { kind: 'item', text: 'Level 4: child protection (section 47)' }, section: 'Levels of need' },
      { kind: 'added', part: { kind: 'heading', text: 'Contacts' }, section: 'Levels of need' },
    ]);
    expect(describeDiff(d)).toBe('2 parts added and 1 removed. The other 7 parts are the same.');
  });

  it('when a part is replaced by unrelated text, or by another kind of part, it shows as removed and added, not as an edit', () => {
    const d = diffDocuments(V1, V1.replace('Call 999 in an emergency.', 'Referrals go through the partnership form.'));
    expect(d.changes.map((c) => c.kind)).toEqual(['removed', 'added']);
    const k = diffDocuments(doc('Level 2: Family Help'), doc('- Level 2: Family Help'));
    expect(k.changes.map((c) => c.kind)).toEqual(['removed', 'added']);
  });

  it('when there was no text before (the first version, or one issued as a PDF), every part is added', () => {
    const d = diffDocuments('', V1);
    expect(d.added).toBe(8);
    expect(d.changes.every((c) => c.kind === 'added')).toBe(true);
    expect(describeDiff(d)).toBe('8 parts added.');
  });

  it('describes one unchanged part and several kinds of change in plain English', () => {
    expect(describeDiff({ changes: [{ kind: 'added', part: { kind: 'item', text: 'x' }, section: null }], added: 1, removed: 2, changed: 3, unchanged: 1 })).toBe(
      '3 parts changed, 1 added and 2 removed. The other part is the same.',
    );
  });

  it('whatever the two texts, the unchanged, removed and changed parts account for the old text and the unchanged, added and changed parts for the new', () => {
    const line = fc.constantFrom('# Purpose', '## Levels', '- Level 1', '- Level 2', '1. Step', 'Some text.', 'More words here', '', '  indented');
    const text = fc.array(line, { maxLength: 25 }).map((l) => l.join('\n'));
    fc.assert(
      fc.property(text, text, (a, b) => {
        const d = diffDocuments(a, b);
        const kinds = (k: string) => d.changes.filter((c) => c.kind === k).length;
        expect(d.unchanged + kinds('removed') + kinds('changed')).toBe(documentParts(a).length);
        expect(d.unchanged + kinds('added') + kinds('changed')).toBe(documentParts(b).length);
        expect([d.added, d.removed, d.changed]).toEqual([kinds('added'), kinds('removed'), kinds('changed')]);
        // The same text never shows a change.
        if (a === b) expect(d.changes).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});

describe('word by word', () => {
  it('when one word is swapped, the pieces read in order with the same text (and punctuation) around them', () => {
    expect(wordChanges('Call the police on 999.', 'Call the police on 101.')).toEqual([
      { text: 'Call the police on ', change: 'same' },
      { text: '999', change: 'removed' },
      { text: '101', change: 'added' },
      { text: '.', change: 'same' },
    ]);
  });

  it('when the texts are the same, it is one unchanged piece; when one is empty, one added or removed piece', () => {
    expect(wordChanges('Level 2', 'Level 2')).toEqual([{ text: 'Level 2', change: 'same' }]);
    expect(wordChanges('', 'Level 2')).toEqual([{ text: 'Level 2', change: 'added' }]);
    expect(wordChanges('Level 2', '')).toEqual([{ text: 'Level 2', change: 'removed' }]);
  });
});
