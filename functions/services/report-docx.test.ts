import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { ReportSectionView, YearlyReportView } from '../../shared/reports/schema.js';
import { renderReportDocx } from './report-docx.js';

const PORTAL_URL = 'https://portal.example/p/mscp';

const section = (s: Pick<ReportSectionView, 'key' | 'heading' | 'text' | 'sources'>): ReportSectionView => ({
  ...s,
  edited: false,
  editedAt: null,
  editedByName: null,
});

const report = (sections: ReportSectionView[]): YearlyReportView => ({
  id: '2026-27-Q2',
  title: 'Medway Safeguarding Children Partnership: yearly report 2025 to 2026',
  firstPeriodId: '2025-26-Q3',
  lastPeriodId: '2026-27-Q2',
  start: '2025-10-01',
  end: '2026-09-30',
  periodIds: ['2025-26-Q3', '2025-26-Q4', '2026-27-Q1', '2026-27-Q2'],
  generatedAt: '2026-10-02T09:00:00.000Z',
  generatedByName: 'Sam Lead',
  // 2:05pm in London (British Summer Time), 1:05pm UTC.
  updatedAt: '2026-10-03T13:05:00.000Z',
  updatedByName: 'Jo Bloggs',
  version: 3,
  sections,
});

const WHAT_WE_DID = section({
  key: 'what-we-did',
  heading: 'What the safeguarding partners did',
  text: [
    'Every agency sent its return for 2026-27 Q1 [1]. Police & health <jointly> said “we met” £250 [2].',
    '',
    '- Milestone "Front door review": complete [2]',
    '- A figure with no source [9]',
  ].join('\n'),
  sources: [
    { n: 1, text: 'Returns for 2026-27 Q1: 6 of 6 accepted', path: '/returns/2026-27-Q1' },
    { n: 2, text: 'Milestone "Front door review": complete & signed', path: '/programme?tab=milestones&x=1' },
  ],
});

const IMPACT = section({
  key: 'impact',
  heading: 'Evidence of impact',
  text: 'Referrals fell by a fifth [1].',
  sources: [{ n: 1, text: 'Medway Council, 2026-27 Q1: 412 referrals', path: '/returns/2026-27-Q1/medway-council' }],
});

const NEXT_YEAR = section({
  key: 'next-year',
  heading: 'Plans for the next year',
  text: '- Publish the threshold document\n- Open the multi-agency front door',
  sources: [],
});

const decode = (s: string) => s.replace(/&lt;|&gt;|&quot;|&apos;|&amp;/g, (e) => ({ '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'", '&amp;': '&' })[e]!);

/** A paragraph as read back: its style, whether it is a list item, and its text with each footnote reference as `^id`. */
interface ReadParagraph {
  style: string | null;
  bullet: boolean;
  text: string;
  footnoteIds: number[];
}

function paragraphs(xml: string): ReadParagraph[] {
  return [...xml.matchAll(/<w:p\b[^>]*>([\s\S]*?)<\/w:p>/g)].map(([, inner]) => {
    const footnoteIds: number[] = [];
    const text = [...inner!.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:footnoteReference w:id="(\d+)"\/>/g)]
      .map((m) => {
        if (m[2] === undefined) return decode(m[1]!);
        footnoteIds.push(Number(m[2]));
        return `^${m[2]}`;
      })
      .join('');
    return { style: /<w:pStyle w:val="([^"]+)"\/>/.exec(inner!)?.[1] ?? null, bullet: /<w:numPr>/.test(inner!), text, footnoteIds };
  });
}

/** The document's parts that the tests read: the body's paragraphs, the footnotes (text and link) by id, and the raw XML. */
async function render(r: YearlyReportView) {
  const bytes = await renderReportDocx(r, { portalUrl: PORTAL_URL });
  expect(bytes).toBeInstanceOf(Uint8Array);
  const files = unzipSync(bytes);
  const part = (name: string) => (files[name] ? strFromU8(files[name]) : '');
  const documentXml = part('word/document.xml');
  const footnotesXml = part('word/footnotes.xml');
  const links = new Map(
    [...part('word/_rels/footnotes.xml.rels').matchAll(/<Relationship Id="([^"]+)"[^>]*Target="([^"]+)"[^>]*TargetMode="External"/g)].map((m) => [m[1]!, decode(m[2]!)]),
  );
  const footnotes = new Map(
    [...footnotesXml.matchAll(/<w:footnote\b([^>]*)>([\s\S]*?)<\/w:footnote>/g)]
      .filter(([, attrs]) => !/w:type=/.test(attrs!))
      .map(([, attrs, inner]) => {
        const id = Number(/w:id="(-?\d+)"/.exec(attrs!)![1]);
        const [p] = paragraphs(inner!);
        const linkId = /<w:hyperlink [^>]*r:id="([^"]+)"/.exec(inner!)?.[1];
        return [id, { style: p!.style, text: p!.text, link: linkId ? links.get(linkId) : undefined }] as const;
      }),
  );
  return { body: paragraphs(documentXml), footnotes, documentXml, part, names: Object.keys(files) };
}

