import { describe, it } from 'vitest';
import { anchorAggregate, type AnchorEvent } from '../../../src/domain/anchor/index.js';
import type { CommandContextInput } from '../../../src/domain/shared/context.js';
import { spec } from '../../../src/testing/spec.js';

const ctx = (actor: CommandContextInput['actor']): CommandContextInput => ({
  actor,
  now: '2026-06-30T16:00:00.000Z',
  commandId: 'anchor-1',
});
const system = { id: 'anchorer', role: 'system' as const, scope: ['*'] };
const checkpoint = (events: number) => ({
  ledger: 'main',
  events,
  digest: `sha256:${'a'.repeat(64)}`,
  heads: [{ streamId: 'points-resident-7', hash: 'b'.repeat(64) }],
});
const anchored = (events: number): AnchorEvent => ({ type: 'HistoryAnchored', data: checkpoint(events) });

const anchors = spec(anchorAggregate);

describe('HistoryAnchors', () => {
  it('records a checkpoint from the system or an administrator over every unit', () => {
    anchors
      .given([])
      .when({ type: 'AnchorHistory', data: checkpoint(1000) }, ctx(system))
      .then([anchored(1000)]);
    const admin = { id: 'admin', role: 'administrator' as const, scope: ['*'] };
    anchors
      .given([])
      .when({ type: 'AnchorHistory', data: checkpoint(1000) }, ctx(admin))
      .then([anchored(1000)]);
  });

  it('refuses anyone whose scope is less than the whole log', () => {
    const local = { id: 'admin', role: 'administrator' as const, scope: ['community-bairuijing'] };
    anchors
      .given([])
      .when({ type: 'AnchorHistory', data: checkpoint(10) }, ctx(local))
      .thenError('forbidden');
    const resident = { id: 'resident-1', role: 'resident' as const, scope: ['*'] };
    anchors
      .given([])
      .when({ type: 'AnchorHistory', data: checkpoint(10) }, ctx(resident))
      .thenError('forbidden');
  });

  it('covers more of the log with every checkpoint', () => {
    anchors
      .given([anchored(1000)])
      .when({ type: 'AnchorHistory', data: checkpoint(1000) }, ctx(system))
      .thenError('invalid-transition');
    anchors
      .given([anchored(1000)])
      .when({ type: 'AnchorHistory', data: checkpoint(2000) }, ctx(system))
      .then([anchored(2000)]);
  });
});
