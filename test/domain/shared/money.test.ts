import { fc, test as fcTest } from '@fast-check/vitest';
import { isLeft, isRight } from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { formatYuan, MAX_FEN, parseYuan } from '../../../src/domain/shared/money.js';

const fen = (text: string): number | string => {
  const parsed = parseYuan(text);
  return isRight(parsed) ? parsed.right : parsed.left.code;
};

describe('yuan and fen', () => {
  it('parses yuan as people write them into whole fen', () => {
    expect(fen('790000')).toBe(79_000_000);
    expect(fen('790,000')).toBe(79_000_000);
    expect(fen('¥5,000.50')).toBe(500_050);
    expect(fen('￥0.05')).toBe(5);
    expect(fen(' 12.3 ')).toBe(1_230);
  });

  it('refuses what is not an amount, a third decimal, or more than the largest amount', () => {
    for (const text of ['', '12.345', '1,00', '-5', '5e3', 'abc', '1.2.3', '1,000,00']) {
      expect(fen(text), text).toBe('invalid-command');
    }
    expect(fen(String(MAX_FEN / 100))).toBe(MAX_FEN);
    expect(isLeft(parseYuan(String(MAX_FEN / 100 + 1)))).toBe(true);
  });

  it('formats fen with separators and two decimals', () => {
    expect(formatYuan(79_000_000)).toBe('¥790,000.00');
    expect(formatYuan(5)).toBe('¥0.05');
    expect(formatYuan(-123_456)).toBe('-¥1,234.56');
  });

  fcTest.prop([fc.integer({ min: 0, max: MAX_FEN })])('formats and parses back to the same fen', (amount) => {
    expect(fen(formatYuan(amount))).toBe(amount);
  });
});
