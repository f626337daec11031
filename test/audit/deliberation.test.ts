/**
 * Forged histories of deliberation and voting, each re-chained so that only the domain rules can tell: a
 * ballot by a non-owner, twice, or after closing; a proposal tabled below the threshold or supported by a
 * non-owner; a roll that is not the register; a problem deliberated at a meeting that never had it. Each is
 * flagged at the forged event's stream, revision and position, with its stable code.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runLinli } from '../cli/run-linli.js';
import { deliberationHistory } from './support/deliberation-history.js';
import {
  auditText,
  exportToText,
  parseText,
  rechain,
  writeText,
  type EventLine,
} from './support/history-text.js';

let clean: EventLine[];
let dir: string;

beforeAll(async () => {
  clean = parseText(await exportToText((await deliberationHistory()).gov.store)).events;
  dir = await mkdtemp(join(tmpdir(), 'linli-deliberation-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const nth = (events: readonly EventLine[], type: string, n = 0): number => {
  const indexes = events.flatMap((event, i) => (event.type === type ? [i] : []));
  const index = indexes[n];
  if (index === undefined) throw new Error(`the history has no ${type} #${n}`);
  return index;
};
const dataOf = (event: EventLine): Record<string, unknown> => event.data as Record<string, unknown>;

/** Forges a copy of the clean history; returns the codes found at the forged event (by its new place). */
const codesAt = async (edit: (events: EventLine[]) => number): Promise<string[]> => {
  const events = structuredClone(clean);
  const index = edit(events);
  const chained = rechain(events);
  const result = await auditText(writeText(chained, 'recompute'));
  const forged = chained[index]!;
  return result.violations
    .filter(
      (v) =>
        v.streamId === forged.streamId &&
        String(v.revision) === forged.revision &&
        String(v.position) === forged.position,
    )
    .map((v) => v.code);
};

/** Inserts a copy of the event at `from`, changed by `change`, right after `after`; returns its index. */
const insertCopy = (
  events: EventLine[],
  from: number,
  after: number,
  change: (copy: EventLine) => void,
): number => {
  const copy = structuredClone(events[from]!);
  change(copy);
  events.splice(after + 1, 0, copy);
  return after + 1;
};

describe('the audit of deliberation and voting', () => {
  it('audits the honest history clean', async () => {
    const result = await auditText(writeText(clean, 'recompute'));
    expect(result.violations).toEqual([]);
  });

  it('flags a ballot cast by someone not on the roll', async () => {
    const codes = await codesAt((events) => {
      const first = nth(events, 'BallotCast');
      return insertCopy(events, first, first, (copy) => {
        dataOf(copy).ownerId = 'tenant-9';
        copy.metadata.actor = { id: 'tenant-9', role: 'resident' };
      });
    });
    expect(codes).toEqual(['ballot-by-non-owner']);
  });

  it('flags a second ballot by one owner on one matter', async () => {
    const codes = await codesAt((events) =>
      insertCopy(events, nth(events, 'BallotCast'), nth(events, 'BallotCast'), () => {}),
    );
    expect(codes).toEqual(['duplicate-ballot']);
  });

  it('flags a ballot cast after the ballot closed', async () => {
    const codes = await codesAt((events) => {
      const closed = nth(events, 'BallotClosed');
      return insertCopy(events, nth(events, 'BallotCast'), closed, (copy) => {
        dataOf(copy).ownerId = 'owner-020';
        copy.metadata.actor = { id: 'owner-020', role: 'resident' };
        copy.metadata.occurredAt = events[closed]!.metadata.occurredAt;
      });
    });
    expect(codes).toEqual(['ballot-after-close']);
  });

  it('flags a proposal tabled below the threshold (two supports of twenty owners)', async () => {
    const codes = await codesAt((events) => {
      events.splice(nth(events, 'ProposalSupported', 2), 1);
      return nth(events, 'ProposalTabled');
    });
    expect(codes).toEqual(['tabled-below-threshold']);
  });

  it('flags a support by someone who is no registered owner', async () => {
    const codes = await codesAt((events) => {
      const i = nth(events, 'ProposalSupported', 1);
      dataOf(events[i]!).ownerId = 'tenant-9';
      events[i]!.metadata.actor = { id: 'tenant-9', role: 'resident' };
      return i;
    });
    expect(codes).toEqual(['support-by-non-owner']);
  });

  it('flags a roll that is not the owners register', async () => {
    const codes = await codesAt((events) => {
      const i = nth(events, 'BallotOpened');
      dataOf(events[i]!).eligibleOwners = (dataOf(events[i]!).eligibleOwners as string[]).slice(1);
      return i;
    });
    expect(codes).toEqual(['register-mismatch']);
  });

  it('flags a problem deliberated at a meeting that never had it on its agenda', async () => {
    const codes = await codesAt((events) => {
      const i = nth(events, 'ProblemDeliberated');
      dataOf(events[i]!).meetingId = 'day-0410';
      return i;
    });
    expect(codes).toEqual(['deliberation-without-meeting']);
  });

  it('linli audit exits 1 on a forged ballot and names the code', async () => {
    const events = structuredClone(clean);
    insertCopy(events, nth(events, 'BallotCast'), nth(events, 'BallotCast'), () => {});
    const file = join(dir, 'twice.jsonl');
    await writeFile(file, writeText(rechain(events), 'recompute'));
    const run = await runLinli(['audit', file, '--json']);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stdout).toContain('duplicate-ballot');
  });
});
