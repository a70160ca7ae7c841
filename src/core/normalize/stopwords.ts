/** @module stopwords: function words and question words that carry no search meaning. */

export const STOPWORDS = new Set(
  (
    '的 了 是 在 和 与 及 或 等 对 为 把 被 就 都 也 还 要 将 从 向 上 中 下 这 那 其 之 以 于 而 并 所 着 过 给 让 由 ' +
    '们 吗 呢 吧 啊 么 嘛 哦 呀 个 一个 这个 那个 这些 那些 那么 这么 还有 以及 ' +
    '什么 多少 几 哪 哪些 哪个 哪里 哪儿 哪天 哪年 哪位 哪几 谁 怎么 怎么样 怎样 如何 为什么 为何 是否 是不是 有没有 ' +
    '请问 请 一下 告诉 知道 想 我 你 他 她 它 我们 你们 他们 指的是 指 是什么 什么样 有何 何 ' +
    ', . ; : ! ? " \' ( ) [ ] 、 。 ， ； ： ！ ？ … — - /'
  ).split(' '),
);

/**
 * Words that press a question (具体是多少, 到底, 究竟, 一共有多少): they ask, and no answer need say them. Not stop words
 * of the documents, whose text is indexed with them.
 */
export const PRESSING = new Set(['具体', '到底', '究竟', '一共', '总共']);

/** Words that only say what kind of answer is wanted. */
export const QUESTION_WORDS = /多少|几|谁|哪|什么|何时|何地|如何|怎么|怎样|是否|吗|呢/;

/**
 * Words that point at the moment of asking (明天会下雨吗, 现在几点了): they frame a question but say nothing of its
 * topic, so a report that happens to hold 明天 does not answer it. Years and periods (今年, 当前, 目前) are not here:
 * a work report's figures are stated for them.
 */
export const DEICTIC = new Set(['今天', '明天', '昨天', '后天', '前天', '今晚', '明晚', '昨晚', '今早', '明早', '现在', '此刻', '刚才']);
