/** @module files: hostile and ordinary documents, built in memory (zip bombs, lying zips, many-page PDFs, a long report). */
import { zipSync } from 'fflate';

// The lying zip and the many-page PDF are the tests' own builders: one place makes each hostile file.
export { declareSize } from '../test/support/make-office-files.js';
export { pagedPdf } from '../test/support/make-files.js';

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
