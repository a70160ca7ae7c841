/** @module main: the embeddable chat widget — one script tag, a shadow DOM, answers streamed from POST /api/chat. */
import { styles } from './styles.js';
import { readEvents } from './sse.js';
import { icon } from './icons.js';
import { emphasise } from './emphasise.js';
import { placeLabel } from '../../../core/citation/passage-label.js';
import { feedbackControls, type Rated } from './feedback.js';
import { EN, ZH, stringsFor, type UiStrings } from './ui-strings.js';

interface Passage {
  source: string;
  title: string;
  text: string;
  start: number;
  end: number;
  highlight?: { start: number; end: number };
  /** The document's date (YYYY-MM-DD) and the passage's page, where the document states them. */
  date?: string;
  page?: number;
}
interface Citation extends Passage {
  n: number;
}
interface Turn extends Rated {
  role: 'user' | 'assistant';
  content: string;
  citations?: Citation[];
  found?: boolean;
  /** A refusal's passages that may be worth reading: shown apart, never as the answer. */
  related?: Passage[];
  intent?: string;
  /** `en`: an English question's answer (its labels are English). */
  language?: string;
}

/** The frame's words follow the page's lang; an answer's follow its question's language. */
const page: UiStrings = /^en\b/i.test(document.documentElement.lang) ? EN : ZH;
let ui: UiStrings = page;
const script = document.currentScript as HTMLScriptElement | null;
const data = script?.dataset ?? {};
const options = {
  title: data.title || page.title,
  endpoint: (data.endpoint || (script?.src ? new URL(script.src, location.href).origin : location.origin)).replace(/\/+$/, ''),
  color: /^#[0-9a-f]{3,8}$|^[a-z]+$/i.test(data.color ?? '') ? data.color! : '#c8102e',
  position: (data.position === 'left' ? 'left' : 'right') as 'left' | 'right',
  greeting: data.greeting || page.greeting,
  suggestions: (data.suggestions ?? '').split('|').map((s) => s.trim()).filter(Boolean),
  open: data.open === 'true',
};
const storageKey = `zhida-widget:${options.endpoint}`;

const el = <K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text?: string) => {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
};

const host = el('div', { 'data-zhida-widget': '' });
const root = host.attachShadow({ mode: 'open' });
const style = el('style');
style.textContent = styles(options.color, options.position);
const wrap = el('div', { class: 'zw' });
const launcher = el('button', { class: 'launcher', 'aria-label': page.open(options.title), 'aria-expanded': 'false', 'aria-controls': 'zw-panel' });
// An SVG speech bubble: an emoji would depend on the visitor's fonts (a blank box where there is no emoji font).
launcher.innerHTML = icon('chat');
const panel = el('section', { class: 'panel', id: 'zw-panel', role: 'dialog', 'aria-label': options.title, hidden: '' });
const header = el('header');
const heading = el('h2', {}, options.title);
const newButton = el('button', { class: 'new', type: 'button', title: page.newChatTitle }, page.newChat);
const closeButton = el('button', { class: 'close', type: 'button', 'aria-label': page.closeLabel });
closeButton.innerHTML = icon('close');
header.append(heading, newButton, closeButton);
const log = el('div', { class: 'log', role: 'log', 'aria-live': 'polite', 'aria-label': page.log });
const suggest = el('div', { class: 'suggest', 'aria-label': page.suggestions });
const passage = el('div', { class: 'passage', role: 'region', 'aria-label': page.passage, hidden: '' });
const form = el('form', { class: 'composer' });
const input = el('textarea', { rows: '1', 'aria-label': page.input, placeholder: page.placeholder, maxlength: '1000' });
const send = el('button', { type: 'submit', class: 'send' }, page.send);
const stop = el('button', { type: 'button', class: 'stop', hidden: '' }, page.stop);
form.append(input, send, stop);
const status = el('div', { class: 'status', role: 'status', 'aria-live': 'assertive' });
panel.append(header, log, suggest, passage, form, status);
wrap.append(launcher, panel);
root.append(style, wrap);

let history: Turn[] = load();
let busy: AbortController | undefined;

function load(): Turn[] {
  try {
    return JSON.parse(sessionStorage.getItem(storageKey) ?? '[]') as Turn[];
  } catch {
    return [];
  }
}
function save() {
  try {
    sessionStorage.setItem(storageKey, JSON.stringify(history.slice(-20)));
  } catch {
    // Storage full or blocked: the conversation just is not kept.
  }
}

/** Answer text with `[n]` markers as citation chips; in an answer, its key figures and names are emphasised. */
function renderAnswer(target: HTMLElement, text: string, citations: Citation[] | undefined, answered = false) {
  target.textContent = '';
  for (const part of text.split(/(\[\d+\])/)) {
    const m = part.match(/^\[(\d+)\]$/);
    if (!m) {
      if (!part) continue;
      if (!answered) target.append(part);
      else for (const piece of emphasise(part)) target.append(piece.key ? el('strong', {}, piece.text) : piece.text);
      continue;
    }
    const n = Number(m[1]);
    const cited = citations?.find((c) => c.n === n);
    const chip = el('button', { class: 'chip', type: 'button', 'aria-label': cited ? ui.viewCitation(n, cited.title) : ui.citation(n) }, String(n));
    if (cited) chip.addEventListener('click', () => showPassage(cited));
    else chip.setAttribute('disabled', '');
    target.append(chip);
  }
}

