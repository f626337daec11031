/** Settled already: the tail of a key with nothing queued on it. */
const IDLE: Promise<void> = Promise.resolve();

/**
 * Runs tasks one at a time per key, in arrival order, and tasks of different keys concurrently. The handler
 * uses it so that commands of one process on one stream do not race each other into needless conflicts.
 */
export class KeyedQueue {
  private readonly tails = new Map<string, Promise<unknown>>();

  /** Runs `task` after every task queued before it under `key`. */
  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    // Always a turn later, never synchronously: the key's tail is in place before the task starts, so a task
    // that queues another on its own key cannot have it start alongside, and a throw becomes a rejection.
    const result = (this.tails.get(key) ?? IDLE).then(task, task);
    // The tail settles once the task has, whatever its outcome; the last tail of a key also clears it.
    const settled = (): void => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    };
    const tail: Promise<void> = result.then(settled, settled);
    this.tails.set(key, tail);
    return result;
  }
}
