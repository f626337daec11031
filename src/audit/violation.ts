/**
 * The stable codes of what an audit can find. Each names one kind of wrong, so that a report can be filtered
 * and counted by machine; new codes may be added, existing ones never change meaning.
 */
export const VIOLATION_CODES = [
  /** An event's stored hash is not the hash of its content: the event was modified. */
  'hash-mismatch',
  /** An event's `previousHash` is not the hash of its stream's previous event: removed, reordered, inserted. */
  'broken-chain',
  /** An event's revision is not the one after its stream's previous event: removed, reordered, duplicated. */
  'revision-gap',
  /** An event's global position is not after the previous event's: reordered, duplicated, inserted. */
  'position-order',
  /** The history file's trailer digest is not the digest of its lines: a line was changed, removed or added. */
  'digest-mismatch',
  /** The history file's trailer counts a different number of events than the file holds. */
  'event-count-mismatch',
  /**
   * The history digest at an expected anchor's position is not the anchor's: an event at or before that
   * position was changed, removed or inserted since the anchor was taken.
   */
  'anchor-mismatch',
  /** The history holds no event at an expected anchor's position: it ends before it, or skips it. */
  'anchor-not-reached',
  /** An event (type, data or metadata) does not parse with the catalogue of its stream. */
  'schema-violation',
  /** An event that its aggregate's lifecycle cannot produce from the state its stream was in. */
  'impossible-transition',
  /** An event whose data names another aggregate than the stream it is in. */
  'wrong-stream',
  /** A balance below zero after a points event. */
  'negative-balance',
  /** `PointsEarned` without an earlier `TaskVerified` of the same task and resident. */
  'unearned-points',
  /** A second `PointsEarned` for one verified claim. */
  'duplicate-award',
  /** An escalation that skips a tier, goes down, or does not start from the tier holding the problem. */
  'invalid-escalation',
  /** An event in a stream that was already closed (problem closed or rejected, task cancelled or expired). */
  'event-after-close',
  /** Replaying the event through a decider's evolve or a projection threw: the code cannot rebuild it. */
  'replay-failed',
  /** An event dated before the previous event of its stream: a stream only moves forward in time. */
  'out-of-order-time',
  /** A field in an event's data or metadata that its schema does not know (names, phone numbers, inventions). */
  'unknown-field',
  /** The decider refuses the event's actor (role, identity, own work) the authority to record it. */
  'unauthorised',
  /** The decider, given the event's command, state, actor and time, refuses it or records something else. */
  'not-as-decided',
  /** An event names a place (street, community, unit) that the neighbourhood directory did not record so. */
  'unknown-place',
  /** A proposal supported by someone the owners' register of its compound did not hold at that moment. */
  'support-by-non-owner',
  /** A proposal tabled while its support did not exceed the threshold of the owners registered then. */
  'tabled-below-threshold',
  /** An event states register facts (owners counted, a ballot's roll) the owners' register did not hold then. */
  'register-mismatch',
  /** A ballot cast or changed by an owner who is not on the ballot's roll. */
  'ballot-by-non-owner',
  /** A second ballot by one owner on one matter. */
  'duplicate-ballot',
  /** A ballot cast or changed before the ballot opened, after its closing time, or after it was closed. */
  'ballot-after-close',
  /** A problem recorded as deliberated at a meeting that was not held or did not have it on its agenda. */
  'deliberation-without-meeting',
  /** Fund money recorded as spent beyond a project's approved amount (amendments included), or an amendment below what was spent. */
  'over-approval',
  /** A claim made for an organisation by someone its history does not record as a member at the claim. */
  'not-a-member',
  /** A problem assigned to an organisation the register does not record, or not of the kind its role wants. */
  'unknown-assignee',
  /** A checkpoint's signature does not verify with the auditor's public key: forged, or rewritten after. */
  'anchor-signature-invalid',
  /** A public key was given, but a checkpoint is unsigned or the history holds no checkpoint at all. */
  'anchor-unsigned',
  /** A checkpoint covers events further back than the audit's lookback: it cannot be checked. */
  'anchor-unverifiable',
  /** An honour's basis is not what the honour roll, replayed to the award, shows for its resident and period. */
  'honour-basis-mismatch',
] as const;

/** The stable code of a {@link Violation}. */
export type ViolationCode = (typeof VIOLATION_CODES)[number];

/** One thing an audit found wrong, with where it is: stream and revision, global position, file line. */
export interface Violation {
  readonly code: ViolationCode;
  readonly message: string;
  readonly streamId?: string;
  readonly revision?: bigint;
  readonly position?: bigint;
  /** The line of the history file, when the history came from one (1-based). */
  readonly line?: number;
}

/** Where an audited event stands, as violations report it. */
export interface EventLocation {
  readonly streamId: string;
  readonly revision: bigint;
  readonly position: bigint;
  readonly line?: number;
}

/** Builds a violation located at an event. */
export const violationAt = (code: ViolationCode, message: string, at: EventLocation): Violation => ({
  code,
  message,
  streamId: at.streamId,
  revision: at.revision,
  position: at.position,
  ...(at.line === undefined ? {} : { line: at.line }),
});

/** The place of a violation in words (`line 12, problem-7@3, position 41`), or an empty string. */
export const describeLocation = (violation: Violation): string => {
  const parts: string[] = [];
  if (violation.line !== undefined) parts.push(`line ${violation.line}`);
  if (violation.streamId !== undefined) {
    parts.push(
      violation.revision === undefined
        ? violation.streamId
        : `${violation.streamId}@${violation.revision.toString()}`,
    );
  }
  if (violation.position !== undefined) parts.push(`position ${violation.position.toString()}`);
  return parts.join(', ');
};