describe('renderReportDocx', () => {
  it('when rendered, it opens with the title in the Title style, the window in UK long dates, and who last changed it when (UK time)', async () => {
    const { body } = await render(report([WHAT_WE_DID]));
    expect(body.slice(0, 3)).toEqual([
      { style: 'Title', bullet: false, text: 'Medway Safeguarding Children Partnership: yearly report 2025 to 2026', footnoteIds: [] },
      { style: null, bullet: false, text: 'Covers 1 October 2025 to 30 September 2026', footnoteIds: [] },
      { style: null, bullet: false, text: 'Draft from the Partnership Reform Portal, last changed 3 October 2026 at 2:05pm by Jo Bloggs', footnoteIds: [] },
    ]);
  });

  it('when rendered, each section is a Heading 1 followed by its paragraphs and bulleted list items, in order', async () => {
    const { body } = await render(report([WHAT_WE_DID, IMPACT, NEXT_YEAR]));
    const plain = body.slice(3).map(({ style, bullet, text }) => ({ style, bullet, text: text.replace(/\^\d+/g, '^') }));
    expect(plain).toEqual([
      { style: 'Heading1', bullet: false, text: 'What the safeguarding partners did' },
      { style: null, bullet: false, text: 'Every agency sent its return for 2026-27 Q1^. Police & health <jointly> said “we met” £250^.' },
      { style: 'ListParagraph', bullet: true, text: 'Milestone "Front door review": complete^' },
      { style: 'ListParagraph', bullet: true, text: 'A figure with no source [9]' },
      { style: 'Heading1', bullet: false, text: 'Evidence of impact' },
      { style: null, bullet: false, text: 'Referrals fell by a fifth^.' },
      { style: 'Heading1', bullet: false, text: 'Plans for the next year' },
      { style: 'ListParagraph', bullet: true, text: 'Publish the threshold document' },
      { style: 'ListParagraph', bullet: true, text: 'Open the multi-agency front door' },
    ]);
  });

  it('when rendered, the headings carry outline level 0 so the navigation pane and PDF bookmarks list them', async () => {
    const { part } = await render(report([WHAT_WE_DID]));
    const heading1 = /<w:style [^>]*w:styleId="Heading1"[^>]*>([\s\S]*?)<\/w:style>/.exec(part('word/styles.xml'))?.[1] ?? '';
    expect(heading1).toContain('<w:outlineLvl w:val="0"/>');
  });

  it('when a marker names a source, it becomes a footnote with the source’s words and a link to the record, each marker its own footnote with an id unique in the document', async () => {
    const { body, footnotes } = await render(report([WHAT_WE_DID, IMPACT]));
    const ids = body.flatMap((p) => p.footnoteIds);
    // [1] and [2] in the first paragraph, [2] again in the list, [1] of the second section.
    expect(ids).toHaveLength(4);
    expect(new Set(ids).size).toBe(4);
    expect([...footnotes.keys()].sort((a, b) => a - b)).toEqual([...ids].sort((a, b) => a - b));
    const [a, b, c, d] = ids.map((id) => footnotes.get(id)!);
    expect(a).toEqual({
      style: 'FootnoteText',
      // The footnote's number, then a space, then the source's words and the record's address.
      text: ` Returns for 2026-27 Q1: 6 of 6 accepted. ${PORTAL_URL}/returns/2026-27-Q1`,
      link: `${PORTAL_URL}/returns/2026-27-Q1`,
    });
    expect(b).toMatchObject({
      text: ` Milestone "Front door review": complete & signed. ${PORTAL_URL}/programme?tab=milestones&x=1`,
      link: `${PORTAL_URL}/programme?tab=milestones&x=1`,
    });
    expect(c).toEqual(b);
    // Sources restart at 1 in each section: the second section's [1] is its own source.
    expect(d).toMatchObject({ text: expect.stringMatching(/^ Medway Council, 2026-27 Q1: 412 referrals\. /), link: `${PORTAL_URL}/returns/2026-27-Q1/medway-council` });
  });

  it('when markers follow words or each other, each footnote number sits against the word before it, and two numbers are parted by a raised comma', async () => {
    const both = section({
      key: 'reviews',
      heading: 'Reviews',
      text: 'One review closed [1]. Two agreed [1] [2] and three [1][2][3].',
      sources: [1, 2, 3].map((n) => ({ n, text: `Source ${n}`, path: `/s/${n}` })),
    });
    const { body, documentXml } = await render(report([both]));
    expect(body[4]!.text.replace(/\^\d+/g, '^')).toBe('One review closed^. Two agreed^,^ and three^,^,^.');
    expect(documentXml).toContain('<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:t xml:space="preserve">,</w:t></w:r>');
  });

  it('when a marker names no source of its section, it stays as the text [n] with no footnote', async () => {
    const { body, documentXml } = await render(report([WHAT_WE_DID]));
    expect(body.find((p) => p.text.includes('no source'))).toEqual({ style: 'ListParagraph', bullet: true, text: 'A figure with no source [9]', footnoteIds: [] });
    expect(documentXml).toContain('>A figure with no source [9]</w:t>');
  });

  it('when the text has & < > “ ” £, they are escaped in the XML and read back unchanged', async () => {
    const { documentXml, part } = await render(report([WHAT_WE_DID]));
    expect(documentXml).toContain('Police &amp; health &lt;jointly&gt; said “we met” £250');
    expect(part('word/footnotes.xml')).toContain('complete &amp; signed');
    expect(part('word/_rels/footnotes.xml.rels')).toContain(`Target="${PORTAL_URL}/programme?tab=milestones&amp;x=1"`);
  });

  it('when the text holds characters XML 1.0 forbids, they are left out and the rest is kept', async () => {
    const odd = section({ key: 'feedback', heading: 'Feedback\uFFFF', text: 'Young people said\u0001 “listen”\uD83D \uD83D\uDE00', sources: [] });
    const { body } = await render(report([odd]));
    expect(body.slice(3).map((p) => p.text)).toEqual(['Feedback', 'Young people said “listen” \uD83D\uDE00']);
  });

  it('when rendered, the document properties give the title and the portal as creator, and the text is British English in Arial with no images', async () => {
    const { part, names } = await render(report([WHAT_WE_DID]));
    const core = part('docProps/core.xml');
    expect(core).toContain('<dc:title>Medway Safeguarding Children Partnership: yearly report 2025 to 2026</dc:title>');
    expect(core).toContain('<dc:creator>Partnership Reform Portal</dc:creator>');
    const defaults = /<w:docDefaults>([\s\S]*?)<\/w:docDefaults>/.exec(part('word/styles.xml'))?.[1] ?? '';
    expect(defaults).toContain('<w:lang w:val="en-GB"/>');
    expect(defaults).toMatch(/<w:rFonts w:ascii="Arial"/);
    expect(names.filter((f) => f.startsWith('word/media/'))).toEqual([]);
  });

  it('when the report has no sources and a section of only bullets, it renders the bullets and no footnotes', async () => {
    const { body, footnotes, documentXml } = await render(report([NEXT_YEAR]));
    expect(body.slice(3)).toEqual([
      { style: 'Heading1', bullet: false, text: 'Plans for the next year', footnoteIds: [] },
      { style: 'ListParagraph', bullet: true, text: 'Publish the threshold document', footnoteIds: [] },
      { style: 'ListParagraph', bullet: true, text: 'Open the multi-agency front door', footnoteIds: [] },
    ]);
    expect(footnotes.size).toBe(0);
    expect(documentXml).not.toContain('w:footnoteReference');
  });

  it('when the change was made at noon or on the hour in winter, the time reads as GOV.UK writes it', async () => {
    const line = async (updatedAt: string) => (await render({ ...report([]), updatedAt })).body[2]!.text;
    expect(await line('2026-01-15T12:00:00.000Z')).toBe('Draft from the Partnership Reform Portal, last changed 15 January 2026 at midday by Jo Bloggs');
    expect(await line('2026-01-15T17:00:00.000Z')).toBe('Draft from the Partnership Reform Portal, last changed 15 January 2026 at 5pm by Jo Bloggs');
    // 00:30 UTC on 1 July is 1:30am in London, and still 1 July.
    expect(await line('2026-07-01T00:30:00.000Z')).toBe('Draft from the Partnership Reform Portal, last changed 1 July 2026 at 1:30am by Jo Bloggs');
  });
});
