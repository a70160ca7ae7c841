/** @module parse-pptx: a slide deck as text, slide by slide: "第N页：title", then the slide's text and table rows in reading order. */
import { openOoxmlPackage, relationshipId, type OoxmlPackage } from './parse-ooxml-package.js';
import { parseBudget, type ParseBudget, type ParseLimits } from './parse-limits.js';
import { cellText, tableLines } from './parse-table-rows.js';
import type { ParsedDocument } from '../../core/types.js';
import { joinPages } from '../../core/ingest/join-pages.js';
import { coreProperties } from './parse-core-properties.js';

const SLIDE = /\/slide$/;
const TITLE_PLACEHOLDERS = new Set(['title', 'ctrTitle']);
/** Placeholders repeated on every slide (number, date, footer): not the slide's own text. */
const CLUTTER_PLACEHOLDERS = new Set(['sldNum', 'dt', 'ftr', 'hdr']);
/** Elements that hold one block of a slide's text: a shape, a table or chart frame, a group of shapes. */
const BLOCKS = new Set(['sp', 'graphicFrame', 'grpSp']);

interface Block {
  title: boolean;
  clutter: boolean;
  /** The top-left corner, when the slide gives it (a placeholder may take it from its layout instead). */
  at?: { x: number; y: number };
  lines: string[];
}

/**
 * Slides apart by a blank line, each slide's start kept; a slide without text is left out, and the others keep their
 * number. Title and date from the package's core properties.
 */
export async function pptxText(source: string, bytes: Uint8Array, limits: ParseLimits): Promise<ParsedDocument> {
  const budget = parseBudget(source, limits);
  const pkg = await openOoxmlPackage(source, bytes, limits, budget);
  const main = await pkg.mainPart();
  const rels = await pkg.relationships(main);
  const order: string[] = [];
  await pkg.read(main, {
    open(name, a) {
      if (name === 'sldId') order.push(relationshipId(a) ?? '');
    },
  });
  const slides: { number: number; text: string }[] = [];
  for (const [i, id] of order.entries()) {
    const rel = rels.get(id);
    if (!rel || !SLIDE.test(rel.type) || !pkg.has(rel.target)) continue;
    const text = slideText(i + 1, await readSlide(pkg, rel.target, budget));
    if (text) slides.push({ number: i + 1, text });
  }
  return { ...joinPages(slides), ...(await coreProperties(pkg)) };
}

function slideText(number: number, blocks: Block[]): string | undefined {
  const kept = blocks.filter((b) => !b.clutter && b.lines.length > 0);
  const title = kept.filter((b) => b.title).flatMap((b) => b.lines).join(' ');
  const body = kept.filter((b) => !b.title);
  // Shapes are stored in drawing order, usually the order they were added; their position is the better guide when
  // every one of them has its own.
  if (body.every((b) => b.at)) body.sort((a, b) => a.at!.y - b.at!.y || a.at!.x - b.at!.x);
  const lines = body.flatMap((b) => b.lines);
  if (!title && lines.length === 0) return undefined;
  return [title ? `第${number}页：${title}` : `第${number}页`, ...lines].join('\n');
}

/** The slide's blocks in drawing order; a table's rows come out as "header：value；…。" lines. */
async function readSlide(pkg: OoxmlPackage, part: string, budget: ParseBudget): Promise<Block[]> {
  const blocks: Block[] = [];
  let block: Block | undefined;
  let depth = 0;
  let fallback = 0;
  let paragraph: string | undefined;
  let inText = false;
  let table: Map<number, string>[] | undefined;
  let cell: { column: number; lines: string[]; merged: 'left' | 'up' | undefined } | undefined;
  let column = 0;
  const addLine = (line: string) => {
    budget.spend(line.length);
    block!.lines.push(line);
  };
  await pkg.read(part, {
    open(name, a) {
      // Alternate content carries the same text twice: the preferred choice and a fallback for older readers.
      if (name === 'Fallback') fallback++;
      if (fallback > 0) return;
      if (BLOCKS.has(name)) {
        if (depth++ === 0) blocks.push((block = { title: false, clutter: false, lines: [] }));
        return;
      }
      if (!block) return;
      if (name === 'off' && !block.at) block.at = { x: Number(a.x ?? 0), y: Number(a.y ?? 0) };
      else if (name === 'ph') {
        block.title ||= TITLE_PLACEHOLDERS.has(a.type ?? '');
        block.clutter ||= CLUTTER_PLACEHOLDERS.has(a.type ?? '');
      } else if (name === 'tbl') table = [];
      else if (name === 'tr' && table) {
        table.push(new Map());
        column = 0;
      } else if (name === 'tc' && table) {
        cell = { column: column++, lines: [], merged: a.hMerge === '1' ? 'left' : a.vMerge === '1' ? 'up' : undefined };
      } else if (name === 'p') paragraph = '';
      else if (name === 't' && paragraph !== undefined) inText = true;
      else if (name === 'br' && paragraph !== undefined) paragraph += '\n';
    },
    text(text) {
      if (inText && fallback === 0) paragraph += text;
    },
    close(name) {
      if (name === 'Fallback') fallback--;
      if (fallback > 0 || !block) return;
      if (BLOCKS.has(name)) {
        if (--depth === 0) block = undefined;
      } else if (name === 't') inText = false;
      else if (name === 'p' && paragraph !== undefined) {
        const lines = paragraph.split('\n').map(cellText).filter(Boolean);
        if (cell) cell.lines.push(...lines);
        else for (const line of lines) addLine(line);
        paragraph = undefined;
      } else if (name === 'tc' && cell && table) {
        const row = table[table.length - 1];
        const merged = cell.merged === 'left' ? row.get(cell.column - 1) : cell.merged === 'up' ? table[table.length - 2]?.get(cell.column) : undefined;
        const value = merged ?? cellText(cell.lines.join(' '));
        if (value) row.set(cell.column, value);
        cell = undefined;
      } else if (name === 'tbl' && table) {
        for (const line of tableLines(table, (chars) => budget.spend(chars))) block.lines.push(line);
        table = undefined;
      }
    },
  });
  return blocks;
}
