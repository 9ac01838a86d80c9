import { strToU8, zipSync } from 'fflate';
import { isDateCell, startsLikeFormula } from '../../shared/tracker/compute.js';

/**
 * A minimal Office Open XML workbook writer: one sheet per table, inline strings, numbers as
 * numbers, a bold header row. Enough for board packs without a heavy spreadsheet library.
 *
 * Formula injection: text is written as inline strings, never as formulas, so opening the file
 * runs nothing. Text that looks like a formula (the same rule as the CSV guard) also gets a
 * quote-prefix style, Excel's own "typed with a leading apostrophe" flag, so it stays text when
 * someone edits the cell and presses Enter, and is shown exactly as it was written.
 */
export function buildXlsx(sheets: { name: string; header: string[]; rows: unknown[][] }[]): Uint8Array {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: XML 1.0 forbids these control characters, so they are removed
  const esc = (s: string) => s.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]!).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
  const col = (i: number): string => (i < 26 ? String.fromCharCode(65 + i) : col(Math.floor(i / 26) - 1) + String.fromCharCode(65 + (i % 26)));
  // Styles: 0 plain, 1 bold header, and the same two with the quote prefix (QUOTED + style).
  const QUOTED = 2;
  // Styles 4 and 5: a date (dd/mm/yyyy) and a date and time (dd/mm/yyyy hh:mm), stored as Excel's
  // day number (and fraction of a day) so they sort and filter as dates.
  const DATE = 4;
  const DATE_TIME = 5;
  const cell = (v: unknown, ref: string, style = 0) => {
    if (isDateCell(v)) {
      const [h = 0, m = 0] = (v.time ?? '00:00').split(':').map(Number);
      const serial = Date.parse(`${v.date}T00:00:00Z`) / 86_400_000 + 25_569 + (h * 60 + m) / 1440;
      return `<c r="${ref}" s="${v.time ? DATE_TIME : DATE}"><v>${Math.round(serial * 1e8) / 1e8}</v></c>`;
    }
    if (typeof v === 'number' && Number.isFinite(v)) return `<c r="${ref}"${style ? ` s="${style}"` : ''}><v>${v}</v></c>`;
    const s = v === null || v === undefined ? '' : String(v);
    const s2 = startsLikeFormula(s) ? style + QUOTED : style;
    return `<c r="${ref}" t="inlineStr"${s2 ? ` s="${s2}"` : ''}><is><t xml:space="preserve">${esc(s)}</t></is></c>`;
  };
  const sheetXml = (header: string[], rows: unknown[][]) =>
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><sheetData>` +
    [header, ...rows].map((r, ri) => `<row r="${ri + 1}">${r.map((v, ci) => cell(v, `${col(ci)}${ri + 1}`, ri === 0 ? 1 : 0)).join('')}</row>`).join('') +
    `</sheetData></worksheet>`;
  const names = sheets.map((s, i) => esc(s.name.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31)) || `Sheet${i + 1}`);
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')}</Types>`,
    ),
    '_rels/.rels': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    'xl/workbook.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${names.map((n, i) => `<sheet name="${n}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}<Relationship Id="rId${sheets.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
    ),
    'xl/styles.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="dd/mm/yyyy hh:mm"/></numFmts><fonts count="2"><font><sz val="11"/><name val="Arial"/></font><font><b/><sz val="11"/><name val="Arial"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="6"><xf fontId="0"/><xf fontId="1" applyFont="1"/><xf fontId="0" quotePrefix="1"/><xf fontId="1" applyFont="1" quotePrefix="1"/><xf fontId="0" numFmtId="164" applyNumberFormat="1"/><xf fontId="0" numFmtId="165" applyNumberFormat="1"/></cellXfs></styleSheet>`,
    ),
  };
  for (const [i, s] of sheets.entries()) files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(sheetXml(s.header, s.rows));
  return zipSync(files, { level: 6 });
}
