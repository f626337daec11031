import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  localDate,
  localMonth,
  periodKeyOf,
  PERIOD_KINDS,
} from '../../src/projections/resolution-stats/calendar.js';

// Zones with the awkward offsets: half and quarter hours, half-hour DST, a skipped day (Apia, 2011), the
// date line crossed the other way (Sitka's 1867 change from +14:58 to -9:01), plain DST, none at all.
const ZONES = [
  'Asia/Shanghai',
  'UTC',
  'America/New_York',
  'Asia/Kathmandu',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'Pacific/Apia',
  'America/Sitka',
  'Pacific/Kwajalein',
  'Europe/Dublin',
] as const;

const HOUR = 3_600_000;
const YEAR = 365.25 * 24 * HOUR;
const EPOCH_2000 = Date.UTC(2000, 0, 1);

/** The month of an instant straight from the formatter: the answer the cache must always give. */
const uncachedMonth = (millis: number, timeZone: string): { year: number; month: number } => {
  const { year, month } = localDate(millis, timeZone);
  return { year, month };
};

/** Instants from 1850 to 2100, weighted towards the minutes around local month ends (where days straddle). */
const instants = fc.oneof(
  fc.integer({ min: Math.round(EPOCH_2000 - 150 * YEAR), max: Math.round(EPOCH_2000 + 100 * YEAR) }),
  fc
    .record({
      year: fc.integer({ min: 1850, max: 2100 }),
      month: fc.integer({ min: 0, max: 11 }),
      shift: fc.integer({ min: -48 * 60, max: 48 * 60 }),
    })
    .map(({ year, month, shift }) => Date.UTC(year, month, 1) + shift * 60_000 + (shift % 7) * 1_000),
);

describe('the local month of an instant', () => {
  it('is the month the formatter gives, in every zone, however the cache was filled before', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.array(instants, { minLength: 1, maxLength: 20 }),
        (zone, batch) => {
          // Each instant is asked about twice and alongside its neighbours a day either side, so that the
          // answers come both from a freshly filled cache entry and from an old one.
          for (const millis of batch) {
            for (const at of [millis, millis - 24 * HOUR, millis + 24 * HOUR, millis]) {
              expect(localMonth(at, zone)).toEqual(uncachedMonth(at, zone));
              expect(localMonth(new Date(at).toISOString(), zone)).toEqual(uncachedMonth(at, zone));
            }
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it('names every kind of period from that month', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        instants,
        fc.constantFrom(...PERIOD_KINDS),
        (zone, millis, kind) => {
          const { year, month } = uncachedMonth(millis, zone);
          const yyyy = String(year).padStart(4, '0');
          const expected =
            kind === 'year'
              ? yyyy
              : kind === 'quarter'
                ? `${yyyy}-Q${Math.ceil(month / 3)}`
                : `${yyyy}-${String(month).padStart(2, '0')}`;
          expect(periodKeyOf(millis, kind, zone)).toBe(expected);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('is right either side of a month end in Beijing, the day of Apia skipping 30 December 2011', () => {
    expect(periodKeyOf('2026-03-31T15:59:59.999Z', 'month', 'Asia/Shanghai')).toBe('2026-03');
    expect(periodKeyOf('2026-03-31T16:00:00.000Z', 'month', 'Asia/Shanghai')).toBe('2026-04');
    // Apia went from 29 December 23:59:59 (-10:00) straight to 31 December 00:00 (+14:00).
    expect(periodKeyOf('2011-12-30T09:59:59.999Z', 'month', 'Pacific/Apia')).toBe('2011-12');
    expect(periodKeyOf('2011-12-31T09:59:59.999Z', 'month', 'Pacific/Apia')).toBe('2011-12');
    expect(periodKeyOf('2011-12-31T10:00:00.000Z', 'month', 'Pacific/Apia')).toBe('2012-01');
  });

  it('gives the same answer for every spelling of a zone, however many are asked for', () => {
    const instant = '2026-03-31T16:00:00.000Z';
    for (let i = 0; i < 100; i++) {
      const spelling = [...'asia/shanghai'].map((c, j) => ((i >> j) & 1 ? c.toUpperCase() : c)).join('');
      expect(periodKeyOf(instant, 'month', spelling)).toBe('2026-04');
    }
  });

  it('refuses an unknown zone and an instant that is not a date, as the formatter does', () => {
    expect(() => localMonth('2026-03-31T16:00:00.000Z', 'Mars/Olympus_Mons')).toThrow(RangeError);
    expect(() => localMonth('not a date', 'Asia/Shanghai')).toThrow(RangeError);
    expect(() => localMonth(Number.NaN, 'Asia/Shanghai')).toThrow(RangeError);
    // Just past either end of what a Date holds, inside a day whose start it can hold.
    expect(() => localMonth(8.64e15 + 1, 'Asia/Shanghai')).toThrow(RangeError);
    expect(() => localMonth(-8.64e15 - 1, 'Asia/Shanghai')).toThrow(RangeError);
    expect(localMonth(8.64e15, 'UTC')).toEqual({ year: 275760, month: 9 });
  });
});
