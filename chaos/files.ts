/** @module files: hostile and ordinary documents, built in memory (zip bombs, lying zips, many-page PDFs, a long report). */
import { zipSync } from 'fflate';

const MB = 1024 * 1024;
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
const CONTENT_TYPES = `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;
const RELS = `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;

const encode = (text: string) => new TextEncoder().encode(text);

/** The three parts of a minimal .docx, with `padding` spaces (which deflate about 1000 times) before its paragraphs. */
function docxParts(paragraphs: string[], padding = 0): Record<string, Uint8Array> {
  const body = paragraphs.map((p) => `<w:p><w:r><w:t>${p}</w:t></w:r></w:p>`).join('');
  const head = encode(`${XML}<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>`);
  const tail = encode(`${body}</w:body></w:document>`);
  const document = new Uint8Array(head.length + padding + tail.length);
  document.set(head);
  document.fill(0x20, head.length, head.length + padding);
  document.set(tail, head.length + padding);
  return { '[Content_Types].xml': encode(CONTENT_TYPES), '_rels/.rels': encode(RELS), 'word/document.xml': document };
}

/** An ordinary .docx that mammoth reads. */
export const docx = (paragraphs: string[]) => zipSync(docxParts(paragraphs));

/** A .docx whose document.xml inflates to `inflatedMb` MB of XML (about 1000 times its compressed size). */
export const paddedDocx = (paragraphs: string[], inflatedMb: number) => zipSync(docxParts(paragraphs, inflatedMb * MB));

/** A .docx of `parts` tiny parts beside its document. */
export function manyPartsDocx(paragraphs: string[], parts: number): Uint8Array {
  const files = docxParts(paragraphs);
  for (let i = 0; i < parts; i++) files[`word/media/part-${i}.xml`] = encode('<x/>');
  return zipSync(files);
}

/** The zip with `name`'s uncompressed size rewritten in its local header and central directory: a zip that lies. */
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
  if (patched !== 2) throw new Error(`declareSize: found ${name} ${patched} times, expected a local header and a directory entry`);
  return out;
}

/** A PDF with one line of text on each of `pages` pages and a correct cross-reference table. */
export function pagedPdf(pages: number): Uint8Array {
  const objects = ['<< /Type /Catalog /Pages 2 0 R >>', '', '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'];
  const kids: string[] = [];
  for (let p = 1; p <= pages; p++) {
    const content = `BT /F1 12 Tf 72 720 Td (Page ${p} of the annual report) Tj ET`;
    kids.push(`${objects.length + 1} 0 R`);
    objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents ${objects.length + 2} 0 R /Resources << /Font << /F1 3 0 R >> >> >>`);
    objects.push(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
  }
  objects[1] = `<< /Type /Pages /Kids [${kids.join(' ')}] /Count ${pages} >>`;
  let out = '%PDF-1.4\n';
  const offsets = objects.map((body, i) => {
    const at = out.length;
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
    return at;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return encode(out);
}

/**
 * A long report: `lead` first, then numbered sections made of `filler` (other documents' text) until it holds about
 * `bytes` bytes of UTF-8. Each section is numbered, so no two reports built from different leads are the same file.
 */
export function longReport(lead: string, filler: string, bytes: number): string {
  const parts = [lead];
  let size = encode(lead).length;
  for (let n = 1; size < bytes; n++) {
    const section = `\n\n第${n}部分\n\n${filler}`;
    parts.push(section);
    size += encode(section).length;
  }
  return parts.join('');
}
