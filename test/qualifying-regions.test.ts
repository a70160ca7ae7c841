import { describe, expect, it } from 'vitest';
import { qualifyingRegions } from '../src/core/answer/qualifying-regions.js';

const regions = (question: string, places: string[], unknown: string[]) => [...qualifyingRegions(question, places, unknown)].sort();

describe('regions a question names to say where a place of the documents lies', () => {
  it('takes a place written right before a known one for its region', () => {
    expect(regions('甘肃环县今年全膜双垄沟播玉米种植了多少亩', ['甘肃', '环县'], ['甘肃'])).toEqual(['甘肃']);
    expect(regions('山西省平陆县今年的招商目标是多少', ['山西省', '平陆县'], ['山西省'])).toEqual(['山西省']);
  });

  it('reads a chain of regions back from the known place', () => {
    expect(regions('甘肃省庆阳市环县今年玉米种了多少', ['甘肃省', '庆阳市', '环县'], ['甘肃省', '庆阳市'])).toEqual(['庆阳市', '甘肃省']);
  });

  it('keeps a place that qualifies no known one: the documents do not mention it', () => {
    expect(regions('北京市今年的招商目标是多少', ['北京市'], ['北京市'])).toEqual([]);
    expect(regions('湖南省长沙市的招商目标是多少', ['湖南省', '长沙市'], ['湖南省', '长沙市'])).toEqual([]);
    // Said apart from the known place, not as its address.
    expect(regions('甘肃和环县哪个玉米种得多', ['甘肃', '环县'], ['甘肃'])).toEqual([]);
    expect(regions('环县和甘肃哪个玉米种得多', ['环县', '甘肃'], ['甘肃'])).toEqual([]);
  });
});
