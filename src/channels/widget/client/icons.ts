/** @module icons: the widget's icons as inline SVG, drawn in the text colour: no glyph depends on the visitor's fonts. */

const PATHS = {
  /** A speech bubble. */
  chat: '<path fill="currentColor" d="M3 4h18v12H10l-5 4v-4H3z"/>',
  close: '<path fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" d="M6 6l12 12M18 6L6 18"/>',
  back: '<path fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" d="M15 5l-7 7 7 7"/>',
} as const;

/** The SVG markup of an icon, hidden from screen readers (the button's label names it). */
export function icon(name: keyof typeof PATHS, size = name === 'chat' ? 28 : 16): string {
  return `<svg viewBox="0 0 24 24" width="${size}" height="${size}" aria-hidden="true" focusable="false">${PATHS[name]}</svg>`;
}