function botMessage(turn?: Turn) {
  const box = el('div', { class: 'msg bot' });
  const body = el('div', { class: 'text' });
  box.append(body);
  if (turn) finish(box, body, turn);
  log.append(box);
  return { box, body };
}

/** Every citation of an answer, each a button that opens its passage: [n] title, and its date and page. */
function sourceList(citations: Citation[], words: UiStrings): HTMLElement {
  const list = el('div', { class: 'sources' });
  list.append(el('div', { class: 'sh', id: `zw-src-${++sourceLists}` }, words.sources));
  const items = el('ul', { 'aria-labelledby': `zw-src-${sourceLists}` });
  for (const c of citations) {
    const place = placeLabel(c);
    const item = el('button', { type: 'button', class: 'source', 'aria-label': words.viewCitation(c.n, c.title, place) });
    item.append(el('span', { class: 'n' }, String(c.n)), el('span', { class: 't' }, c.title));
    if (place) item.append(el('span', { class: 'm' }, place));
    // The passage's first words tell apart several passages of one document.
    item.append(el('span', { class: 'x', 'aria-hidden': 'true' }, c.text.replace(/\s+/g, ' ').trim().slice(0, 60)));
    item.addEventListener('click', () => showPassage(c));
    const li = el('li');
    li.append(item);
    items.append(li);
  }
  list.append(items);
  return list;
}
let sourceLists = 0;

function finish(box: HTMLElement, body: HTMLElement, turn: Turn) {
  // Small talk is not found in the documents, but it is not a refusal either.
  const refused = turn.found === false && !turn.intent;
  const words = turn.language === 'en' ? EN : ui;
  renderAnswer(body, turn.content, turn.citations, turn.found === true);
  box.classList.toggle('notfound', refused);
  if (turn.found && turn.citations?.length) box.append(sourceList(turn.citations, words));
  if (refused && turn.related?.length) {
    const related = el('div', { class: 'related' });
    related.append(el('div', { class: 'rh' }, words.related));
    let title = '';
    for (const r of turn.related) {
      // Passages of one document under its title once.
      if (r.title !== title) related.append(el('b', {}, `《${(title = r.title)}》`));
      const item = el('button', { type: 'button' }, r.text.replace(/\s+/g, ' ').slice(0, 60));
      item.addEventListener('click', () => showPassage(r));
      related.append(item);
    }
    box.append(related);
  }
  const tools = el('div', { class: 'tools' });
  const copy = el('button', { type: 'button', class: 'copy' }, words.copy);
  copy.addEventListener('click', async () => {
    const text = turn.content.replace(/\[\d+\]/g, '');
    try {
      await navigator.clipboard.writeText(text);
      copy.textContent = words.copied;
    } catch {
      copy.textContent = words.copyFailed;
    }
  });
  tools.append(copy);
  box.append(tools);
  if (turn.id) {
    const { buttons, why } = feedbackControls(turn as Turn & { id: string }, options.endpoint, save);
    tools.append(...buttons);
    box.append(why);
  }
}

function userMessage(text: string) {
  log.append(el('div', { class: 'msg user' }, text));
}

function renderAll() {
  log.textContent = '';
  log.append(el('div', { class: 'msg bot greeting' }, options.greeting));
  for (const turn of history) {
    if (turn.role === 'user') userMessage(turn.content);
    else botMessage(turn);
  }
  suggest.textContent = '';
  suggest.hidden = history.length > 0 || options.suggestions.length === 0;
  for (const q of options.suggestions) {
    const b = el('button', { type: 'button' }, q);
    b.addEventListener('click', () => void ask(q));
    suggest.append(b);
  }
  log.scrollTop = log.scrollHeight;
}

/** A cited passage (with its number and highlight), or a related one (neither). */
function showPassage(c: Passage & { n?: number }) {
  passage.textContent = '';
  const back = el('button', { type: 'button', class: 'back' });
  back.innerHTML = icon('back');
  back.append(ui.back);
  back.addEventListener('click', hidePassage);
  const title = el('h3', { tabindex: '-1' }, c.n ? `[${c.n}] ${c.title}` : c.title);
  const src = el('div', { class: 'src' }, [c.n ? '' : ui.related, placeLabel(c)].filter(Boolean).join(' · '));
  src.hidden = !src.textContent;
  const text = el('p');
  const h = c.highlight;
  if (h && h.start >= c.start && h.end <= c.end) {
    text.append(c.text.slice(0, h.start - c.start), el('mark', {}, c.text.slice(h.start - c.start, h.end - c.start)), c.text.slice(h.end - c.start));
  } else text.textContent = c.text;
  passage.append(back, title, src, text);
  passage.hidden = false;
  title.focus();
}

