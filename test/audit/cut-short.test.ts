/**
 * A history file that breaks off part-way is audited as far as it goes: what its events show is reported
 * with where and why reading stopped, so deleting the trailer of a tampered file hides nothing.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { isHistoryReadError } from '../../src/audit/history-read-error.js';
import { buildGovernanceHistory, samplePlan } from './support/governance.js';
import { auditText, exportToText, parseText, writeText, type EventLine } from './support/history-text.js';

let events: EventLine[];
let tampered: string;

beforeAll(async () => {
  ({ events } = parseText(await exportToText(await buildGovernanceHistory(samplePlan))));
  const edited = events.map((line, i) =>
    i === 7 ? { ...line, data: { ...(line.data as object), problemId: 'pr-99' } } : line,
  );
  tampered = writeText(edited, 'recompute');
});

/** The text without its last line (the trailer), ending at a line break. */
const withoutTrailer = (text: string): string => text.slice(0, text.lastIndexOf('\n', text.length - 2) + 1);

describe('a history file that breaks off part-way', () => {
  it('without its trailer: the chain violation where it is, and the cut', async () => {
    const result = await auditText(withoutTrailer(tampered));
    expect(result.clean).toBe(false);
    expect(result.readFailure).toMatchObject({ failure: 'truncated', line: events.length });
    expect(result.readFailure?.message).toContain('without its trailer line: it was cut short');
    expect(result.violations).toContainEqual(
      expect.objectContaining({
        code: 'hash-mismatch',
        line: 8,
        streamId: events[7]!.streamId,
        revision: BigInt(events[7]!.revision),
        position: 7n,
      }),
    );
    expect(result.summary.events).toBe(events.length);
    expect(result.summary.fileDigest).toBeUndefined();
  });

  it('cut in the middle of a line: the events before it are audited', async () => {
    const cut = tampered.slice(0, tampered.indexOf('\n', tampered.length / 2) - 15);
    const line = cut.split('\n').length;
    const result = await auditText(cut);
    expect(result.readFailure).toMatchObject({ failure: 'truncated', line });
    expect(result.summary.events).toBe(line - 1);
    expect(result.violationsByCode['hash-mismatch']).toBeGreaterThan(0);
  });

  it('a garbled line: the violations before it are reported, and the line', async () => {
    const lines = tampered.split('\n');
    lines[20] = 'PK\u0003\u0004 garbage';
    const result = await auditText(lines.join('\n'));
    expect(result.readFailure).toMatchObject({ failure: 'garbled', line: 21 });
    expect(result.summary.events).toBe(20);
    expect(result.violations).toContainEqual(expect.objectContaining({ code: 'hash-mismatch', line: 8 }));
  });

  it('a clean history without its trailer is still not clean', async () => {
    const result = await auditText(withoutTrailer(writeText(events, 'recompute')));
    expect(result.violations).toEqual([]);
    expect(result.clean).toBe(false);
    expect(result.readFailure?.failure).toBe('truncated');
  });

  it('a file that is not a history from its first line still throws', async () => {
    const error = await auditText('street,community\n').catch((thrown: unknown) => thrown);
    expect(isHistoryReadError(error) && error.failure).toBe('not-a-history');
  });
});
