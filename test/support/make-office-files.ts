/** Builds .xlsx and .pptx files for parser tests: the parts Excel and PowerPoint write, zipped with fflate; .docx tables with docx. */
import { expect } from 'vitest';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { Document, Packer, Paragraph, Table, TableCell, TableRow, VerticalMergeType } from 'docx';
import { pdfOf } from './make-files.js';

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function rels(items: { id: string; type: string; target: string }[]): string {
  return `${XML}<Relationships xmlns="${PKG_REL}">${items.map((r) => `<Relationship Id="${r.id}" Type="${REL}/${r.type}" Target="${r.target}"/>`).join('')}</Relationships>`;
}

/** A number stored raw (`v`) and shown through a format: a built-in id or a custom pattern. */
export interface NumberCell {
  v: string;
  format: number | string;
}
export type XlsxCell = string | number | NumberCell | null | { inline: string } | { bool: boolean } | { formula: string; result: string };

export interface XlsxSheet {
  name: string;
  rows: XlsxCell[][];
  merges?: string[];
  state?: 'hidden';
}

const columnName = (c: number): string => (c < 26 ? String.fromCharCode(65 + c) : columnName(Math.floor(c / 26) - 1) + columnName(c % 26));

/** A workbook the way Excel stores it: shared strings, a styles part with number formats, merged cells after the data. */
export function makeXlsx(sheets: XlsxSheet[], options: { date1904?: boolean; phonetic?: boolean } = {}): Uint8Array {
  const strings: string[] = [];
  const stringIndex = (s: string) => (strings.includes(s) ? strings.indexOf(s) : strings.push(s) - 1);
  const customFormats: string[] = [];
  const styles: number[] = [0];
  const styleOf = (format: number | string) => {
    const id = typeof format === 'number' ? format : 164 + (customFormats.includes(format) ? customFormats.indexOf(format) : customFormats.push(format) - 1);
    return styles.includes(id) ? styles.indexOf(id) : styles.push(id) - 1;
  };
  const files: Zippable = {};
  sheets.forEach((sheet, i) => {
    const rows = sheet.rows
      .map((cells, r) => {
        const xml = cells
          .map((cell, c) => {
            const ref = `${columnName(c)}${r + 1}`;
            if (cell === null) return `<c r="${ref}" s="0"/>`;
            if (typeof cell === 'string') return `<c r="${ref}" t="s"><v>${stringIndex(cell)}</v></c>`;
            if (typeof cell === 'number') return `<c r="${ref}"><v>${cell}</v></c>`;
            if ('inline' in cell) return `<c r="${ref}" t="inlineStr"><is><t>${escape(cell.inline)}</t></is></c>`;
            if ('bool' in cell) return `<c r="${ref}" t="b"><v>${cell.bool ? 1 : 0}</v></c>`;
            if ('formula' in cell) return `<c r="${ref}" t="str"><f>${escape(cell.formula)}</f><v>${escape(cell.result)}</v></c>`;
            return `<c r="${ref}" s="${styleOf(cell.format)}"><v>${cell.v}</v></c>`;
          })
          .join('');
        return `<row r="${r + 1}">${xml}</row>`;
      })
      .join('');
    const merges = sheet.merges?.length ? `<mergeCells count="${sheet.merges.length}">${sheet.merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>` : '';
    files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(
      `${XML}<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL}"><sheetData>${rows}</sheetData>${merges}</worksheet>`,
    );
  });
  const phonetic = options.phonetic ? '<rPh sb="0" eb="1"><t>ふりがな</t></rPh>' : '';
  files['xl/sharedStrings.xml'] = strToU8(
    `${XML}<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${strings.length}" uniqueCount="${strings.length}">${strings.map((s) => `<si><t xml:space="preserve">${escape(s)}</t>${phonetic}</si>`).join('')}</sst>`,
  );
  files['xl/styles.xml'] = strToU8(
    `${XML}<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="${customFormats.length}">${customFormats.map((f, i) => `<numFmt numFmtId="${164 + i}" formatCode="${escape(f)}"/>`).join('')}</numFmts><cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs><cellXfs count="${styles.length}">${styles.map((id) => `<xf numFmtId="${id}" applyNumberFormat="1"/>`).join('')}</cellXfs></styleSheet>`,
  );
  files['xl/workbook.xml'] = strToU8(
    `${XML}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL}"><workbookPr${options.date1904 ? ' date1904="1"' : ''}/><sheets>${sheets.map((s, i) => `<sheet name="${escape(s.name)}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`,
  );
  files['xl/_rels/workbook.xml.rels'] = strToU8(
    rels([
      ...sheets.map((_, i) => ({ id: `rId${i + 1}`, type: 'worksheet', target: `worksheets/sheet${i + 1}.xml` })),
      { id: 'rIdS', type: 'sharedStrings', target: 'sharedStrings.xml' },
      { id: 'rIdT', type: 'styles', target: '/xl/styles.xml' },
    ]),
  );
  files['_rels/.rels'] = strToU8(rels([{ id: 'rId1', type: 'officeDocument', target: 'xl/workbook.xml' }]));
  files['[Content_Types].xml'] = strToU8(`${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`);
  return zipSync(files);
}

