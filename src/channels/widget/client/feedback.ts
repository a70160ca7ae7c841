/**
 * @module feedback: the 👍/👎 under an answer (SVG icons), sent to POST /api/feedback with the answer's id. 👎 is sent
 * at once and opens an optional comment; sending the comment rates again with it (the second rating replaces the first).
 */
import { icon } from './icons.js';

export type Rating = 'up' | 'down';

export interface Rated {
  id?: string;
  rating?: Rating;
}

const el = <K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text?: string) => {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
};

/** The buttons (to put in the answer's tools) and the comment row (to put under them); `saved` persists the rating. */
export function feedbackControls(turn: Rated & { id: string }, endpoint: string, saved: () => void): { buttons: HTMLElement[]; why: HTMLElement } {
  const up = el('button', { type: 'button', class: 'rate up', 'aria-label': '有帮助', title: '有帮助' });
  const down = el('button', { type: 'button', class: 'rate down', 'aria-label': '没有帮助', title: '没有帮助' });
  up.innerHTML = icon('up');
  down.innerHTML = icon('down');
  const note = el('span', { class: 'note', 'aria-live': 'polite' });
  const why = el('div', { class: 'why' });
  const comment = el('input', { type: 'text', maxlength: '1000', placeholder: '哪里不对？（可选）', 'aria-label': '没有帮助的原因' });
  const submit = el('button', { type: 'button' }, '提交');
  why.append(comment, submit);
  why.hidden = true;
  const mark = () => {
    up.setAttribute('aria-pressed', String(turn.rating === 'up'));
    down.setAttribute('aria-pressed', String(turn.rating === 'down'));
  };
  mark();

  async function send(rating: Rating, text?: string) {
    try {
      const res = await fetch(`${endpoint}/api/feedback`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ id: turn.id, rating, comment: text || undefined }),
      });
      if (!res.ok) throw new Error(String(res.status));
      turn.rating = rating;
      saved();
      mark();
      note.textContent = '谢谢反馈';
    } catch {
      note.textContent = '反馈未能发送';
    }
  }

  up.addEventListener('click', () => {
    why.hidden = true;
    void send('up');
  });
  down.addEventListener('click', () => {
    why.hidden = false;
    comment.focus();
    void send('down');
  });
  const sendComment = () => {
    why.hidden = true;
    void send('down', comment.value.trim());
  };
  submit.addEventListener('click', sendComment);
  // An Enter that confirms an IME composition is not a send.
  comment.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.isComposing) sendComment();
  });
  return { buttons: [up, down, note], why };
}
