import { describe, expect, it } from 'vitest';
import { csvText } from '../src/channels/http/csv-text.js';

describe('csvText', () => {
  it('quotes fields with quotes, commas or line breaks, leaves others bare, and ends every line with CRLF', () => {
    const rows = [
      { q: '平陆招商目标是多少', a: '力争达到50个，协议总投资200亿元', n: 3, none: null },
      { q: '他说"好"', a: 'a,b', n: 0, none: undefined },
      { q: '第一行\n第二行', a: 'x\r\ny', n: -1, none: '' },
    ];
    expect(csvText(['q', 'a', 'n', 'none'], rows)).toBe(
      'q,a,n,none\r\n平陆招商目标是多少,力争达到50个，协议总投资200亿元,3,\r\n"他说""好""","a,b",0,\r\n"第一行\n第二行","x\r\ny",\'-1,\r\n',
    );
  });

  it('keeps text that a spreadsheet would run as a formula as text', () => {
    expect(csvText(['f'], [{ f: '=1+1' }, { f: '+86 123' }, { f: '@SUM(A1)' }, { f: '=HYPERLINK("x","y")' }])).toBe(
      'f\r\n\'=1+1\r\n\'+86 123\r\n\'@SUM(A1)\r\n"\'=HYPERLINK(""x"",""y"")"\r\n',
    );
  });
});
