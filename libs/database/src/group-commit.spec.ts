import { afterEach, describe, expect, it, vi } from 'vitest';
import { GroupCommit } from './group-commit.js';

/** Lets queued promise callbacks run (a batch starting, a result reaching its caller). */
async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await Promise.resolve();
}

/** A writer whose batches finish when the test says so, recording what each batch held. */
function controlledWriter() {
  const batches: Array<{ key: string; items: number[] }> = [];
  const pending: Array<{ finish: () => void; fail: (err: Error) => void }> = [];
  const write = (key: string, items: number[]) =>
    new Promise<number[]>((resolve, reject) => {
      batches.push({ key, items });
      pending.push({ finish: () => resolve(items.map((n) => n * 10)), fail: reject });
    });
  return { batches, pending, write };
}

describe('GroupCommit', () => {
  it('writes an item alone at once, and what arrives meanwhile together next, in order', async () => {
    const w = controlledWriter();
    const group = new GroupCommit(w.write, 100);
    const first = group.submit('practice', 1);
    const later = [2, 3, 4].map((n) => group.submit('practice', n));
    await settle();
    expect(w.batches).toEqual([{ key: 'practice', items: [1] }]);
    w.pending[0]!.finish();
    expect(await first).toBe(10);
    await settle();
    expect(w.batches[1]).toEqual({ key: 'practice', items: [2, 3, 4] });
    w.pending[1]!.finish();
    expect(await Promise.all(later)).toEqual([20, 30, 40]);
  });

  it('caps a batch at maxBatch; the rest goes in the batch after', async () => {
    const w = controlledWriter();
    const group = new GroupCommit(w.write, 2);
    const all = [1, 2, 3, 4, 5].map((n) => group.submit('practice', n));
    for (let i = 0; i < 3; i++) {
      await settle();
      w.pending[i]!.finish();
    }
    expect(await Promise.all(all)).toEqual([10, 20, 30, 40, 50]);
    expect(w.batches.map((b) => b.items)).toEqual([[1], [2, 3], [4, 5]]);
  });

  it('does not hold one key up behind another', async () => {
    const w = controlledWriter();
    const group = new GroupCommit(w.write, 100);
    void group.submit('a', 1);
    const b = group.submit('b', 2);
    await settle();
    expect(w.batches.map((x) => x.key)).toEqual(['a', 'b']);
    w.pending[1]!.finish();
    expect(await b).toBe(20);
  });

  it('fails every item of a failed batch, and still writes the next one', async () => {
    const w = controlledWriter();
    const group = new GroupCommit(w.write, 100);
    const first = group.submit('practice', 1);
    const second = group.submit('practice', 2);
    await settle();
    w.pending[0]!.fail(new Error('deadlock'));
    await expect(first).rejects.toThrow('deadlock');
    await settle();
    w.pending[1]!.finish();
    expect(await second).toBe(20);
  });

  describe('with a linger', () => {
    afterEach(() => vi.useRealTimers());

    it('holds an idle key’s first item for lingerMs, so what arrives meanwhile joins its batch', async () => {
      vi.useFakeTimers();
      const w = controlledWriter();
      const group = new GroupCommit(w.write, 100, 5);
      const all = [1, 2].map((n) => group.submit('practice', n));
      await vi.advanceTimersByTimeAsync(4);
      expect(w.batches).toEqual([]);
      all.push(group.submit('practice', 3));
      await vi.advanceTimersByTimeAsync(1);
      expect(w.batches).toEqual([{ key: 'practice', items: [1, 2, 3] }]);
      // While it is written, later items wait for it as without a linger, then go at once.
      all.push(group.submit('practice', 4));
      w.pending[0]!.finish();
      await settle();
      expect(w.batches[1]).toEqual({ key: 'practice', items: [4] });
      w.pending[1]!.finish();
      expect(await Promise.all(all)).toEqual([10, 20, 30, 40]);
    });
  });
});
