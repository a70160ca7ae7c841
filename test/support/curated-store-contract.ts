/** The CuratedStore contract, run against every implementation (SQLite on Node, D1 in workerd). */
import { describe, expect, it } from 'vitest';
import type { CuratedStore } from '../../src/core/curated/curated-store.js';

export function curatedStoreContract(name: string, open: () => Promise<CuratedStore>) {
  describe(`CuratedStore on ${name}`, () => {
    it('puts, gets, lists oldest first, replaces and deletes pairs', async () => {
      const store = await open();
      expect(await store.list()).toEqual([]);
      await store.put({ id: 'a1', question: '社保卡丢了怎么补办', answer: '带身份证到社保网点补办。', source: '办事指南', updated: 1000 });
      await store.put({ id: 'b2', question: '政务服务中心几点上班', answer: '工作日 9:00 至 17:00。', updated: 2000 });
      expect(await store.get('a1')).toEqual({ id: 'a1', question: '社保卡丢了怎么补办', answer: '带身份证到社保网点补办。', source: '办事指南', updated: 1000 });
      expect(await store.get('b2')).toEqual({ id: 'b2', question: '政务服务中心几点上班', answer: '工作日 9:00 至 17:00。', updated: 2000 });
      expect(await store.get('zz')).toBeUndefined();
      expect((await store.list()).map((p) => p.id)).toEqual(['a1', 'b2']);
      await store.put({ id: 'a1', question: '社保卡丢失怎么补办', answer: '到社保网点补办。', updated: 3000 });
      expect(await store.get('a1')).toEqual({ id: 'a1', question: '社保卡丢失怎么补办', answer: '到社保网点补办。', updated: 3000 });
      expect((await store.list()).map((p) => p.id)).toEqual(['b2', 'a1']);
      expect(await store.delete('b2')).toBe(true);
      expect(await store.delete('b2')).toBe(false);
      expect((await store.list()).map((p) => p.id)).toEqual(['a1']);
    });

    it('changes its version with every write and delete', async () => {
      const store = await open();
      const seen = [await store.version()];
      await store.put({ id: 'a1', question: '问一', answer: '答一', updated: 1000 });
      seen.push(await store.version());
      await store.put({ id: 'a1', question: '问二', answer: '答二', updated: 1001 });
      seen.push(await store.version());
      await store.put({ id: 'b2', question: '问三', answer: '答三', updated: 1002 });
      seen.push(await store.version());
      await store.delete('a1');
      seen.push(await store.version());
      expect(new Set(seen).size).toBe(seen.length);
      expect(await store.version()).toBe(seen[seen.length - 1]);
    });
  });
}
