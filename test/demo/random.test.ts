import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Agenda } from '../../src/demo/agenda.js';
import { Random, WeightedList } from '../../src/demo/random.js';

const draws = (random: Random, n: number): number[] => Array.from({ length: n }, () => random.nextUint32());

describe('the seeded generator', () => {
  it('replays the same sequence for the same seed and another for another seed', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        expect(draws(new Random(seed), 20)).toEqual(draws(new Random(seed), 20));
        expect(draws(new Random(seed), 20)).not.toEqual(draws(new Random(seed + 1), 20));
      }),
    );
  });

  it('derives generators by label: the same label the same stream, another label another', () => {
    expect(draws(new Random(1).derive('tasks'), 10)).toEqual(draws(new Random(1).derive('tasks'), 10));
    expect(draws(new Random(1).derive('tasks'), 10)).not.toEqual(draws(new Random(1).derive('problems'), 10));
  });

  it('keeps int, float and pick within their bounds', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: -1000, max: 1000 }), fc.nat(1000), (seed, min, span) => {
        const random = new Random(seed);
        for (let i = 0; i < 50; i++) {
          const n = random.int(min, min + span);
          expect(Number.isInteger(n)).toBe(true);
          expect(n).toBeGreaterThanOrEqual(min);
          expect(n).toBeLessThanOrEqual(min + span);
          const x = random.float(min, min + span + 1);
          expect(x).toBeGreaterThanOrEqual(min);
          expect(x).toBeLessThan(min + span + 1);
        }
      }),
    );
  });

  it('never draws an item of zero weight', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const random = new Random(seed);
        const list = new WeightedList([
          ['never', 0],
          ['a', 1],
          ['b', 3],
        ] as const);
        for (let i = 0; i < 50; i++) {
          expect(
            random.weighted([
              ['never', 0],
              ['yes', 2],
            ] as const),
          ).toBe('yes');
          expect(list.draw(random)).not.toBe('never');
        }
      }),
    );
  });

  it('draws Poisson counts around their mean', () => {
    const random = new Random(42);
    const n = 4_000;
    let sum = 0;
    for (let i = 0; i < n; i++) sum += random.poisson(5.5);
    expect(sum / n).toBeGreaterThan(5.2);
    expect(sum / n).toBeLessThan(5.8);
    let large = 0;
    for (let i = 0; i < 200; i++) large += random.poisson(60);
    expect(large / 200).toBeGreaterThan(56);
    expect(large / 200).toBeLessThan(64);
  });
});

describe('the agenda', () => {
  it('runs actions in time order, ties in the order they were scheduled, and never before now', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 60 }), async (times) => {
        const agenda = new Agenda(0);
        const ran: [number, number][] = [];
        times.forEach((at, i) => agenda.at(at, () => void ran.push([agenda.now, i])));
        await agenda.runUntil(100);
        const expected = times
          .map((at, i) => [at, i] as [number, number])
          .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
        expect(ran).toEqual(expected);
      }),
    );
    const agenda = new Agenda(10);
    const seen: number[] = [];
    agenda.at(20, () => {
      agenda.at(5, () => void seen.push(agenda.now));
    });
    agenda.at(30, () => void seen.push(agenda.now));
    await agenda.runUntil(25);
    expect(seen).toEqual([20]);
    await agenda.runUntil(100);
    expect(seen).toEqual([20, 30]);
  });
});
