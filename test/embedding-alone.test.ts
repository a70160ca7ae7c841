import { describe, expect, it } from 'vitest';
import { createTransformersEmbedder } from '../src/adapters/node/transformers-embedder.js';
import { MODELS } from './support/open-test-index.js';

const PASSAGE = '要搞好“四个衔接”,把农村面貌改造提升与发展农村产业、深化农村改革、农村精神文明创建以及加强基层组织建设结合起来。';
const QUESTION = '衡水农村面貌改造提升行动总共要投入多少资金';

describe('the Node embedder', () => {
  it('gives a text the same vector whatever it is embedded with (the quantized model scales by the whole input)', async () => {
    const model = await createTransformersEmbedder({ modelId: 'Xenova/bge-small-zh-v1.5', modelsDir: MODELS });
    const [alone] = await model.embed([PASSAGE], 'passage');
    const [, beside] = await model.embed(['Hengshui Lake 衡水湖 '.repeat(20), PASSAGE, '短'], 'passage');
    expect(Array.from(beside)).toEqual(Array.from(alone));
    const [question] = await model.embed([QUESTION], 'query');
    const [, underLoad] = await model.embed(['今天天气怎么样', QUESTION], 'query');
    expect(Array.from(underLoad)).toEqual(Array.from(question));
    const norm = Math.hypot(...alone);
    expect(norm).toBeCloseTo(1, 5);
  });
});
