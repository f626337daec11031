/** Something the simulation will do at a simulated instant. */
export type Action = () => Promise<void> | void;

interface Entry {
  readonly at: number;
  /** Order of scheduling: breaks ties between actions at the same instant, so runs never depend on the heap. */
  readonly seq: number;
  readonly action: Action;
}

const before = (x: Entry, y: Entry): boolean => x.at < y.at || (x.at === y.at && x.seq < y.seq);

/**
 * The simulation's diary: actions keyed by simulated time, run in time order (ties in the order they were
 * scheduled). A binary heap, so a year of hundreds of thousands of actions stays cheap.
 */
export class Agenda {
  private readonly heap: Entry[] = [];
  private seq = 0;
  private clock: number;

  /** Creates an empty agenda whose clock starts at `start`. */
  constructor(start: number) {
    this.clock = start;
  }

  /** The simulated instant of the action running now (or of the last one run). */
  get now(): number {
    return this.clock;
  }

  /** How many actions are waiting. */
  get pending(): number {
    return this.heap.length;
  }

  /** Schedules `action` at `at`; an instant in the past runs at the current one, never earlier. */
  at(at: number, action: Action): void {
    this.push({ at: Math.max(at, this.clock), seq: this.seq++, action });
  }

  /** Runs, in order, every action due before `end`, including those they schedule before `end`. */
  async runUntil(end: number): Promise<void> {
    for (;;) {
      const next = this.heap[0];
      if (next === undefined || next.at >= end) return;
      this.pop();
      this.clock = next.at;
      await next.action();
    }
  }

  private push(entry: Entry): void {
    const heap = this.heap;
    heap.push(entry);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(entry, heap[parent] as Entry)) break;
      heap[i] = heap[parent] as Entry;
      i = parent;
    }
    heap[i] = entry;
  }

  private pop(): void {
    const heap = this.heap;
    const last = heap.pop();
    if (last === undefined || heap.length === 0) return;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= heap.length) break;
      const right = left + 1;
      const child = right < heap.length && before(heap[right] as Entry, heap[left] as Entry) ? right : left;
      if (!before(heap[child] as Entry, last)) break;
      heap[i] = heap[child] as Entry;
      i = child;
    }
    heap[i] = last;
  }
}
