import type { Paragraph, ParagraphChild } from 'docx';
import { formatDayLong } from '../../shared/periods/period.js';
import { formatDateTime } from '../../shared/text/date-time.js';
import type { ReportSource, YearlyReportView } from '../../shared/reports/schema.js';
import { type ReportInline, readReportText } from '../../shared/reports/text.js';

/*
 * The yearly report as a Word document that the lead edits and publishes. What makes it usable,
 * not just readable:
 * - real styles (Title, Heading 1, bulleted lists), so Word's navigation pane, its accessibility
 *   checker, a screen reader and "Save as PDF" (tagged headings, bookmarks) all see the structure;
 * - each source marker becomes a Word footnote naming the record, with a link to its page in the
 *   portal, so the figures stay traceable after the text leaves the portal;
 * - Arial, 12pt, British English for the spelling checker and screen readers, no images.
 */

const PORTAL = 'Partnership Reform Portal';
const FONT = 'Arial';
/** Half-points: 12pt body, as GOV.UK's guidance on accessible documents asks for at least. */
const BODY_SIZE = 24;

/**
 * The yearly report as a .docx file: title, the window it covers and when it was last changed,
 * then each section as a Heading 1 and its paragraphs and bulleted lists, with every `[n]` that
 * names one of the section's sources as a footnote (the source's words and a link to the record).
 * A marker with no such source stays as the text `[n]`, as on the web page.
 *
 * @param report The report as the API returns it.
 * @param opts.portalUrl The partnership's address in the portal (e.g. `https://portal.example/p/mscp`),
 *   to which each source's path is appended for its link.
 * @returns The bytes of the document.
 */
export async function renderReportDocx(report: YearlyReportView, opts: { portalUrl: string }): Promise<Uint8Array> {
  // docx is about 1 MB of code that only this download uses: imported here, on first use, so the
  // Lambda bundle makes it a chunk of its own instead of code every cold start reads.
  const { Document, ExternalHyperlink, FootnoteReferenceRun, HeadingLevel, Packer, Paragraph, TextRun } = await import('docx');

  const footnotes: Record<number, { children: Paragraph[] }> = {};
  let lastFootnoteId = 0;
  // One footnote per marker, not per source: the draft cites the same record twice in a section
  // with the same [n], and Word reports a document whose footnote is referenced twice as damaged
  // (dolanmiu/docx#1554). Ids count up across the whole document, as the sources restart at 1 in
  // each section.
  const footnoteFor = (source: ReportSource) => {
    const id = ++lastFootnoteId;
    const url = `${opts.portalUrl}${source.path}`;
    const text = clean(source.text).trimEnd();
    footnotes[id] = {
      children: [
        new Paragraph({
          style: 'FootnoteText',
          children: [
            // A space after the footnote's number, as Word puts one ("¹ Returns for ...").
            new TextRun(/[.!?:;]$/.test(text) ? ` ${text} ` : ` ${text}. `),
            // The address itself as the link's text: the report is printed and sent as a PDF, where
            // a reader needs the address, not words that only a click would explain.
            new ExternalHyperlink({ link: url, children: [new TextRun({ text: url, style: 'Hyperlink' })] }),
          ],
        }),
      ],
    };
    return new FootnoteReferenceRun(id);
  };

  // A comma between two footnote numbers, raised like them, so that ¹,² never reads as 12.
  const noteSeparator = () => new TextRun({ text: ',', style: 'FootnoteReference' });
  const runs = (inlines: ReportInline[], sources: ReadonlyMap<number, ReportSource>): ParagraphChild[] =>
    inlines.flatMap((inline, i) => {
      const before = inlines[i - 1];
      const after = inlines[i + 1];
      if (inline.kind === 'source') {
        const source = sources.get(inline.n);
        const reference = source ? footnoteFor(source) : new TextRun(`[${inline.n}]`);
        return before?.kind === 'source' ? [noteSeparator(), reference] : [reference];
      }
      if (after?.kind !== 'source') return [new TextRun(clean(inline.text))];
      // The text has a space before each [n]; a footnote's number sits against the word it
      // follows, as Word places it ("in 2026¹.").
      const trimmed = inline.text.trimEnd();
      if (trimmed) return [new TextRun(clean(trimmed))];
      return before?.kind === 'source' ? [noteSeparator()] : [];
    });

  const body: Paragraph[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(clean(report.title))] }),
    new Paragraph(`Covers ${formatDayLong(report.start)} to ${formatDayLong(report.end)}`),
    new Paragraph(`Draft from the ${PORTAL}, last changed ${formatDateTime(report.updatedAt)} by ${clean(report.updatedByName)}`),
  ];
  for (const section of report.sections) {
    const sources = new Map(section.sources.map((s) => [s.n, s]));
    body.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(clean(section.heading))] }));
    for (const block of readReportText(section.text, (n) => sources.has(n))) {
      if (block.kind === 'paragraph') body.push(new Paragraph({ children: runs(block.inlines, sources) }));
      else for (const item of block.items) body.push(new Paragraph({ bullet: { level: 0 }, children: runs(item, sources) }));
    }
  }

  const doc = new Document({
    title: clean(report.title),
    creator: PORTAL,
    // docx writes "Un-named" when this is left out.
    lastModifiedBy: PORTAL,
    // Word's Headings and Body theme fonts, so text a user adds in a theme font is Arial too.
    theme: { fonts: { headings: FONT, body: FONT } },
    styles: {
      default: {
        // docx has no option for the package's dc:language; the language of the text (w:lang) is
        // what Word's spelling checker and screen readers use.
        document: { run: { font: FONT, size: BODY_SIZE, language: { value: 'en-GB' } }, paragraph: { spacing: { after: 160, line: 276 } } },
        title: { run: { font: FONT, size: 48, bold: true, color: '000000' }, paragraph: { spacing: { after: 240 } } },
        // docx's Heading 1 has no outline level: without one, Word's navigation pane and the PDF's
        // bookmarks may leave the headings out.
        heading1: {
          run: { font: FONT, size: 32, bold: true, color: '000000' },
          paragraph: { outlineLevel: 0, keepNext: true, keepLines: true, spacing: { before: 360, after: 120 } },
        },
        // Items of one list sit close together, as Word's own List Paragraph does.
        listParagraph: { paragraph: { contextualSpacing: true } },
      },
    },
    footnotes,
    sections: [{ children: body }],
  });
  return Packer.pack(doc, 'uint8array');
}

/**
 * Text as XML 1.0 allows it. docx drops the control characters but not U+FFFE, U+FFFF or a lone
 * surrogate (from text cut in the middle of an emoji), and one of them makes Word refuse the file.
 */
const clean = (text: string) => text.replace(/[\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '');
