import { isLeft, left, right, type Either } from 'fp-ts/lib/Either.js';
import {
  linliEventParser,
  aggregateOfCommand,
  createLinliAggregates,
  type LinliAggregates,
  type LinliCommandInput,
  type LinliConfig,
  type LinliEvent,
} from '../domain/linli.js';
import type { CommandContextInput } from '../domain/shared/context.js';
import { domainError, type DomainError } from '../domain/shared/errors.js';
import { isPlainRecord } from '../domain/shared/plain-record.js';
import type { EventStore } from '../store/event-store.js';
import { InMemoryEventStore } from '../store/memory.js';
import { readModelsProjection, type ReadModels } from '../projections/read-models.js';
import { scopeOf } from '../projections/directory/scope.js';
import { unitPathOf } from '../projections/directory/unit-path.js';
import { ProjectionRunner } from '../projections/runner.js';
import type { UnitPath } from '../domain/shared/units.js';
import type { TracerOption } from '../observability/tracer.js';
import type { Appended } from './aggregate.js';
import { CommandHandler, type CommandHandlerOptions } from './command-handler.js';
import { directoryPlaceCheck } from './place-check.js';
import { fillOwnerFacts, ownerFactsCheck } from './owner-facts.js';
import { allChecks, organisationMembershipCheck } from './membership-check.js';
import { organisationAssigneeCheck } from './assignee-check.js';
import { awardPointsFor } from './points-policy.js';

/** Options of {@link createGovernance}. */
export interface GovernanceOptions {
  /** Where the events go; defaults to a fresh in-memory store. */
  readonly store?: EventStore;
  /** The aggregates' configuration: routing table, group capacity, points table, redemption windows. */
  readonly config?: LinliConfig;
  /** Retries and cache size of the command handler. */
  readonly handler?: CommandHandlerOptions;
  /**
   * Whether a `VerifyTask` also pays the resident's points in the same call (default true). Turn it off when
   * a separate process runs the points policy over the log; both are idempotent, so running both is safe.
   */
  readonly payPointsOnVerify?: boolean;
  /**
   * The tracer of the command, append and read-model batch spans, or `false` for none; `handler.tracer`, if
   * set, overrides it for commands. Default: see {@link TracerOption}.
   */
  readonly tracer?: TracerOption;
}

/**
 * The one object a host system needs: executes any linli command against a store and returns
 * `Right(events recorded)` or `Left({ code, message })`. Commands and contexts are validated; nothing is
 * appended for a rejected command. Places a command names (a problem's path, a task's unit) must be the
 * directory's, recorded by the neighbourhood streams, or the command is `forbidden`; a claim for an
 * organisation needs the claimant recorded as its member, and an organisation named as a problem's
 * responsible body must be registered (of the right kind for its role).
 */
export interface Governance {
  readonly store: EventStore;
  readonly handler: CommandHandler;
  readonly aggregates: LinliAggregates;
  /**
   * Executes one command. The events returned are the command's own, followed, for a `VerifyTask`, by the
   * `PointsEarned` the points policy recorded for it. A retry (the same `commandId` on the same stream, with
   * the same command and actor) appends nothing and answers what the first call answered, `PointsEarned`
   * included; the same `commandId` with another command is refused with `idempotency-conflict`. Anything
   * that is not a command or a context (`null`, a string) is refused with `invalid-command`; it never throws.
   */
  execute(
    command: LinliCommandInput,
    context: CommandContextInput,
  ): Promise<Either<DomainError, readonly Appended<LinliEvent>[]>>;
  /**
   * Brings every read model up to date with the store (reading only what it has not yet applied) and
   * returns their states: everything recorded before the call is in them. Query them with each model's
   * functions (`query721(models.resolutionStats, ...)`, `monthlyLedgerReport(models.problemLedger, ...)`).
   */
  readModels(): Promise<Either<DomainError, ReadModels>>;
  /**
   * The street / community / grid path of a grid, lane or neighbour group, from the neighbourhood directory:
   * what a `ReportProblem` made at that unit carries. `not-found` for a unit the directory does not know (or,
   * without `communityId`, an id two communities share).
   */
  unitPath(unitId: string, communityId?: string): Promise<Either<DomainError, UnitPath>>;
  /** The unit ids where the directory records `personId` as a leader or grid worker: the scope to act with. */
  scopeOf(personId: string): Promise<Either<DomainError, readonly string[]>>;
}

