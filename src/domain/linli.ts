import { isLeft, left, type Either } from 'fp-ts/lib/Either.js';
import type { AnyAggregate, Recorded } from '../commands/aggregate.js';
import { parseRecorded } from '../commands/parse-recorded.js';
import type { RecordedEvent } from '../store/event-store.js';
import {
  createNeighbourhoodAggregate,
  type NeighbourhoodAggregate,
  type NeighbourhoodCommandInput,
  type NeighbourhoodConfig,
  type NeighbourhoodEvent,
} from './neighbourhood/index.js';
import {
  createResidentPointsAggregate,
  type PointsCommandInput,
  type PointsConfig,
  type PointsEvent,
  type ResidentPointsAggregate,
} from './points/index.js';
import {
  createProblemAggregate,
  type ProblemAggregate,
  type ProblemCommandInput,
  type ProblemDeciderConfig,
  type ProblemEvent,
} from './problem/index.js';
import {
  createMeetingAggregate,
  type MeetingAggregate,
  type MeetingCommandInput,
  type MeetingConfig,
  type MeetingEvent,
} from './meeting/index.js';
import {
  createProposalAggregate,
  type ProposalAggregate,
  type ProposalCommandInput,
  type ProposalConfig,
  type ProposalEvent,
} from './proposal/index.js';
import { domainError, type DomainError } from './shared/errors.js';
import {
  createFundProjectAggregate,
  type FundProjectAggregate,
  type FundProjectCommandInput,
  type FundProjectConfig,
  type FundProjectEvent,
} from './fund-project/index.js';
import {
  createPartnershipAggregate,
  type PartnershipAggregate,
  type PartnershipCommandInput,
  type PartnershipConfig,
  type PartnershipEvent,
} from './partnership/index.js';
import {
  createOrganisationAggregate,
  type OrganisationAggregate,
  type OrganisationCommandInput,
  type OrganisationConfig,
  type OrganisationEvent,
} from './organisation/index.js';
import {
  createTaskAggregate,
  type TaskAggregate,
  type TaskCommandInput,
  type TaskConfig,
  type TaskEvent,
} from './task/index.js';
import {
  createHonoursAggregate,
  type HonoursAggregate,
  type HonoursCommandInput,
  type HonoursConfig,
  type HonoursEvent,
} from './honours/index.js';
import {
  createAnchorAggregate,
  type AnchorAggregate,
  type AnchorCommandInput,
  type AnchorConfig,
  type AnchorEvent,
} from './anchor/index.js';

/** Every event linli records: the union of the four aggregates' events. */
export type LinliEvent =
  | NeighbourhoodEvent
  | ProblemEvent
  | TaskEvent
  | PointsEvent
  | ProposalEvent
  | MeetingEvent
  | FundProjectEvent
  | PartnershipEvent
  | OrganisationEvent
  | HonoursEvent
  | AnchorEvent;

/** Every command linli accepts, as a caller writes it. */
export type LinliCommandInput =
  | NeighbourhoodCommandInput
  | ProblemCommandInput
  | TaskCommandInput
  | PointsCommandInput
  | ProposalCommandInput
  | MeetingCommandInput
  | FundProjectCommandInput
  | PartnershipCommandInput
  | OrganisationCommandInput
  | HonoursCommandInput
  | AnchorCommandInput;

/** The configuration of each aggregate (routing table, group capacity, points table, redemption windows). */
export interface LinliConfig {
  readonly neighbourhood?: NeighbourhoodConfig;
  readonly problem?: ProblemDeciderConfig;
  readonly task?: TaskConfig;
  readonly points?: PointsConfig;
  readonly proposal?: ProposalConfig;
  /** Meetings; its `deliberationDay` also sets the problems' referral day unless `problem` sets its own. */
  readonly meeting?: MeetingConfig;
  readonly fundProject?: FundProjectConfig;
  readonly partnership?: PartnershipConfig;
  readonly organisation?: OrganisationConfig;
  readonly honours?: HonoursConfig;
  readonly anchor?: AnchorConfig;
}

/** The four aggregates, built from one configuration. */
export interface LinliAggregates {
  readonly neighbourhood: NeighbourhoodAggregate;
  readonly problem: ProblemAggregate;
  readonly task: TaskAggregate;
  readonly points: ResidentPointsAggregate;
  readonly proposal: ProposalAggregate;
  readonly meeting: MeetingAggregate;
  readonly fundProject: FundProjectAggregate;
  readonly partnership: PartnershipAggregate;
  readonly organisation: OrganisationAggregate;
  readonly honours: HonoursAggregate;
  readonly anchor: AnchorAggregate;
}

