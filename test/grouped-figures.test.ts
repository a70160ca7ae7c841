import { describe, expect, it } from 'vitest';
import { figureOfAnotherGroup } from '../src/core/answer/grouped-figures.js';
import { askedMeasure } from '../src/core/answer/asked-measures.js';
import { unstated } from '../src/core/answer/unstated.js';
import { foldText } from '../src/core/normalize/fold-text.js';

const check = (q: string, a: string) => figureOfAnotherGroup(foldText(q), foldText(a), askedMeasure(foldText(q)));

describe('figureOfAnotherGroup', () => {
  const plan = '精心做好一季度11个集中开工项目的各项准备工作,确保如期开工建设;要加快开工项目入库入统进度,力争年内开工项目总投资200亿元以上。';

  it('refuses a sum stated only for another group of the kind of things the question counts', () => {
    expect(check('一季度11个集中开工项目的总投资是多少', plan)).toBe('money');
    expect(check('枣强县一季度集中开工的11个项目合计总投资是多少', plan)).toBe('money');
    expect(unstated(foldText('一季度11个集中开工项目的总投资是多少'), foldText(plan))).toBe('money');
  });

  it('keeps the group’s own figure, in its clause, and one of its members', () => {
    expect(check('110个项目总投资是多少', '力促总投资407.09亿元的110个项目建设落地见效。')).toBeUndefined();
    expect(check('11个集中开工项目总投资是多少', '一季度11个集中开工项目,总投资50亿元;力争年内开工项目总投资200亿元以上。')).toBeUndefined();
    expect(check('今年实施的3个重点项目总投资多少', '今年实施3个重点项目。其中,甲项目总投资10亿元。')).toBeUndefined();
  });

  it('leaves to the model a figure in a sentence that speaks of no such thing, and questions that count no group', () => {
    // A figure of the same kind of thing in no other scope (甲项目) may be the group's, and is left to the model.
    expect(check('11个集中开工项目总投资是多少', '精心做好11个集中开工项目的准备工作;甲项目总投资20亿元。')).toBeUndefined();
    // The total may be the group's own, said after it.
    expect(check('该校3个校区总面积多少亩', '该校设有3个校区。总面积达500亩。')).toBeUndefined();
    expect(check('年内开工项目总投资是多少', plan)).toBeUndefined();
    // A group the answer does not name is another check's (echoed-counts) or the model's.
    expect(check('48个城市更新项目总投资多少', plan)).toBeUndefined();
    // Nor a year, which a count does not have.
    expect(check('11个集中开工项目是哪一年开工的', plan)).toBeUndefined();
  });
});
