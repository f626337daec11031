import type { KeyObject } from 'node:crypto';
import { anchorSignatureVerdict } from '../../anchoring/signing.js';
import { CoverageTracker, DEFAULT_ANCHOR_LOOKBACK } from '../../anchoring/coverage.js';
import type { HistoryAnchor, StreamHead } from '../../domain/anchor/events.js';
import { anchorAggregate, type AnchorAggregate } from '../../domain/anchor/aggregate.js';
import type { AnchorState } from '../../domain/anchor/state.js';
import { anchorStream } from '../../domain/shared/ids.js';
import type { CheckpointFigures } from '../audit-summary.js';
import type { AuditCheck, AuditedEvent, ReportViolation } from '../auditor.js';
import { replayDecision, trackingReport } from './decision-replay.js';

const PREFIX = anchorStream('');

/** Options of {@link anchorCheck}. */
export interface AnchorCheckOptions {
  /**
   * The Ed25519 public key checkpoints must be signed with. Given, every checkpoint must carry a signature
   * that verifies, and the history must hold at least one; left out, signatures are not checked (nor can a
   * wholesale rewrite, digest and all, be told from the original).
   */
  readonly publicKey?: KeyObject;
  /** How far (in events) a checkpoint may lag the log it covers; default {@link DEFAULT_ANCHOR_LOOKBACK}. */
  readonly lookback?: number;
}

const headsText = (heads: readonly StreamHead[]): string => JSON.stringify(heads);

/** The first difference between the heads a checkpoint records and those the log shows, in words. */
const headsDifference = (recorded: readonly StreamHead[], actual: readonly StreamHead[]): string => {
  const shown = new Map(actual.map((head) => [head.streamId, head.hash]));
  for (const head of recorded) {
    const hash = shown.get(head.streamId);
    if (hash === undefined) return `${head.streamId} did not move since the previous checkpoint`;
    if (hash !== head.hash) return `${head.streamId}'s head is ${hash}, the checkpoint says ${head.hash}`;
  }
  const listed = new Set(recorded.map((head) => head.streamId));
  const missing = actual.find((head) => !listed.has(head.streamId));
  return missing === undefined
    ? 'the heads are listed out of order'
    : `${missing.streamId} moved but is not listed`;
};

/**
 * Holds every `HistoryAnchored` checkpoint to the log it covers: the history digest of its first `events`
 * events and the heads of the streams moved since the previous checkpoint must be what they record
 * (`anchor-mismatch`; `anchor-not-reached` when the log before it holds fewer events), and with a public
 * key its signature must verify (`anchor-signature-invalid`, `anchor-unsigned`). Each checkpoint is decided
 * again by the HistoryAnchors decider (who may anchor, each covering more than the last). Memory: the
 * lookback's events and one head per stream.
 */
export const anchorCheck = (
  options: AnchorCheckOptions = {},
  aggregate: AnchorAggregate = anchorAggregate,
): AuditCheck => {
  const tracker = new CoverageTracker(options.lookback ?? DEFAULT_ANCHOR_LOOKBACK);
  const states = new Map<string, AnchorState>();
  const counted = { checkpoints: 0, signed: 0, verified: 0, covered: 0 };
  return {
    name: 'history anchors',
    observe(audited: AuditedEvent, report: ReportViolation): void {
      const { recorded } = audited;
      if (recorded.streamId.startsWith(PREFIX) && audited.type === 'HistoryAnchored') {
        const anchor = audited.data as HistoryAnchor;
        const tracked = trackingReport(report);
        if (anchorStream(anchor.ledger) !== recorded.streamId) {
          tracked.report('wrong-stream', `a checkpoint of ledger ${anchor.ledger} in ${recorded.streamId}`);
        }
        // The tracker has already seen this event (see `see`): what comes before it is one event fewer.
        const view = anchor.events >= tracker.count ? 'not-reached' : tracker.viewAt(anchor.events);
        if (view === 'not-reached') {
          tracked.report(
            'anchor-not-reached',
            `the checkpoint covers ${anchor.events} events, but only ${tracker.count - 1} come before it`,
          );
        } else if (view === 'too-old') {
          tracked.report(
            'anchor-unverifiable',
            `the checkpoint covers the first ${anchor.events} events, further back than the lookback of the audit or than the checkpoint before it`,
          );
        } else if (view.digest !== anchor.digest) {
          tracked.report(
            'anchor-mismatch',
            `the history digest of the first ${anchor.events} events is ${view.digest}, the checkpoint says ${anchor.digest}: an event it covers was changed, removed or inserted`,
          );
        } else if (headsText(view.heads) !== headsText(anchor.heads)) {
          tracked.report(
            'anchor-mismatch',
            `the checkpoint's stream heads differ: ${headsDifference(anchor.heads, view.heads)}`,
          );
        }
        if (options.publicKey !== undefined) {
          const verdict = anchorSignatureVerdict(anchor, options.publicKey);
          if (verdict === 'unsigned')
            tracked.report('anchor-unsigned', 'the checkpoint carries no signature');
          if (verdict === 'valid') counted.verified += 1;
          if (verdict === 'invalid') {
            tracked.report(
              'anchor-signature-invalid',
              `the checkpoint's signature does not verify with the public key given: it was forged or altered`,
            );
          }
        }
        const before = states.get(recorded.streamId) ?? aggregate.decider.initialState;
        if (!tracked.found()) replayDecision(aggregate, before, audited, report);
        states.set(
          recorded.streamId,
          aggregate.decider.evolve(before, { type: 'HistoryAnchored', data: anchor }),
        );
        tracker.commit(anchor.events);
        counted.checkpoints += 1;
        if (anchor.signature !== undefined) counted.signed += 1;
        counted.covered = anchor.events;
      }
    },
    figures(): { checkpoints: CheckpointFigures } {
      const { verified, ...rest } = counted;
      return { checkpoints: options.publicKey === undefined ? rest : { ...rest, verified } };
    },
    see(recorded, hashIsHex): void {
      tracker.push(recorded, hashIsHex);
    },
    finish(report: ReportViolation): void {
      if (options.publicKey !== undefined && states.size === 0) {
        report(
          'anchor-unsigned',
          'a public key was given, but the history holds no checkpoint to verify it with',
        );
      }
    },
  };
};
