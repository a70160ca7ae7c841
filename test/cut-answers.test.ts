import { describe, expect, it } from 'vitest';
import { cutAnswers } from '../src/train/cut-answers.js';

const doc = (title: string, ...sentences: string[]) => `${title}\n\n${sentences.join('')}`;

describe('on-topic questions made by cutting answers', () => {
  it('cuts the sentence that holds the answer, keeps the title and the rest, and makes the question unanswerable', () => {
    const files = [
      { name: 'a.txt', text: doc('黄山', '黄山位于安徽省南部。', '主峰莲花峰海拔1864米。', '黄山以奇松、怪石闻名。', '每年游客众多。') },
      { name: 'b.txt', text: doc('泰山', '泰山位于山东省。', '泰山是五岳之首。', '山顶有玉皇顶。') },
    ];
    const items = [{ id: 'q1', question: '黄山主峰海拔多少米？', source: 'a.txt', keys: [['1864米']] }];
    const cut = cutAnswers(files, items);
    expect(cut.files[0].text).toBe(doc('黄山', '黄山位于安徽省南部。', '黄山以奇松、怪石闻名。', '每年游客众多。'));
    expect(cut.files[1].text).toBe(files[1].text);
    expect(cut.items).toEqual([{ id: 'cut:q1', question: '黄山主峰海拔多少米？', source: 'a.txt', unanswerable: true, kind: 'cut' }]);
  });

  it('keeps no question whose answer another document still holds, and cuts nothing that would take half a document', () => {
    const files = [
      { name: 'a.txt', text: doc('黄山', '黄山位于安徽省南部。', '主峰莲花峰海拔1864米。', '黄山以奇松闻名。', '游客众多。') },
      { name: 'b.txt', text: doc('名山', '有一座山高1864米。', '它在南方。', '风景很好。') },
      { name: 'c.txt', text: doc('泰山', '泰山是五岳之首，海拔1545米。', '在山东。') },
    ];
    const items = [
      { id: 'q1', question: '黄山主峰海拔多少米？', source: 'a.txt', keys: [['1864米']] },
      { id: 'q2', question: '泰山海拔多少米？', source: 'c.txt', keys: [['1545米']] },
    ];
    const cut = cutAnswers(files, items);
    expect(cut.files[0].text).not.toContain('1864');
    expect(cut.files[2].text).toBe(files[2].text);
    expect(cut.items).toEqual([]);
  });

  it('compares as the scoring does: traditional characters and punctuation do not hide an answer', () => {
    const files = [{ name: 'a.txt', text: doc('臺北', '臺北是一座城市。', '人口約260萬。', '有很多公園。', '交通便利。') }];
    const cut = cutAnswers(files, [{ id: 'q', question: '台北人口多少？', source: 'a.txt', keys: [['约260万']] }]);
    expect(cut.files[0].text).toBe(doc('臺北', '臺北是一座城市。', '有很多公園。', '交通便利。'));
    expect(cut.items.map((i) => i.id)).toEqual(['cut:q']);
  });
});
