import type { AnyAggregate } from '../commands/aggregate.js';
import { createLinliAggregates, STREAM_PREFIXES, type LinliAggregates } from '../domain/linli.js';
import { problemLedgerProjection } from '../projections/problem-ledger/projection.js';
import { resolutionStatsProjection } from '../projections/resolution-stats/projection.js';
import type { AuditCheck, AuditRules } from './auditor.js';
import { chronologyCheck } from './rules/chronology-check.js';
import { deliberationCheck } from './rules/deliberation-check.js';
import { neighbourhoodCheck } from './rules/neighbourhood-check.js';
import { placesCheck } from './rules/places-check.js';
import type { NeighbourhoodState } from '../domain/neighbourhood/state.js';
import { pointsCheck } from './rules/points-check.js';
import { problemCheck } from './rules/problem-check.js';
import { projectionReplay } from './rules/projection-replay.js';
import { taskCheck } from './rules/task-check.js';
import { organisationCheck } from './rules/organisation-check.js';
import { membershipCheck } from './rules/membership-check.js';
import { responsibilityCheck } from './rules/responsibility-check.js';
import type { OrganisationState } from '../domain/organisation/state.js';
import { VerifiedClaims } from './rules/verified-claims.js';
import { fundProjectCheck } from './rules/fund-project-check.js';
import { partnershipCheck } from './rules/partnership-check.js';
import { anchorCheck, type AnchorCheckOptions } from './rules/anchor-check.js';
import { honoursCheck } from './rules/honours-check.js';

/** Options of {@link createLinliAuditRules}. */
export interface LinliAuditOptions {
  /**
   * Also rebuild the read models over problems (resolution statistics, problem ledger) and report every event
   * they cannot apply. Off by default: they keep every problem's steps, so memory grows with the history.
   */
  readonly projections?: boolean;
  /** How checkpoints are verified: the public key their signatures must verify with, the lookback. */
  readonly anchors?: AnchorCheckOptions;
}

/**
 * The audit rules of a linli history (pass a deployment's own aggregates when it registered upcasters or
 * configured deciders): each stream family parsed by its aggregate's event catalogue, and
 * the lifecycle and ledger checks of the four aggregates, the task and points checks sharing the verified
 * claims so that every award is matched to one verification.
 */
export const createLinliAuditRules = (
  aggregates: Partial<LinliAggregates> = {},
  options: LinliAuditOptions = {},
): AuditRules => {
  const all: LinliAggregates = { ...createLinliAggregates(), ...aggregates };
  const { neighbourhood, problem, task, points } = all;
  return {
    // Every aggregate's stream family parsed by its own catalogue: one entry per registered aggregate.
    catalogues: (Object.keys(STREAM_PREFIXES) as (keyof LinliAggregates)[]).map((key) => ({
      prefix: STREAM_PREFIXES[key],
      events: (all[key] as AnyAggregate).events,
    })),
    checks: () => {
      const claims = new VerifiedClaims();
      const registers = new Map<string, NeighbourhoodState>();
      const organisations = new Map<string, OrganisationState>();
      const checks: AuditCheck[] = [
        chronologyCheck(),
        neighbourhoodCheck(neighbourhood, registers),
        placesCheck(registers),
        problemCheck(problem),
        taskCheck(claims, task),
        pointsCheck(claims, points),
        deliberationCheck(registers, all.proposal, all.meeting),
        fundProjectCheck(all.fundProject),
        partnershipCheck(all.partnership),
        organisationCheck(organisations, all.organisation),
        membershipCheck(organisations),
        responsibilityCheck(organisations),
        honoursCheck({}, all.honours),
        anchorCheck(options.anchors ?? {}, all.anchor),
      ];
      if (options.projections === true) {
        const streamPrefix = STREAM_PREFIXES.problem;
        checks.push(
          projectionReplay(resolutionStatsProjection, { streamPrefix }),
          projectionReplay(problemLedgerProjection, { streamPrefix }),
        );
      }
      return checks;
    },
  };
};

/** The audit rules of a linli history with the default aggregates, without rebuilding the read models. */
export const linliAuditRules: AuditRules = createLinliAuditRules();
