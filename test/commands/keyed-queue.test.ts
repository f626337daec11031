import { describe, expect, it } from 'vitest';
import { KeyedQueue } from '../../src/commands/keyed-queue.js';

const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 1));

describe('KeyedQueue', () => {
  it('runs the tasks of one key one at a time, in arrival order, past failures', async () => {
    const queue = new KeyedQueue();
    const log: string[] = [];
    let running = 0;
    const task =
      (name: string, fail = false) =>
      async (): Promise<string> => {
        running += 1;
        expect(running).toBe(1);
        log.push(`start ${name}`);
        await tick();
        log.push(`end ${name}`);
        running -= 1;
        if (fail) throw new Error(name);
        return name;
      };
    const results = await Promise.allSettled([
      queue.run('k', task('a')),
      queue.run('k', task('b', true)),
      queue.run('k', task('c')),
    ]);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });

  it('runs tasks of different keys side by side', async () => {
    const queue = new KeyedQueue();
    const log: string[] = [];
    const task = (name: string) => async (): Promise<void> => {
      log.push(`start ${name}`);
      await tick();
      log.push(`end ${name}`);
    };
    await Promise.all([queue.run('x', task('x')), queue.run('y', task('y'))]);
    expect(log.slice(0, 2)).toEqual(['start x', 'start y']);
  });

  it('does not start a task queued by a running task on its own key until that task ends', async () => {
    const queue = new KeyedQueue();
    const log: string[] = [];
    let inner: Promise<void> | undefined;
    await queue.run('k', async () => {
      log.push('outer start');
      inner = queue.run('k', async () => {
        log.push('inner start');
      });
      await tick();
      log.push('outer end');
    });
    await inner;
    expect(log).toEqual(['outer start', 'outer end', 'inner start']);
  });

  it('turns a task that throws before returning its promise into a rejection, and goes on', async () => {
    const queue = new KeyedQueue();
    const throwing = (): Promise<number> => {
      throw new Error('at once');
    };
    await expect(queue.run('k', throwing)).rejects.toThrow('at once');
    await expect(queue.run('k', () => Promise.resolve(7))).resolves.toBe(7);
  });
});
