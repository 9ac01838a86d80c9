/**
 * The report's text as the web page, the print page and the Word document all read it:
 * paragraphs separated by a blank line, lines starting "- " as bullets, and `[n]` as the marker of
 * source n. One reading, so the three never disagree about what the lead wrote.
 */

export type ReportInline = { kind: 'text'; text: string } | { kind: 'source'; n: number };
export type ReportBlock = { kind: 'paragraph'; inlines: ReportInline[] } | { kind: 'list'; items: ReportInline[][] };

const MARKER = /\[(\d{1,3})\]/g;

/** Text and source markers, in order. A marker with no such source stays text (`known`). */
export function readInline(text: string, known: (n: number) => boolean = () => true): ReportInline[] {
  const out: ReportInline[] = [];
  let at = 0;
  const push = (t: string) => {
    if (!t) return;
    const last = out.at(-1);
    if (last?.kind === 'text') last.text += t;
    else out.push({ kind: 'text', text: t });
  };
  for (const m of text.matchAll(MARKER)) {
    const n = Number(m[1]);
    push(text.slice(at, m.index));
    if (known(n)) out.push({ kind: 'source', n });
    else push(m[0]);
    at = m.index + m[0].length;
  }
  push(text.slice(at));
  return out;
}

/** The blocks of a section's text. */
export function readReportText(text: string, known?: (n: number) => boolean): ReportBlock[] {
  const blocks: ReportBlock[] = [];
  for (const chunk of text.replace(/\r\n?/g, '\n').split(/\n\s*\n/)) {
    const lines = chunk.split('\n').filter((l) => l.trim() !== '');
    if (lines.length === 0) continue;
    let para: string[] = [];
    let items: string[] = [];
    const flushPara = () => {
      if (para.length) blocks.push({ kind: 'paragraph', inlines: readInline(para.join(' '), known) });
      para = [];
    };
    const flushList = () => {
      const filled = items.filter((i) => i.trim() !== '');
      if (filled.length) blocks.push({ kind: 'list', items: filled.map((i) => readInline(i, known)) });
      items = [];
    };
    for (const line of lines) {
      const bullet = /^\s*[-*](?:\s+(.*))?$/.exec(line);
      if (bullet) {
        flushPara();
        items.push((bullet[1] ?? '').trim());
      } else if (items.length && /^\s{2,}\S/.test(line)) {
        // An indented line carries on the bullet above it.
        items[items.length - 1] += ` ${line.trim()}`;
      } else {
        flushList();
        para.push(line.trim());
      }
    }
    flushPara();
    flushList();
  }
  return blocks;
}

/** The source numbers a text refers to, in order of first use. */
export function markersIn(text: string): number[] {
  return [...new Set([...text.matchAll(MARKER)].map((m) => Number(m[1])))];
}