export interface PptxShape {
  /** A placeholder type (`title`, `ctrTitle`, `body`, `sldNum`…), or none for a text box. */
  placeholder?: string;
  paragraphs?: string[];
  /** Where the slide puts it, in EMU; placeholders usually take it from their layout. */
  at?: { x: number; y: number };
  table?: string[][];
}

/** A deck the way PowerPoint stores it; slides are listed in `sldIdLst` in the given order but stored under shuffled part names. */
export function makePptx(slides: PptxShape[][]): Uint8Array {
  const files: Zippable = {};
  const paragraphs = (ps: string[]) => ps.map((p) => `<a:p><a:r><a:rPr lang="zh-CN"/><a:t>${escape(p)}</a:t></a:r></a:p>`).join('');
  const place = (at?: { x: number; y: number }) => (at ? `<a:off x="${at.x}" y="${at.y}"/><a:ext cx="100" cy="100"/>` : '');
  slides.forEach((shapes, i) => {
    const tree = shapes
      .map((s, n) => {
        if (s.table) {
          const rows = s.table.map((r) => `<a:tr h="370840">${r.map((c) => `<a:tc><a:txBody><a:bodyPr/>${paragraphs([c])}</a:txBody></a:tc>`).join('')}</a:tr>`).join('');
          return `<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id="${n + 2}" name="表格"/><p:cNvGraphicFramePr/><p:nvPr/></p:nvGraphicFramePr><p:xfrm>${place(s.at)}</p:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/table"><a:tbl>${rows}</a:tbl></a:graphicData></a:graphic></p:graphicFrame>`;
        }
        const ph = s.placeholder ? `<p:ph type="${s.placeholder}"/>` : '';
        return `<p:sp><p:nvSpPr><p:cNvPr id="${n + 2}" name="shape"/><p:cNvSpPr/><p:nvPr>${ph}</p:nvPr></p:nvSpPr><p:spPr>${s.at ? `<a:xfrm>${place(s.at)}</a:xfrm>` : ''}</p:spPr><p:txBody><a:bodyPr/>${paragraphs(s.paragraphs ?? [])}</p:txBody></p:sp>`;
      })
      .join('');
    // Stored in reverse, so that only the presentation's list gives the order.
    files[`ppt/slides/slide${slides.length - i}.xml`] = strToU8(
      `${XML}<p:sld xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${REL}" xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"><p:cSld><p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/>${tree}</p:spTree></p:cSld></p:sld>`,
    );
  });
  files['ppt/presentation.xml'] = strToU8(
    `${XML}<p:presentation xmlns:r="${REL}" xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"><p:sldIdLst>${slides.map((_, i) => `<p:sldId id="${256 + i}" r:id="rId${i + 1}"/>`).join('')}</p:sldIdLst></p:presentation>`,
  );
  files['ppt/_rels/presentation.xml.rels'] = strToU8(rels(slides.map((_, i) => ({ id: `rId${i + 1}`, type: 'slide', target: `slides/slide${slides.length - i}.xml` }))));
  files['_rels/.rels'] = strToU8(rels([{ id: 'rId1', type: 'officeDocument', target: 'ppt/presentation.xml' }]));
  files['[Content_Types].xml'] = strToU8(`${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`);
  return zipSync(files);
}

