import { describe, expect, it } from 'vitest';
import { unnamedPlaces } from '../src/core/answer/unnamed-places.js';

const corpus = new Set(['平陆', '平陆县', '枣强', '枣强县', '河北', '科技']);
const known = (term: string) => corpus.has(term);

describe('unnamedPlaces', () => {
  it('names a county the corpus never mentions (青山县)', () => {
    expect(unnamedPlaces('青山县今年的招商目标是多少', known)).toEqual(['青山县']);
  });

  it('knows the corpus’s own counties', () => {
    expect(unnamedPlaces('平陆县今年的招商目标是多少', known)).toEqual([]);
  });

  it('reads 省级 and 县级 as a level, not a place', () => {
    expect(unnamedPlaces('枣强今年要新增多少家省级科技型中小企业', known)).toEqual([]);
    expect(unnamedPlaces('平陆有几个县级示范点', known)).toEqual([]);
  });

  it('reads a classifier before the word as a kind of place (哪一类科创县)', () => {
    expect(unnamedPlaces('枣强成了河北省哪一类科创县', known)).toEqual([]);
    expect(unnamedPlaces('要建成一个示范县', known)).toEqual([]);
  });

  it('reads a verb right before the suffix as a change of status (改成区, 撤县), not a place', () => {
    expect(unnamedPlaces('枣强有没有打算把县改成区', known)).toEqual([]);
    expect(unnamedPlaces('平陆哪年撤县设市', known)).toEqual([]);
    expect(unnamedPlaces('枣强什么时候升为市', known)).toEqual([]);
    expect(unnamedPlaces('枣强和青山县哪个先改成区', known)).toEqual(['青山县']);
  });

  it('reads a verb of going right before the suffix as a way to or from a place (来县里视察), not a place', () => {
    expect(unnamedPlaces('环县要贯彻落实哪位领导来县里视察时的重要谈话', known)).toEqual([]);
    expect(unnamedPlaces('干部回到乡里做什么', known)).toEqual([]);
    expect(unnamedPlaces('推荐多少家企业冲进省里的培育名单', known)).toEqual([]);
    expect(unnamedPlaces('领导来青山县视察过吗', known)).toEqual(['青山县']);
  });

  it('reads 任 right before the suffix as an office held (现任县长), not a place', () => {
    expect(unnamedPlaces('平陆现任县长叫啥名字', known)).toEqual([]);
    expect(unnamedPlaces('谁担任市长', known)).toEqual([]);
    expect(unnamedPlaces('青山县现任县长是谁', known)).toEqual(['青山县']);
  });
});