/** Creates a governance facade over a store (in memory unless one is given). */
export const createGovernance = (options: GovernanceOptions = {}): Governance => {
  const store = options.store ?? new InMemoryEventStore();
  const handler = new CommandHandler(store, { tracer: options.tracer, ...options.handler });
  const aggregates = createLinliAggregates(options.config);
  const payOnVerify = options.payPointsOnVerify ?? true;
  const runner = new ProjectionRunner(store, readModelsProjection, {
    parse: linliEventParser(aggregates),
    tracer: options.tracer,
  });

  const payFor = async (
    events: readonly Appended<LinliEvent>[],
  ): Promise<Either<DomainError, readonly Appended<LinliEvent>[]>> => {
    const paid: Appended<LinliEvent>[] = [];
    for (const event of events) {
      if (event.type !== 'TaskVerified') continue;
      const { command, context } = awardPointsFor(event);
      const award = await handler.handle(aggregates.points, command, context);
      if (isLeft(award)) {
        return left(
          domainError(
            award.left.code,
            `the task was verified and recorded, but paying its points failed (${award.left.message}); ` +
              'running the points policy over the log will pay it',
            award.left.details,
          ),
        );
      }
      paid.push(...award.right.events);
    }
    return right(paid);
  };

  const fillFacts = fillOwnerFacts(handler, aggregates);
  const checkPlace = allChecks(
    directoryPlaceCheck(handler, aggregates.neighbourhood),
    ownerFactsCheck(handler, aggregates),
    organisationMembershipCheck(handler, aggregates.task, aggregates.organisation),
    organisationAssigneeCheck(handler, aggregates.organisation),
  );

  return {
    store,
    handler,
    aggregates,
    async execute(command: unknown, context: unknown) {
      if (!isPlainRecord(command)) {
        const got = command === null ? 'null' : Array.isArray(command) ? 'an array' : typeof command;
        return left(domainError('invalid-command', `a command is an object { type, data }, not ${got}`));
      }
      const { type } = command;
      const aggregate = typeof type === 'string' ? aggregateOfCommand(aggregates, type) : undefined;
      if (aggregate === undefined) {
        return left(domainError('invalid-command', `unknown command type ${String(type)}`, { type }));
      }
      const filled = await fillFacts(command);
      if (isLeft(filled)) return filled;
      const result = await handler.handle(aggregate, filled.right, context, checkPlace);
      if (isLeft(result)) return result;
      const events = result.right.events as readonly Appended<LinliEvent>[];
      if (!payOnVerify) return right(events);
      // Also on a retry: the award's own command id (`award-<eventId>`) makes it answer the PointsEarned it
      // first recorded, so a retry answers what the first call did, and pays what a failed first call did not.
      const paid = await payFor(events);
      return isLeft(paid) ? paid : right([...events, ...paid.right]);
    },
    readModels: () => runner.catchUp(),
    async unitPath(unitId, communityId) {
      const models = await runner.catchUp();
      if (isLeft(models)) return models;
      const path = unitPathOf(models.right.directory, unitId, communityId);
      return path === undefined
        ? left(
            domainError('not-found', `the directory knows no single unit ${unitId}`, { unitId, communityId }),
          )
        : right(path);
    },
    async scopeOf(personId) {
      const models = await runner.catchUp();
      return isLeft(models) ? models : right(scopeOf(models.right.directory, personId));
    },
  };
};