/** Builds the four aggregates from one configuration. */
export const createLinliAggregates = (config: LinliConfig = {}): LinliAggregates => ({
  neighbourhood: createNeighbourhoodAggregate(config.neighbourhood),
  problem: createProblemAggregate({ deliberationDay: config.meeting?.deliberationDay, ...config.problem }),
  task: createTaskAggregate(config.task),
  points: createResidentPointsAggregate(config.points),
  proposal: createProposalAggregate(config.proposal),
  meeting: createMeetingAggregate(config.meeting),
  fundProject: createFundProjectAggregate(config.fundProject),
  partnership: createPartnershipAggregate(config.partnership),
  organisation: createOrganisationAggregate(config.organisation),
  honours: createHonoursAggregate(config.honours),
  anchor: createAnchorAggregate(config.anchor),
});

/** The stream-name prefix of each aggregate (see DESIGN.md: `problem-<id>` and so on). */
export const STREAM_PREFIXES: Readonly<Record<keyof LinliAggregates, string>> = {
  neighbourhood: 'neighbourhood-',
  problem: 'problem-',
  task: 'task-',
  points: 'points-',
  proposal: 'proposal-',
  meeting: 'meeting-',
  fundProject: 'fund-project-',
  partnership: 'partnership-',
  organisation: 'organisation-',
  honours: 'honours-',
  anchor: 'anchor-',
};

/** The field of every event's data that names the stream it belongs to (`problem-<problemId>`, ...). */
export const STREAM_ID_FIELDS: Readonly<Record<keyof LinliAggregates, string>> = {
  neighbourhood: 'neighbourhoodId',
  problem: 'problemId',
  task: 'taskId',
  points: 'residentId',
  proposal: 'proposalId',
  meeting: 'meetingId',
  fundProject: 'projectId',
  partnership: 'partnershipId',
  organisation: 'organisationId',
  honours: 'honoursId',
  anchor: 'ledger',
};

/** Which of the four aggregates owns a stream, judged by its name's prefix; undefined for a foreign stream. */
export const aggregateKeyOfStream = (streamId: string): keyof LinliAggregates | undefined =>
  (Object.keys(STREAM_PREFIXES) as (keyof LinliAggregates)[]).find((key) =>
    streamId.startsWith(STREAM_PREFIXES[key]),
  );

/** The aggregate that owns a stream, judged by its name's prefix, or undefined for a foreign stream. */
export const aggregateOfStream = (
  aggregates: LinliAggregates,
  streamId: string,
): AnyAggregate | undefined => {
  const key = aggregateKeyOfStream(streamId);
  return key === undefined ? undefined : aggregates[key];
};

/** Each set of aggregates' command types, indexed once: the facade looks one up for every command. */
const commandIndexes = new WeakMap<LinliAggregates, ReadonlyMap<string, AnyAggregate>>();

const commandIndexOf = (aggregates: LinliAggregates): ReadonlyMap<string, AnyAggregate> => {
  let index = commandIndexes.get(aggregates);
  if (index === undefined) {
    const all: readonly AnyAggregate[] = Object.values(aggregates);
    index = new Map(
      all.flatMap((aggregate) => aggregate.commands.types.map((type) => [type, aggregate] as const)),
    );
    commandIndexes.set(aggregates, index);
  }
  return index;
};

/** The aggregate that handles a command type, or undefined for a type no aggregate knows. */
export const aggregateOfCommand = (aggregates: LinliAggregates, type: string): AnyAggregate | undefined =>
  commandIndexOf(aggregates).get(type);

/**
 * A parser of stored events into {@link LinliEvent}s: the stream's aggregate must know the event's type,
 * its upcasters bring old versions forward, and its schemas must accept the metadata and the data. Anything
 * else is `invalid-event`, so an event in the wrong stream is caught as surely as a malformed one.
 */
export const linliEventParser =
  (aggregates: LinliAggregates = createLinliAggregates()) =>
  (raw: RecordedEvent): Either<DomainError, Recorded<LinliEvent>> => {
    const key = aggregateKeyOfStream(raw.streamId);
    if (key === undefined) {
      return left(domainError('invalid-event', `stream ${raw.streamId} belongs to no linli aggregate`));
    }
    const aggregate: AnyAggregate = aggregates[key];
    const parsed = parseRecorded(aggregate.events, raw) as Either<DomainError, Recorded<LinliEvent>>;
    if (isLeft(parsed)) return parsed;
    // An event names its aggregate; one filed under another aggregate's stream is as wrong as a malformed one.
    const owner = (parsed.right.data as Readonly<Record<string, unknown>>)[STREAM_ID_FIELDS[key]];
    const expected = `${STREAM_PREFIXES[key]}${String(owner)}`;
    return expected === raw.streamId
      ? parsed
      : left(
          domainError(
            'invalid-event',
            `${raw.streamId}@${raw.revision}: a ${raw.type} of ${expected} filed in another stream`,
          ),
        );
  };
