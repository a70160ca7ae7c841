/** @module small-talk: a reply to a message that is only a greeting, thanks, goodbye or a question about the bot itself. */
import { inLatinScript } from '../normalize/script.js';

export interface SmallTalkInfo {
  /** How many documents the bot can answer from. */
  documents: number;
  /** Their titles, the ones to suggest first. */
  titles: string[];
}

type Kind = 'greeting' | 'thanks' | 'goodbye' | 'identity' | 'capability';

/**
 * Phrases as they read once folded (NFKC, lower case, no spaces, punctuation or emoji). A message is small talk
 * only when these phrases, with fillers between them, make up all of it: 你好好想想平陆的目标是多少 is a question.
 */
const PHRASES: Record<Kind | 'filler', string[]> = {
  greeting: [
    '你好', '您好', '你们好', '大家好', '嗨', '哈喽', '哈啰', '哈罗', '嘿', '喂', '在吗', '在么', '在不在', '早', '早安',
    '早上好', '上午好', '中午好', '下午好', '晚上好', 'hi', 'hello', 'hey', 'hiya', 'howdy', 'goodmorning', 'goodafternoon',
    'goodevening', 'morning',
  ],
  thanks: [
    '谢谢', '多谢', '感谢', '谢了', '谢啦', '辛苦了', '3q', 'thanks', 'thankyou', 'thx', 'manythanks', 'cheers',
  ],
  goodbye: ['再见', '拜拜', '拜', '回见', '下次见', '晚安', 'bye', 'byebye', 'goodbye', 'goodnight', 'seeyou', 'seeya'],
  identity: [
    '你是谁', '您是谁', '你叫什么', '你叫啥', '你叫什么名字', '你的名字', '你的名字是什么', '你是什么', '你是啥', '你是干什么的', '你是做什么的',
    '你是机器人', '你是人', '你是ai', '介绍一下你自己', '介绍一下自己', '介绍下你自己', '自我介绍', 'whoareyou', 'whatareyou',
    'whatsyourname', 'whatisyourname', 'introduceyourself', 'areyouabot', 'areyouarobot',
  ],
  capability: [
    '你能回答什么', '你能回答什么问题', '你可以回答什么', '你可以回答什么问题', '你会什么', '你会做什么', '你会干什么', '你能做什么',
    '你能干什么', '你可以做什么', '你可以干什么', '你有什么用', '你有什么功能', '你能帮我做什么', '你能帮我什么', '能问什么',
    '可以问什么', '我能问什么', '我可以问什么', '问你什么', '怎么用', '怎么使用', '如何使用', '怎样使用', '使用说明', '帮助',
    'help', 'whatcanyoudo', 'whatcanyouanswer', 'whatcanido', 'whatcaniask', 'whatdoyoudo', 'howdoiuseyou', 'howdoiusethis',
    'howtouse', 'howdoesthiswork', 'howdoesitwork',
  ],
  // Particles, forms of address and intensifiers that add nothing on their own.
  filler: [
    '啊', '呀', '呢', '哦', '噢', '喔', '吧', '啦', '哈', '嘛', '哇', '嗯', '哟', '咯', '吗', '了', '你', '您', '好的', '好',
    '非常', '太', '真', '很', '那', '小助手', '助手', '机器人', '一下', 'ok', 'okay', 'oh', 'there', 'so', 'much', 'very',
    'alot', 'again', 'all', 'you', 'bot',
  ],
};

/** Longest first, so that 你能回答什么问题 is read as one phrase before 你能回答什么 is tried. */
const ENTRIES = Object.entries(PHRASES)
  .flatMap(([kind, words]) => words.map((word) => ({ kind: kind as Kind | 'filler', word })))
  .sort((a, b) => b.word.length - a.word.length);

/** Small talk is short; anything longer is a question (and this bounds the parse). */
const MAX_CHARS = 40;

const fold = (text: string) =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\p{P}\p{S}\p{Z}\s\p{Extended_Pictographic}\u200d\ufe0e\ufe0f]+/gu, '');

