import { describe, expect, it } from 'vitest';
import { MatchedLatency } from './matched-latency.js';

/** A MatchedLatency on a hand-moved clock that records the waits it would make. */
class Manual extends MatchedLatency {
  at = 0;
  nextPick = 0;
  readonly waits: number[] = [];
  protected override now(): number {
    return this.at;
  }
  protected override pick(count: number): number {
    return this.nextPick % count;
  }
  protected override async sleep(ms: number): Promise<void> {
    this.waits.push(ms);
    this.at += ms;
  }
}

describe('MatchedLatency', () => {
  it('makes the fast case last as long as a recent slow case', async () => {
    const m = new Manual();
    for (const took of [30, 45]) {
      const start = m.start();
      m.at += took;
      m.record('login_refusal', start);
    }
    const start = m.start();
    m.at += 20;
    m.nextPick = 1;
    await m.matchTo('login_refusal', start);
    expect(m.waits).toEqual([25]);
    expect(m.at - start).toBe(45);
  });

  it('does not wait when the fast case already took longer, nor before any sample, nor per other answer', async () => {
    const m = new Manual();
    await m.matchTo('login_refusal', m.start());
    const s = m.start();
    m.at += 10;
    m.record('signup', s);
    await m.matchTo('login_refusal', m.start());
    const late = m.start();
    m.at += 50;
    await m.matchTo('signup', late);
    expect(m.waits).toEqual([]);
  });

  it('caps a stalled sample', async () => {
    const m = new Manual();
    const s = m.start();
    m.at += 60_000;
    m.record('login_refusal', s);
    await m.matchTo('login_refusal', m.start());
    expect(m.waits).toEqual([2_000]);
  });
});
