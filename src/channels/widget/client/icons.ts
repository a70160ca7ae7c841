/** @module icons: the widget's icons as inline SVG, drawn in the text colour: no glyph depends on the visitor's fonts. */

const THUMB =
  'M1 21h4V9H1v12zm22-11c0-1.1-.9-2-2-2h-6.31l.95-4.57.03-.32c0-.41-.17-.79-.44-1.06L14.17 1 7.59 7.59C7.22 7.95 7 8.45 7 9v10c0 1.1.9 2 2 2h9c.83 0 1.54-.5 1.84-1.22l3.02-7.05c.09-.23.14-.47.14-.73v-2z';

const PATHS = {
  /** A speech bubble. */
  chat: '<path fill="currentColor" d="M3 4h18v12H10l-5 4v-4H3z"/>',
  close: '<path fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" d="M6 6l12 12M18 6L6 18"/>',
  back: '<path fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" d="M15 5l-7 7 7 7"/>',
  /** Thumbs up and down (Material Icons' thumb_up, Apache-2.0). */
  up: `<path fill="currentColor" d="${THUMB}"/>`,
  down: `<path fill="currentColor" transform="rotate(180 12 12)" d="${THUMB}"/>`,
} as const;

/** The SVG markup of an icon, hidden from screen readers (the button's label names it). */
export function icon(name: keyof typeof PATHS, size = name === 'chat' ? 28 : 16): string {
  return `<svg viewBox="0 0 24 24" width="${size}" height="${size}" aria-hidden="true" focusable="false">${PATHS[name]}</svg>`;
}
