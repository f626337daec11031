/**
 * linli (邻里): an event-sourced library for neighbourhood governance. This entry point exports the domain
 * (aggregates, events, commands), the command handler and facade, the projections, and the in-memory
 * store. The PostgreSQL and EventStoreDB stores are separate entry points (`linli/postgres`,
 * `linli/eventstoredb`), so that importing linli never loads a database driver you do not use.
 */
export * from './domain/shared/actors.js';
export * from './domain/shared/catalogue.js';
export * from './domain/shared/context.js';
export * from './domain/shared/command-context.js';
export * from './domain/shared/decider.js';
export * from './domain/shared/errors.js';
export * from './domain/shared/events.js';
export { parseEventMetadata, type MetadataParseResult } from './domain/shared/event-metadata.js';
export * from './domain/shared/ids.js';
export * from './domain/shared/tiers.js';
export * from './domain/shared/time.js';
export * from './domain/shared/units.js';

export * from './domain/neighbourhood/index.js';
export * from './domain/problem/index.js';
export * from './domain/task/index.js';
export * from './domain/points/index.js';
/** Owners' proposals and ballots (stream `proposal-<id>`). */
export * from './domain/proposal/index.js';
/** Deliberation days, four-party and joint meetings (stream `meeting-<id>`), and their calendar. */
export * from './domain/meeting/index.js';
export * from './domain/fund-project/index.js';
export * from './domain/partnership/index.js';
export * from './domain/shared/money.js';
export * from './domain/organisation/index.js';
export * from './domain/honours/index.js';
export * from './domain/anchor/index.js';
export * from './domain/linli.js';

export * from './store/event-store.js';
export * from './store/checkpoint-store.js';
export { InMemoryEventStore } from './store/memory.js';
export { MissingDriverError } from './store/load-driver.js';
export type {
  LinliAttributeValue,
  LinliAttributes,
  LinliSpan,
  LinliTracer,
  TracerOption,
} from './observability/tracer.js';
export { catchUpSubscription, AppendNotifier, type CatchUpSource } from './store/catch-up.js';

export type { Aggregate, AnyAggregate, Appended, Recorded } from './commands/aggregate.js';
export {
  CommandHandler,
  type CommandHandlerOptions,
  type CommandResult,
} from './commands/command-handler.js';
export {
  DEFAULT_MAX_RETRIES,
  DEFAULT_MAX_RETRY_DELAY_MS,
  DEFAULT_RETRY_BASE_DELAY_MS,
  type RetryOptions,
} from './commands/retry.js';

export * from './commands/governance.js';
export { directoryPlaceCheck, type OutsideCheck } from './commands/place-check.js';
export { allChecks, organisationMembershipCheck, type ContextualCheck } from './commands/membership-check.js';
export { organisationAssigneeCheck } from './commands/assignee-check.js';
export { toJsonSafe, type JsonSafe } from './commands/json-safe.js';
export * from './commands/points-policy.js';
/** The facade's owners-register facts: filled into proposal commands and checked against the register. */
export { fillOwnerFacts, ownerFactsCheck } from './commands/owner-facts.js';
export { parseRecorded } from './commands/parse-recorded.js';

export { applyBatch, project, type Projection } from './projections/projection.js';
export * from './projections/combine.js';
export * from './projections/read-models.js';
export * from './projections/resolution-stats/index.js';
export * from './projections/problem-ledger/index.js';
export * from './projections/open311/index.js';
export * from './projections/points-ledger/index.js';
export * from './projections/task-board/index.js';
export * from './projections/honour-roll/index.js';
export * from './projections/directory/index.js';
/** Proposal register, ballot results, deliberation calendar and agenda closure. */
export * from './projections/deliberation/index.js';
export * from './projections/funds/index.js';
export * from './projections/organisations/index.js';
export * from './projections/responsibility/index.js';
export * from './projections/honours/index.js';
export {
  ProjectionRunner,
  type EventParser,
  type LiveProjection,
  type ProjectionRunnerOptions,
} from './projections/runner.js';

export { canonicalJson } from './audit/canonical.js';
export { deterministicEventId, eventHash, type HashedContent } from './audit/hash-chain.js';
export * from './audit/audit.js';
export * from './audit/auditor.js';
export * from './audit/audit-summary.js';
export * from './audit/chain-verifier.js';
export * from './audit/digest-anchors.js';
export * from './audit/export-history.js';
export * from './audit/history-digest.js';
export * from './audit/history-line.js';
export * from './audit/history-read-error.js';
export * from './audit/import-history.js';
export * from './audit/linli-rules.js';
export * from './audit/read-history.js';
export * from './audit/violation.js';
export { projectionReplay, type ProjectionReplay } from './audit/rules/projection-replay.js';
/** The audit check of proposals, ballots, meetings and deliberated problems. */
export { deliberationCheck } from './audit/rules/deliberation-check.js';
export { anchorCheck, type AnchorCheckOptions } from './audit/rules/anchor-check.js';
export { honoursCheck, type HonoursCheckOptions } from './audit/rules/honours-check.js';
export * from './anchoring/index.js';

export * from './report/index.js';