/** The kinds of small talk that make up the whole of `text`, or undefined when some of it is something else. */
function kindsOf(text: string): Set<Kind> | undefined {
  const memo = new Map<number, Kind[] | null>();
  const from = (i: number): Kind[] | null => {
    if (i === text.length) return [];
    if (memo.has(i)) return memo.get(i)!;
    let found: Kind[] | null = null;
    for (const { kind, word } of ENTRIES) {
      if (!text.startsWith(word, i)) continue;
      const rest = from(i + word.length);
      if (rest) {
        found = kind === 'filler' ? rest : [kind, ...rest];
        break;
      }
    }
    memo.set(i, found);
    return found;
  };
  const kinds = from(0);
  return kinds?.length ? new Set(kinds) : undefined;
}

const titlesOf = (titles: string[]) => [...new Set(titles.map((t) => t.trim().replace(/^《|》$/g, '')).filter(Boolean))].slice(0, 2);

function chinese(kinds: Set<Kind>, { documents, titles }: SmallTalkInfo): string {
  const docs = documents > 0 ? `已收录的 ${documents} 份文件` : '收录的文件';
  const these = documents > 0 ? `这 ${documents} 份文件` : '收录的文件';
  if (!kinds.has('greeting') && !kinds.has('identity') && !kinds.has('capability')) {
    if (kinds.has('thanks') && kinds.has('goodbye')) return `不客气，再见！以后有关于${these}的问题，随时来问。`;
    if (kinds.has('thanks')) return `不客气！还有关于${these}的问题，随时问我。`;
    return `再见！以后有关于${these}的问题，随时来问。`;
  }
  const opening = kinds.has('greeting') ? '您好！' : kinds.has('thanks') ? '不客气！' : '';
  const who = kinds.has('identity') ? '我是文档问答助手。' : '';
  const what = `我能回答关于${docs}的问题，并给出答案所在的原文段落；数字、人名、日期、清单这类问题最拿手。`;
  const named = titlesOf(titles);
  const next =
    documents === 0
      ? '目前还没有收录文件，添加文件后就可以提问了。'
      : named.length
        ? `可以试着问问${named.map((t) => `《${t}》`).join('或')}里的内容。`
        : '请直接输入您想了解的内容。';
  return opening + who + what + next;
}

function english(kinds: Set<Kind>, { documents, titles }: SmallTalkInfo): string {
  const docs = documents > 0 ? `the ${documents} document${documents === 1 ? '' : 's'} I have` : 'the documents I am given';
  if (!kinds.has('greeting') && !kinds.has('identity') && !kinds.has('capability')) {
    if (kinds.has('thanks') && kinds.has('goodbye')) return `You're welcome, goodbye! Come back any time with questions about ${docs}.`;
    if (kinds.has('thanks')) return `You're welcome! Ask me anything else about ${docs}.`;
    return `Goodbye! Come back any time with questions about ${docs}.`;
  }
  const opening = kinds.has('greeting') ? 'Hello! ' : kinds.has('thanks') ? "You're welcome! " : '';
  const who = kinds.has('identity') ? "I'm a document Q&A assistant. " : '';
  const what = `I answer questions about ${docs}, with the passage each answer comes from; figures, names, dates and lists are what I do best. `;
  const named = titlesOf(titles);
  const next =
    documents === 0
      ? 'No documents have been added yet.'
      : named.length
        ? `Try asking about ${named.map((t) => `《${t}》`).join(' or ')}.`
        : 'Just type your question.';
  return opening + who + what + next;
}

export interface SmallTalk {
  kinds: Set<Kind>;
  english: boolean;
}

/** What a message that is only small talk (你好, 谢谢, 你是谁, 你能做什么, hi, what can you do …) says; `undefined` for anything that may be a question. */
export function detectSmallTalk(question: string): SmallTalk | undefined {
  const folded = fold(question);
  if (!folded || folded.length > MAX_CHARS) return undefined;
  const kinds = kindsOf(folded);
  if (!kinds) return undefined;
  return { kinds, english: inLatinScript(folded) };
}

/** A short friendly reply, in English for an English message and in Chinese otherwise. */
export function smallTalkReply(talk: SmallTalk, info: SmallTalkInfo): string {
  return talk.english ? english(talk.kinds, info) : chinese(talk.kinds, info);
}

/** The reply to a message that is only small talk; `undefined` for anything that may be a question. */
export function smallTalk(question: string, info: SmallTalkInfo): string | undefined {
  const talk = detectSmallTalk(question);
  return talk && smallTalkReply(talk, info);
}
