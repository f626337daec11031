/**
 * A seeded pseudo-random generator (sfc32, seeded through splitmix32). The simulation draws every choice
 * from one of these, never from `Math.random`, so the same seed replays the same district and the same
 * year, byte for byte.
 */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /** Creates a generator from a 32-bit seed (any integer; only its low 32 bits count). */
  constructor(seed: number) {
    let state = seed >>> 0;
    const splitmix = (): number => {
      state = (state + 0x9e3779b9) >>> 0;
      let z = state;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = splitmix();
    this.b = splitmix();
    this.c = splitmix();
    this.d = splitmix();
    // The first outputs of a freshly seeded sfc32 are poorly mixed; the reference warms it up likewise.
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  /** An independent generator for one part of the simulation, so tuning one part does not reshuffle the rest. */
  derive(label: string): Random {
    let hash = 0x811c9dc5 ^ this.a;
    for (let i = 0; i < label.length; i++) hash = Math.imul(hash ^ label.charCodeAt(i), 0x01000193);
    return new Random((hash ^ this.c) >>> 0);
  }

  /** A uniform 32-bit unsigned integer. */
  nextUint32(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
    this.d = (this.d + 1) >>> 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = ((this.c << 21) | (this.c >>> 11)) >>> 0;
    this.c = (this.c + t) >>> 0;
    return t;
  }

  /** A uniform float in [0, 1). */
  next(): number {
    return this.nextUint32() / 4_294_967_296;
  }

  /** A uniform integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** A uniform float in [min, max). */
  float(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One element of a non-empty array, uniformly. */
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('cannot pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** One value of a non-empty list of `[value, weight]` pairs, with probability proportional to its weight. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
    if (entries.length === 0 || !(total > 0)) throw new RangeError('weights must add up to more than zero');
    let draw = this.next() * total;
    for (const [value, weight] of entries) {
      draw -= weight;
      if (draw < 0) return value;
    }
    return (entries[entries.length - 1] as readonly [T, number])[0];
  }

  /**
   * A Poisson-distributed count with mean `mean` (Knuth's method, in slices of at most 20 so that
   * `exp(-mean)` never underflows): how many reports arrive in a day.
   */
  poisson(mean: number): number {
    let count = 0;
    for (let left = mean; left > 0; left -= 20) {
      const limit = Math.exp(-Math.min(left, 20));
      let product = this.next();
      while (product > limit) {
        count += 1;
        product *= this.next();
      }
    }
    return count;
  }

  /** A copy of `items` in random order (Fisher-Yates). */
  shuffled<T>(items: readonly T[]): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
    }
    return copy;
  }
}

/**
 * A list to draw from many times by fixed weights: the cumulative weights are summed once, and each draw is
 * a binary search, so picking volunteers from a community of thousands stays cheap.
 */
export class WeightedList<T> {
  private readonly cumulative: number[] = [];
  private readonly total: number;

  /** Builds the list; weights must be positive. */
  constructor(private readonly items: readonly (readonly [T, number])[]) {
    let sum = 0;
    for (const [, weight] of items) {
      sum += weight;
      this.cumulative.push(sum);
    }
    this.total = sum;
  }

  /** How many items the list holds. */
  get size(): number {
    return this.items.length;
  }

  /** One item, with probability proportional to its weight; undefined for an empty list. */
  draw(random: Random): T | undefined {
    if (this.items.length === 0) return undefined;
    const target = random.next() * this.total;
    let low = 0;
    let high = this.cumulative.length - 1;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((this.cumulative[mid] as number) > target) high = mid;
      else low = mid + 1;
    }
    return (this.items[low] as readonly [T, number])[0];
  }
}
