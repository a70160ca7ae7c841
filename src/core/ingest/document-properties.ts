/**
 * @module document-properties: which titles and dates from a file's properties (docx, pptx, PDF) are worth showing.
 * Tools fill them with what they had at hand — "Microsoft Word - 报告.docx", "幻灯片 1", a template's creation date.
 */

const TOOL_PREFIX = /^(microsoft\s+(word|powerpoint|excel)\s*-\s*|wps\s*-\s*)/i;
const FILE_EXTENSION = /\.(docx?|pptx?|xlsx?|pdf|txt|wps|md|html?)$/i;
const PLACEHOLDER = /^(untitled|无标题|未命名|slide|幻灯片|powerpoint\s*演示文稿|document|文档|title|标题|新建\s*\S*文档)\s*\d*$/i;

/** A file name made of digits and a hash (001_583cfe85666f49d1): nothing a reader can recognise a document by. */
export const looksLikeHash = (name: string): boolean => /[0-9a-f]{8,}/i.test(name) && !/[\u4e00-\u9fff]/.test(name);

/** The property title as a reader would want it, or undefined when it is a tool's placeholder or a file name. */
export function propertyTitle(raw: string | undefined): string | undefined {
  const title = raw?.replace(TOOL_PREFIX, '').replace(FILE_EXTENSION, '').replace(/\s+/g, ' ').trim();
  if (!title || title.length < 2 || title.length > 120 || PLACEHOLDER.test(title) || looksLikeHash(title)) return undefined;
  return title;
}

/** An ISO date (`YYYY-MM-DD…`) kept to its day, or undefined when it is not a plausible date. */
export function propertyDate(raw: string | undefined, now: number = Date.now()): string | undefined {
  const m = raw?.match(/^(\d{4})-(\d{2})-(\d{2})/);
  if (!m) return undefined;
  const day = `${m[1]}-${m[2]}-${m[3]}`;
  const time = Date.parse(`${day}T00:00:00Z`);
  if (Number.isNaN(time) || Number(m[1]) < 1980 || time > now + 86_400_000) return undefined;
  return day;
}
