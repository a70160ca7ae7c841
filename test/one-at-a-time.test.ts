import { describe, expect, it } from 'vitest';
import { oneAtATime } from '../src/adapters/node/one-at-a-time.js';

describe('oneAtATime (model workers load, documents are prepared and store lines are appended one after another)', () => {
  it('starts a call only once the previous one has settled, and a failure does not block the next', async () => {
    const events: string[] = [];
    const release: (() => void)[] = [];
    const start = oneAtATime(async (name: string) => {
      events.push(`start ${name}`);
      await new Promise<void>((resolve) => release.push(resolve));
      events.push(`ready ${name}`);
      if (name === 'b') throw new Error('b failed');
      return name;
    });
    const a = start('a');
    const b = start('b');
    const c = start('c');
    await new Promise((r) => setImmediate(r));
    expect(events).toEqual(['start a']);
    release[0]();
    expect(await a).toBe('a');
    await new Promise((r) => setImmediate(r));
    expect(events).toEqual(['start a', 'ready a', 'start b']);
    release[1]();
    await expect(b).rejects.toThrow('b failed');
    await new Promise((r) => setImmediate(r));
    release[2]();
    expect(await c).toBe('c');
    expect(events).toEqual(['start a', 'ready a', 'start b', 'ready b', 'start c', 'ready c']);
  });
});
