import { describe, expect, it } from 'vitest';
import { GroupCommitter } from '../../main/store/group-commit.js';

describe('group commit', () => {
  it('commits everything submitted in one turn as one batch', async () => {
    const batches: number[][] = [];
    const committer = new GroupCommitter<number, number>((items) => {
      batches.push(items);
      return items.map((item) => item * 10);
    });
    const results = await Promise.all([1, 2, 3, 4].map((n) => committer.submit(n)));
    expect(results).toEqual([10, 20, 30, 40]);
    expect(batches).toEqual([[1, 2, 3, 4]]);
    await committer.submit(5);
    expect(batches).toEqual([[1, 2, 3, 4], [5]]);
  });

  it('caps a batch and commits the overflow separately', async () => {
    const sizes: number[] = [];
    const committer = new GroupCommitter<number, number>((items) => {
      sizes.push(items.length);
      return items;
    }, 3);
    await Promise.all(Array.from({ length: 7 }, (_, n) => committer.submit(n)));
    expect(sizes).toEqual([3, 3, 1]);
  });

  it('fails every item of a batch whose commit fails, and carries on afterwards', async () => {
    let fail = true;
    const committer = new GroupCommitter<number, number>((items) => {
      if (fail) throw new Error('SQLITE_FULL');
      return items;
    });
    const outcomes = await Promise.allSettled([committer.submit(1), committer.submit(2)]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected']);
    fail = false;
    await expect(committer.submit(3)).resolves.toBe(3);
  });

  it('fails only the bad item of a failing batch: the others are committed one by one', async () => {
    const committed: number[][] = [];
    const committer = new GroupCommitter<number, number>((items) => {
      if (items.includes(13)) throw new Error('SQLITE_FULL: row too big');
      committed.push(items);
      return items.map((item) => item * 10);
    });
    const outcomes = await Promise.allSettled([11, 12, 13, 14].map((n) => committer.submit(n)));
    expect(outcomes).toEqual([
      { status: 'fulfilled', value: 110 },
      { status: 'fulfilled', value: 120 },
      { status: 'rejected', reason: new Error('SQLITE_FULL: row too big') },
      { status: 'fulfilled', value: 140 },
    ]);
    expect(committed).toEqual([[11], [12], [14]]);
  });
});
