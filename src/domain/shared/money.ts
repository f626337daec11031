import { left, right, type Either } from 'fp-ts/lib/Either.js';
import { z } from 'zod';
import { domainError, type DomainError } from './errors.js';

/**
 * Money is whole fen (分, 1/100 yuan) in safe integers, never floats. Not bigint: events are JSON in every
 * store, and a bigint would need a string encoding in each event, projection and report. One amount is at
 * most {@link MAX_FEN} (¥1,000,000,000), so 90,000 of the largest amounts still sum below 2^53: no ledger
 * total a community could reach loses precision.
 */
export const MAX_FEN = 100_000_000_000;

/** An amount in fen, zero allowed (a contribution of labour only carries no money). */
export const FenSchema = z.number().int().min(0).max(MAX_FEN);

/** A positive amount in fen (a request, an approval, a payment). */
export const PositiveFenSchema = z.number().int().min(1).max(MAX_FEN);

const YUAN_PATTERN = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/;

/**
 * Parses yuan as people write them (`790000`, `790,000`, `¥5,000.50`, `0.05`) into fen, by string
 * arithmetic (no float ever holds the amount). `invalid-command` for anything else, a third decimal or an
 * amount above {@link MAX_FEN}.
 */
export const parseYuan = (text: string): Either<DomainError, number> => {
  const trimmed = text.trim().replace(/^[¥￥]/, '');
  const match = YUAN_PATTERN.exec(trimmed);
  if (match === null) return left(domainError('invalid-command', `not an amount in yuan: ${text}`));
  const whole = (match[1] ?? '0').replaceAll(',', '');
  const cents = (match[2] ?? '').padEnd(2, '0');
  const fen = Number(`${whole}${cents}`);
  if (!Number.isSafeInteger(fen) || fen > MAX_FEN) {
    return left(domainError('invalid-command', `more than the largest amount (${formatYuan(MAX_FEN)})`));
  }
  return right(fen);
};

/** Formats fen as yuan with thousands separators and two decimals: `¥790,000.00`. */
export const formatYuan = (fen: number): string => {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const whole = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}¥${whole}.${(abs % 100).toString().padStart(2, '0')}`;
};
