/** @module find-clutter: marks the lines of a page that are web clutter rather than the document's own text. */
import type { Span } from '../types.js';
import { foldText } from '../normalize/fold-text.js';

export interface Line extends Span {
  /** Trimmed text of the line (original characters). */
  text: string;
  clutter: boolean;
}

/** Lines that are clutter on their own, whatever surrounds them (matched on folded text). */
const CLUTTER_PATTERNS: RegExp[] = [
  /微信扫码|扫一扫|扫码(关注|分享|领取)|领取福利|分享到|一键分享|加入收藏|收藏本(页|站)|打印本页|关闭窗口|返回(首页|顶部)|上一篇|下一篇/,
  /(未经|未經)(允许|许可|授权).{0,12}转载|授权转载|版权所有|copyright|©|all rights reserved|转载自其它媒体|不代表本网/,
  /^[(（]?(责编|责任编辑|编辑|审核|校对)[:：]/,
  /^[(（]?本版图片由.{0,30}提供[)）]?$/,
  /阅读时长|预计阅读|共计\d+个字|浏览次数|阅读次数|点击[:：]?\d+/,
  /^([^\s>]{1,12}\s*(>>|>|»|›)\s*){2,}/,
  /^\S{0,20}(www\.)?[a-z0-9-]+\.(com|cn|net|org|gov\.cn)(\.cn)?\b/,
  /^[-–—·•\s]*(相关推荐|相关文章|相关阅读|推荐阅读|热门文章|延伸阅读|猜你喜欢|热点推荐)[:：]?\s*$/,
  /^(时\s*间|分\s*享|评\s*论|字号|来源|打印|关闭|[/|])\s*[:：]?$/,
  /^\d{3,}$/,
];

/** A heading that opens a list of links to other pages; short lines after it are links. */
const RELATED_HEADER = /(相关推荐|相关文章|相关阅读|推荐阅读|热门文章|延伸阅读|猜你喜欢)[:：]?\s*$/;
const LINK_LINE_MAX = 60;

/** Splits text into trimmed lines with offsets, marking navigation, share buttons, copyright and link lists. */
export function findClutter(text: string): Line[] {
  const lines: Line[] = [];
  let sawContent = false;
  let inLinkList = false;
  const re = /[^\n]*(\n|$)/g;
  for (let m = re.exec(text); m && m[0].length > 0; m = re.exec(text)) {
    const raw = m[0].replace(/\r?\n$/, '');
    const lead = raw.length - raw.trimStart().length;
    const body = raw.trim();
    if (!body) continue;
    const start = m.index + lead;
    const line: Line = { start, end: start + body.length, text: body, clutter: false };
    const folded = foldText(body);
    if (inLinkList && body.length > LINK_LINE_MAX) inLinkList = false;
    if (inLinkList || CLUTTER_PATTERNS.some((p) => p.test(folded))) {
      line.clutter = true;
    }
    // A related-links heading near the top is a stray nav item; after the body it opens a list of links.
    if (sawContent && RELATED_HEADER.test(folded)) {
      line.clutter = true;
      inLinkList = true;
    }
    if (!line.clutter && body.length > LINK_LINE_MAX) sawContent = true;
    lines.push(line);
  }
  return lines;
}
