/** @module split-utf8: cuts text into pieces of at most N UTF-8 bytes, never inside a code point. */

export const utf8Length = (text: string) => new TextEncoder().encode(text).length;

export function splitUtf8(text: string, maxBytes: number): string[] {
  const pieces: string[] = [];
  let current = '';
  let bytes = 0;
  for (const ch of text) {
    const n = utf8Length(ch);
    if (bytes + n > maxBytes && current) {
      pieces.push(current);
      current = '';
      bytes = 0;
    }
    current += ch;
    bytes += n;
  }
  if (current) pieces.push(current);
  return pieces;
}
