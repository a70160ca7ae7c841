/** @module ui-strings: the widget's words in Chinese and English — the page's `lang` picks the frame, a question's language its answer's. */

export interface UiStrings {
  title: string;
  greeting: string;
  open: (title: string) => string;
  close: (title: string) => string;
  newChat: string;
  newChatTitle: string;
  closeLabel: string;
  log: string;
  suggestions: string;
  passage: string;
  input: string;
  placeholder: string;
  send: string;
  stop: string;
  viewCitation: (n: number, title: string, place?: string) => string;
  citation: (n: number) => string;
  sources: string;
  related: string;
  copy: string;
  copied: string;
  copyFailed: string;
  back: string;
  retry: string;
  searching: string;
  tooFrequent: (seconds?: string) => string;
  unavailable: string;
  failed: (status: number) => string;
  interrupted: string;
  answered: string;
  notFound: string;
  stoppedNote: string;
  stopped: string;
  offline: string;
  network: string;
}

export const ZH: UiStrings = {
  title: '智能问答',
  greeting: '您好！请输入问题，我会从已收录的文件中找出答案并注明出处。',
  open: (title) => `打开${title}`,
  close: (title) => `关闭${title}`,
  newChat: '新对话',
  newChatTitle: '开始新对话',
  closeLabel: '关闭',
  log: '对话记录',
  suggestions: '推荐问题',
  passage: '引用原文',
  input: '输入问题',
  placeholder: '输入问题，Enter 发送，Shift+Enter 换行',
  send: '发送',
  stop: '停止',
  viewCitation: (n, title, place) => `查看引用 ${n}：${title}${place ? `，${place}` : ''}`,
  citation: (n) => `引用 ${n}`,
  sources: '来源',
  related: '可能相关的内容（不是答案）',
  copy: '复制',
  copied: '已复制',
  copyFailed: '复制失败',
  back: '返回对话',
  retry: '重试',
  searching: '正在查找答案…',
  tooFrequent: (seconds) => `提问太频繁，请${seconds ? ` ${seconds} 秒后` : '稍后'}再试。`,
  unavailable: '服务暂时不可用，请稍后重试。',
  failed: (status) => `请求失败（${status}）。`,
  interrupted: '回答中断了，请重试。',
  answered: '已回答',
  notFound: '未找到依据',
  stoppedNote: '（已停止）',
  stopped: '已停止',
  offline: '网络已断开，请检查网络后重试。',
  network: '网络连接失败，请重试。',
};

export const EN: UiStrings = {
  title: 'Ask the documents',
  greeting: 'Hello! Ask a question and I will find the answer in the documents, with its source.',
  open: (title) => `Open ${title}`,
  close: (title) => `Close ${title}`,
  newChat: 'New chat',
  newChatTitle: 'Start a new conversation',
  closeLabel: 'Close',
  log: 'Conversation',
  suggestions: 'Suggested questions',
  passage: 'Cited passage',
  input: 'Your question',
  placeholder: 'Ask a question; Enter sends, Shift+Enter adds a line',
  send: 'Send',
  stop: 'Stop',
  viewCitation: (n, title, place) => `Open citation ${n}: ${title}${place ? `, ${place}` : ''}`,
  citation: (n) => `Citation ${n}`,
  sources: 'Sources',
  related: 'Possibly related (not an answer)',
  copy: 'Copy',
  copied: 'Copied',
  copyFailed: 'Copy failed',
  back: 'Back to the conversation',
  retry: 'Retry',
  searching: 'Looking for the answer…',
  tooFrequent: (seconds) => `Too many questions; please try again ${seconds ? `in ${seconds} s` : 'shortly'}.`,
  unavailable: 'The service is unavailable for now; please try again later.',
  failed: (status) => `The request failed (${status}).`,
  interrupted: 'The answer was cut off; please try again.',
  answered: 'Answered',
  notFound: 'No grounded answer found',
  stoppedNote: '(stopped)',
  stopped: 'Stopped',
  offline: 'You are offline; check the network and try again.',
  network: 'The connection failed; please try again.',
};

/** English for a question in Latin letters only, else Chinese. */
export const stringsFor = (text: string): UiStrings => (/[A-Za-z]/.test(text) && !/[\u3400-\u9fff]/.test(text) ? EN : ZH);