function hidePassage() {
  passage.hidden = true;
  input.focus();
}

function setBusy(controller: AbortController | undefined) {
  busy = controller;
  send.hidden = Boolean(controller);
  stop.hidden = !controller;
}

function showError(message: string, retry: () => void) {
  const box = el('div', { class: 'msg error', role: 'alert' }, message);
  const again = el('button', { type: 'button', class: 'retry' }, ui.retry);
  again.addEventListener('click', () => {
    box.remove();
    retry();
  });
  box.append(again);
  log.append(box);
  log.scrollTop = log.scrollHeight;
}

async function ask(question: string, retrying = false) {
  const q = question.trim();
  if (!q || busy) return;
  suggest.hidden = true;
  if (!retrying) {
    history.push({ role: 'user', content: q });
    save();
    userMessage(q);
  }
  const messages = history.slice(-12).map(({ role, content }) => ({ role, content }));
  const controller = new AbortController();
  setBusy(controller);
  ui = stringsFor(q);
  status.textContent = ui.searching;
  const { box, body } = botMessage();
  let text = '';
  let citations: Citation[] | undefined;
  let done: (Turn & { answer?: string }) | undefined;
  const fail = (message: string) => {
    box.remove();
    showError(message, () => void ask(q, true));
    status.textContent = message;
  };
  try {
    const res = await fetch(`${options.endpoint}/api/chat`, {
      method: 'POST',
      // The conversation log tells the widget's questions from other API calls by this header.
      headers: { 'content-type': 'application/json', 'x-client': 'widget' },
      body: JSON.stringify({ messages, stream: true }),
      signal: controller.signal,
    });
    if (!res.ok || !res.body) {
      const retryAfter = res.headers.get('retry-after');
      const payload = (await res.json().catch(() => undefined)) as { error?: { message?: string } } | undefined;
      if (res.status === 429) return fail(ui.tooFrequent(retryAfter ?? undefined));
      if (res.status >= 500) return fail(ui.unavailable);
      return fail(payload?.error?.message ?? ui.failed(res.status));
    }
    for await (const ev of readEvents(res.body)) {
      if (ev.event === 'delta') {
        text += (JSON.parse(ev.data) as { text: string }).text;
        renderAnswer(body, text, citations);
        log.scrollTop = log.scrollHeight;
      } else if (ev.event === 'citations') {
        citations = (JSON.parse(ev.data) as { citations: Citation[] }).citations;
      } else if (ev.event === 'done') {
        const answer = JSON.parse(ev.data) as { id?: string; answer: string; found: boolean; citations: Citation[]; related?: Passage[]; intent?: string; language?: string };
        done = { role: 'assistant', id: answer.id, content: answer.answer, citations: answer.citations, found: answer.found, related: answer.related, intent: answer.intent, language: answer.language };
      } else if (ev.event === 'error') {
        return fail((JSON.parse(ev.data) as { error: { message: string } }).error.message);
      }
    }
    if (!done) return fail(ui.interrupted);
    history.push(done);
    save();
    body.textContent = '';
    finish(box, body, done);
    status.textContent = done.found || done.intent ? ui.answered : ui.notFound;
  } catch (err) {
    if (controller.signal.aborted) {
      if (text) {
        renderAnswer(body, text, citations);
        box.append(el('div', { class: 'note' }, ui.stoppedNote));
      } else box.remove();
      status.textContent = ui.stopped;
    } else fail(navigator.onLine === false ? ui.offline : ui.network);
  } finally {
    setBusy(undefined);
    log.scrollTop = log.scrollHeight;
  }
}

function open() {
  panel.hidden = false;
  launcher.setAttribute('aria-expanded', 'true');
  launcher.setAttribute('aria-label', page.close(options.title));
  input.focus();
}
function close() {
  panel.hidden = true;
  launcher.setAttribute('aria-expanded', 'false');
  launcher.setAttribute('aria-label', page.open(options.title));
  launcher.focus();
}

launcher.addEventListener('click', () => (panel.hidden ? open() : close()));
closeButton.addEventListener('click', close);
newButton.addEventListener('click', () => {
  busy?.abort();
  history = [];
  save();
  renderAll();
  input.focus();
});
stop.addEventListener('click', () => busy?.abort());
form.addEventListener('submit', (e) => {
  e.preventDefault();
  const q = input.value;
  input.value = '';
  void ask(q);
});
input.addEventListener('keydown', (e) => {
  // Enter that confirms an IME composition (isComposing, or keyCode 229 in some browsers) does not send.
  if (e.key === 'Enter' && !e.shiftKey && !e.isComposing && e.keyCode !== 229) {
    e.preventDefault();
    form.requestSubmit();
  }
});
panel.addEventListener('keydown', (e) => {
  if (e.key !== 'Escape') return;
  e.stopPropagation();
  if (!passage.hidden) hidePassage();
  else close();
});

renderAll();
document.body.append(host);
if (options.open) open();