/** A .docx with a heading, a paragraph and a table; `merged` rows span the first column down from the row above. */
export async function makeDocxWithTable(title: string, paragraph: string, table: string[][], merged: number[] = []): Promise<Uint8Array> {
  const rows = table.map(
    (cells, r) =>
      new TableRow({
        tableHeader: r === 0,
        children: cells.map(
          (text, c) =>
            new TableCell({
              children: [new Paragraph(text)],
              ...(c === 0 && merged.includes(r) ? { verticalMerge: VerticalMergeType.CONTINUE } : {}),
              ...(c === 0 && merged.includes(r + 1) && !merged.includes(r) ? { verticalMerge: VerticalMergeType.RESTART } : {}),
            }),
        ),
      }),
  );
  const doc = new Document({ sections: [{ children: [new Paragraph({ text: title, heading: 'Heading1' }), new Paragraph(paragraph), new Table({ rows })] }] });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/** The zip with `name`'s uncompressed size rewritten in its local header and central directory (a lying zip). */
export function declareSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const out = Buffer.from(zip);
  const wanted = Buffer.from(name);
  const named = (at: number) => out.subarray(at, at + wanted.length).equals(wanted);
  let patched = 0;
  for (let i = 0; i + 46 < out.length; i++) {
    const signature = out.readUInt32LE(i);
    if (signature === 0x04034b50 && out.readUInt16LE(i + 26) === wanted.length && named(i + 30)) out.writeUInt32LE(size, i + 22), patched++;
    if (signature === 0x02014b50 && out.readUInt16LE(i + 28) === wanted.length && named(i + 46)) out.writeUInt32LE(size, i + 24), patched++;
  }
  expect(patched).toBe(2);
  return out;
}

/**
 * A one-page PDF whose text is drawn in one-byte codes that the font's ToUnicode map sends to the characters of
 * `text` (which may be Kangxi radicals, as some PDF producers emit for CJK glyphs); at most 95 distinct characters.
 */
export function makeMappedPdf(text: string): Uint8Array {
  return makeMappedPdfPages([text]);
}

/**
 * A PDF with one line of mapped text (see makeMappedPdf) on each page, and document information (`/Title` as UTF-16,
 * `/CreationDate` as D:YYYYMMDD…) when given.
 */
export function makeMappedPdfPages(pages: string[], info: { title?: string; created?: string } = {}): Uint8Array {
  const chars = [...new Set(pages.join(''))];
  const code = (ch: string) => 0x21 + chars.indexOf(ch);
  const hex = (n: number, width: number) => n.toString(16).toUpperCase().padStart(width, '0');
  const utf16 = (ch: string) => Array.from({ length: ch.length }, (_, i) => hex(ch.charCodeAt(i), 4)).join('');
  const map = chars.map((ch) => `<${hex(code(ch), 2)}> <${utf16(ch)}>`).join(' ');
  const cmap = `/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Mapped def 1 begincodespacerange <00> <FF> endcodespacerange ${chars.length} beginbfchar ${map} endbfchar endcmap CMapName currentdict /CMap defineresource pop end end`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 4 0 R >>',
    `<< /Length ${cmap.length} >>\nstream\n${cmap}\nendstream`,
  ];
  const kids: string[] = [];
  for (const text of pages) {
    const content = `BT /F1 12 Tf 72 720 Td <${[...text].map((ch) => hex(code(ch), 2)).join('')}> Tj ET`;
    kids.push(`${objects.length + 1} 0 R`);
    objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents ${objects.length + 2} 0 R /Resources << /Font << /F1 3 0 R >> >> >>`);
    objects.push(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
  }
  objects[1] = `<< /Type /Pages /Kids [${kids.join(' ')}] /Count ${pages.length} >>`;
  if (!info.title && !info.created) return pdfOf(objects);
  const title = info.title ? `/Title <FEFF${[...info.title].map(utf16).join('')}>` : '';
  const created = info.created ? `/CreationDate (${info.created})` : '';
  objects.push(`<< ${title} ${created} >>`);
  return pdfOf(objects, `/Info ${objects.length} 0 R`);
}
