import type { Tier } from '../domain/shared/tiers.js';
import type { AnchorOutcome } from './digest-anchors.js';
import type { HistoryDigest } from './history-digest.js';
import type { ShareBucket, Targets721 } from '../projections/resolution-stats/targets.js';

/** The points figures of a history: what was issued, spent, corrected and is still held. */
export interface PointsFigures {
  /** Sum of every `PointsEarned`. */
  readonly issued: number;
  /** Sum of every `PointsRedeemed` total. */
  readonly redeemed: number;
  /** Net sum of every `PointsAdjusted` delta (negative when corrections took points away). */
  readonly adjusted: number;
  /** What residents hold: issued - redeemed + adjusted. */
  readonly outstanding: number;
  /** Residents with a points stream. */
  readonly residents: number;
}

/** The problem figures of a history, with the 721 split of resolutions by tier. */
export interface ProblemFigures {
  readonly reported: number;
  /** Problems whose last state is resolved (rated or not) or closed after a resolution. */
  readonly resolved: number;
  readonly rejected: number;
  /** Problems neither resolved nor rejected (including reopened ones). */
  readonly open: number;
  /** Resolved problems by the tier that resolved them last. */
  readonly resolvedByTier: Readonly<Record<Tier, number>>;
  /**
   * The 721 split: each bucket's share of the resolved problems (grid, community, street and above, as the
   * resolution statistics count them), 0 to 1, all 0 when nothing is resolved.
   */
  readonly shares: Readonly<Record<ShareBucket, number>>;
  /** The target the shares are held against (Changzhou's 70 / 20 / 10). */
  readonly target: Targets721;
}

/** The task figures of a history. */
export interface TaskFigures {
  readonly published: number;
  /** `TaskVerified` events: verified claims. */
  readonly verifiedClaims: number;
  readonly cancelled: number;
  readonly expired: number;
}

/** The summary figures of an audit: what the history holds, whatever was found wrong with it. */
export interface AuditSummary {
  readonly events: number;
  readonly streams: number;
  /** Streams by category, the part of the stream name before its first `-` (`problem`, `task`, ...). */
  readonly streamsByCategory: Readonly<Record<string, number>>;
  readonly firstPosition?: bigint;
  readonly lastPosition?: bigint;
  /**
   * The history digest of every event audited (see {@link HistoryDigest}), with the position it was taken
   * at: the same wherever the history is stored, so compare it with an anchor recorded earlier.
   */
  readonly historyDigest: HistoryDigest;
  /**
   * For a history file read to its trailer: the file digest, the sha256 of the bytes before the trailer
   * (what the trailer's `digest` is checked against). It changes with the file's positions and layout;
   * the history digest does not.
   */
  readonly fileDigest?: string;
  /** The anchors the audit was asked to check, each with its verdict. */
  readonly anchors?: readonly AnchorOutcome[];
  readonly points?: PointsFigures;
  readonly problems?: ProblemFigures;
  readonly tasks?: TaskFigures;
  readonly checkpoints?: CheckpointFigures;
}

/** The `HistoryAnchored` checkpoints an audit met. */
export interface CheckpointFigures {
  readonly checkpoints: number;
  /** Checkpoints that carry a signature. */
  readonly signed: number;
  /** Checkpoints whose signature verified with the public key given; absent when no key was given. */
  readonly verified?: number;
  /** How many events the last checkpoint covers (0 when there is none). */
  readonly covered: number;
}

/** The part of the summary that domain checks contribute. */
export type DomainFigures = Pick<AuditSummary, 'points' | 'problems' | 'tasks' | 'checkpoints'>;
