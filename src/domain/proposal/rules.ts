import { z } from 'zod';

/**
 * A share of a whole as an exact fraction, so that "more than 10%" of 200 owners is decided in integers
 * (21 × 10 > 200) and never by a floating-point product. `strict` says "more than"; otherwise "at least".
 */
export const ShareSchema = z
  .object({
    numerator: z.number().int().min(0).max(1_000),
    denominator: z.number().int().min(1).max(1_000),
    strict: z.boolean(),
  })
  .refine((share) => share.numerator <= share.denominator, 'a share is at most the whole');

/** A share of a whole (see {@link ShareSchema}). */
export type Share = z.infer<typeof ShareSchema>;

/** What an approval share is counted over: the owners who voted, or every owner on the ballot's roll. */
export const APPROVAL_BASES = ['voters', 'eligible'] as const;

/** The base of an approval share. */
export type ApprovalBasis = (typeof APPROVAL_BASES)[number];

/**
 * How a ballot is decided: a quorum of turnout over every owner on the roll, then an approval share of the
 * leading option over the configured basis. Recorded on `BallotOpened`, so a ballot is judged by the rule it
 * was opened under even after a community changes its configuration.
 */
export const VotingRuleSchema = z.object({
  quorum: ShareSchema,
  approval: ShareSchema,
  approvalBasis: z.enum(APPROVAL_BASES),
});

/** A ballot's decision rule (see {@link VotingRuleSchema}). */
export type VotingRule = z.infer<typeof VotingRuleSchema>;

/** True when `count` out of `whole` reaches the share. */
export const meetsShare = (count: number, whole: number, share: Share): boolean =>
  share.strict
    ? count * share.denominator > share.numerator * whole
    : count * share.denominator >= share.numerator * whole;

/** The least count out of `whole` that reaches the share (`whole + 1` when none does). */
export const neededFor = (whole: number, share: Share): number => {
  for (let count = Math.floor((share.numerator * whole) / share.denominator); count <= whole; count++) {
    if (meetsShare(count, whole, share)) return count;
  }
  return whole + 1;
};

/** Meilingju and the field reports: a proposal is tabled once "more than 10% of owners" support it. */
export const DEFAULT_TABLING_THRESHOLD: Share = { numerator: 1, denominator: 10, strict: true };

/**
 * The default ballot rule. No field report gives one, so it is configuration: taken from the Civil Code,
 * art. 278, for ordinary matters (at least two thirds of owners take part, more than half of those voting
 * agree). A community sets its own, e.g. Meilingju's elevator vote counted approval over all owners.
 */
export const DEFAULT_VOTING_RULE: VotingRule = {
  quorum: { numerator: 2, denominator: 3, strict: false },
  approval: { numerator: 1, denominator: 2, strict: true },
  approvalBasis: 'voters',
};

/** A ballot's outcome under its rule: the winning option, or why the matter fell. */
export type BallotOutcome =
  | { readonly verdict: 'adopted'; readonly option: string; readonly votes: number }
  | { readonly verdict: 'defeated'; readonly reason: 'no-quorum' | 'not-approved' | 'tie' };

/**
 * Judges a closed ballot: turnout must reach the quorum over the roll; then the leading option (`for` in a
 * motion, the most voted in a choice, a tie adopting nothing) must reach the approval share over its basis.
 */
export const judgeBallot = (
  ballot: {
    readonly kind: 'motion' | 'choice';
    readonly rule: VotingRule;
    readonly eligible: number;
    readonly turnout: number;
  },
  tally: readonly { readonly option: string; readonly votes: number }[],
): BallotOutcome => {
  const { rule, eligible, turnout } = ballot;
  if (!meetsShare(turnout, eligible, rule.quorum)) return { verdict: 'defeated', reason: 'no-quorum' };
  const ranked = [...tally].sort((a, b) => b.votes - a.votes);
  const leader = ballot.kind === 'motion' ? tally.find((entry) => entry.option === 'for') : ranked[0];
  if (leader === undefined) return { verdict: 'defeated', reason: 'not-approved' };
  if (ballot.kind === 'choice' && ranked[1] !== undefined && ranked[1].votes === leader.votes) {
    return { verdict: 'defeated', reason: 'tie' };
  }
  const base = rule.approvalBasis === 'voters' ? turnout : eligible;
  return meetsShare(leader.votes, base, rule.approval)
    ? { verdict: 'adopted', option: leader.option, votes: leader.votes }
    : { verdict: 'defeated', reason: 'not-approved' };
};
