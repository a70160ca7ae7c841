/** What every ConversationStore must do, run against each implementation (SQLite now; D1 when it comes). */
import { describe, expect, it } from 'vitest';
import type { ConversationStore } from '../../src/core/conversation/conversation-store.js';
import type { ConversationEntry } from '../../src/core/conversation/conversation-types.js';

const T0 = Date.parse('2026-05-01T02:00:00Z');
const DAY = 86_400_000;

export const entry = (n: number, over: Partial<ConversationEntry> = {}): ConversationEntry => ({
  id: `answer-${n}`,
  time: T0 + n * 1000,
  day: '2026-05-01',
  channel: 'http',
  question: `问题${n}`,
  questionKey: `问题${n}`,
  query: `问题${n}`,
  answer: `回答${n}`,
  found: true,
  sources: ['平陆.txt'],
  latencyMs: 12,
  client: '0123456789abcdef0123456789abcdef',
  ...over,
});

export function conversationStoreContract(name: string, open: () => Promise<ConversationStore>) {
  describe(`ConversationStore contract: ${name}`, () => {
    it('lists what was appended, newest first, field for field', async () => {
      const store = await open();
      await store.append([entry(1), entry(2, { found: false, sources: [], client: undefined })]);
      await store.append([entry(3, { channel: 'wechat' })]);
      const { items, next } = await store.list({}, 10);
      expect(items.map((e) => e.id)).toEqual(['answer-3', 'answer-2', 'answer-1']);
      expect(items[2]).toEqual(entry(1));
      expect(items[1]).toEqual(entry(2, { found: false, sources: [], client: undefined }));
      expect(next).toBeNull();
      await store.close();
    });

    it('pages with the cursor, each entry once, and refuses a cursor it did not make', async () => {
      const store = await open();
      await store.append(Array.from({ length: 7 }, (_, i) => entry(i)));
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await store.list({}, 3, cursor);
        seen.push(...page.items.map((e) => e.id));
        cursor = page.next ?? undefined;
      } while (cursor);
      expect(seen).toEqual(Array.from({ length: 7 }, (_, i) => `answer-${6 - i}`));
      await expect(store.list({}, 3, 'not-a-cursor')).rejects.toMatchObject({ code: 'bad_request' });
      await store.close();
    });

    it('filters by found, rating, channel and text (wildcards taken literally), together', async () => {
      const store = await open();
      await store.append([
        entry(1, { found: false, channel: 'widget', question: '火星计划', answer: '没有找到' }),
        entry(2, { found: false, channel: 'http', answer: '增长50%以上' }),
        entry(3, { channel: 'widget' }),
      ]);
      expect(await store.rate('answer-1', 'down', '不对')).toBe(true);
      const ids = async (f: Parameters<ConversationStore['list']>[0]) => (await store.list(f, 10)).items.map((e) => e.id);
      expect(await ids({ found: false })).toEqual(['answer-2', 'answer-1']);
      expect(await ids({ found: true })).toEqual(['answer-3']);
      expect(await ids({ rating: 'down' })).toEqual(['answer-1']);
      expect(await ids({ rating: 'up' })).toEqual([]);
      expect(await ids({ channel: 'widget', found: false })).toEqual(['answer-1']);
      expect(await ids({ text: '火星' })).toEqual(['answer-1']);
      expect(await ids({ text: '50%' })).toEqual(['answer-2']);
      expect(await ids({ text: '%' })).toEqual(['answer-2']);
      expect(await ids({ text: '_' })).toEqual([]);
      await store.close();
    });

    it('rates by id, a second rating replacing the first, and says false for an unknown id', async () => {
      const store = await open();
      await store.append([entry(1)]);
      expect(await store.rate('answer-1', 'up', '很好')).toBe(true);
      expect(await store.rate('answer-1', 'down', undefined)).toBe(true);
      expect(await store.rate('no-such-id', 'up', undefined)).toBe(false);
      expect((await store.list({}, 1)).items[0]).toMatchObject({ rating: 'down', comment: undefined });
      await store.close();
    });

    it('counts per day, ratings and refused questions grouped by key within the days asked', async () => {
      const store = await open();
      await store.append([
        entry(1, { day: '2026-04-30', found: false, questionKey: 'k', question: '旧的' }),
        entry(2, { day: '2026-05-01', found: false, questionKey: 'k', question: '问法一' }),
        entry(3, { day: '2026-05-01', found: false, questionKey: 'k', question: '问法二' }),
        entry(4, { day: '2026-05-01', found: false, questionKey: 'other', question: '另一个' }),
        entry(5, { day: '2026-05-02' }),
        entry(6, { day: '2026-05-03' }),
      ]);
      await store.rate('answer-2', 'down', undefined);
      await store.rate('answer-5', 'up', undefined);
      await store.rate('answer-6', 'up', undefined);
      const counts = await store.counts('2026-05-01', '2026-05-02', 10);
      expect(counts.byDay).toEqual([
        { day: '2026-05-01', questions: 3, found: 0 },
        { day: '2026-05-02', questions: 1, found: 1 },
      ]);
      expect(counts.ratings).toEqual({ up: 1, down: 1 });
      expect(counts.unanswered).toEqual([
        { question: '问法二', count: 2 },
        { question: '另一个', count: 1 },
      ]);
      expect((await store.counts('2026-05-01', '2026-05-02', 1)).unanswered).toHaveLength(1);
      expect(await store.counts('2027-01-01', '2027-01-31', 10)).toEqual({ byDay: [], ratings: { up: 0, down: 0 }, unanswered: [] });
      await store.close();
    });

    it('purges entries older than a time and nothing else', async () => {
      const store = await open();
      await store.append([entry(1, { time: T0 - 100 * DAY }), entry(2, { time: T0 - 10 * DAY }), entry(3)]);
      expect(await store.purge(T0 - 90 * DAY)).toBe(1);
      expect((await store.list({}, 10)).items.map((e) => e.id)).toEqual(['answer-3', 'answer-2']);
      expect(await store.purge(T0 - 90 * DAY)).toBe(0);
      await store.close();
    });
  });
}
