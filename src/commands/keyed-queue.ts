/**
 * Runs tasks one at a time per key, in arrival order, and tasks of different keys concurrently. The handler
 * uses it so that commands of one process on one stream do not race each other into needless conflicts.
 */
export class KeyedQueue {
  private readonly tails = new Map<string, Promise<unknown>>();

  /** Runs `task` after every task queued before it under `key`. */
  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key);
    // Nothing queued on this key (the usual case): start at once rather than a turn of the event loop later.
    const result = previous === undefined ? startNow(task) : previous.then(task, task);
    // The tail settles once the task has, whatever its outcome; the last tail of a key also clears it.
    const settled = (): void => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    };
    const tail: Promise<void> = result.then(settled, settled);
    this.tails.set(key, tail);
    return result;
  }
}

/** Starts a task now; a task that throws before returning its promise rejects, as it would queued. */
const startNow = <T>(task: () => Promise<T>): Promise<T> => {
  try {
    return task();
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
};
