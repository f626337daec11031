import { isLeft } from 'fp-ts/lib/Either.js';
import type { Governance } from '../commands/governance.js';
import type { LinliCommandInput } from '../domain/linli.js';
import type { UnitLevel } from '../domain/neighbourhood/hierarchy.js';
import { ALL_UNITS } from '../domain/shared/actors.js';
import type { CommandContextInput } from '../domain/shared/context.js';
import type { UnitPath } from '../domain/shared/units.js';

/** One unit below a community, as {@link recordDirectory} adds it. */
export interface DirectoryUnit {
  readonly unitId: string;
  readonly level: UnitLevel;
  /** The community id for a grid; the grid for a lane; the lane for a neighbour group. */
  readonly parentId: string;
}

/** One community to record: its street, and its grids (shorthand) or any units, parents first. */
export interface DirectoryCommunity {
  readonly street: string;
  readonly community: string;
  readonly grids?: readonly string[];
  readonly units?: readonly DirectoryUnit[];
}

/** One directory command with the context it is sent in, ready for `Governance.execute`. */
export interface DirectoryStep {
  readonly command: LinliCommandInput;
  readonly context: CommandContextInput;
}

/**
 * When the directory is recorded unless a caller says otherwise: before any instant linli's arbitraries
 * generate (2025 onwards), so that the places exist before anything names them.
 */
export const DIRECTORY_RECORDED_AT = '2024-12-31T00:00:00.000Z';

/**
 * The commands that record communities and their units, as a deployment-wide administrator at `now`, with
 * command ids `<idPrefix>-<n>`: for generators that send their directory through the facade ahead of the
 * commands that name its places (the facade refuses a place it does not record).
 */
export const directorySteps = (
  communities: readonly DirectoryCommunity[],
  now: string = DIRECTORY_RECORDED_AT,
  idPrefix = 'directory',
): DirectoryStep[] => {
  const commands = communities.flatMap(({ street, community, grids = [], units = [] }) => [
    {
      type: 'EstablishNeighbourhood' as const,
      data: { neighbourhoodId: community, streetId: street, name: community },
    },
    ...[
      ...grids.map((grid) => ({ unitId: grid, level: 'grid' as const, parentId: community })),
      ...units,
    ].map((unit) => ({ type: 'AddUnit' as const, data: { neighbourhoodId: community, ...unit } })),
  ]);
  return commands.map((command, i) => ({
    command,
    context: {
      actor: { id: 'directory-admin', role: 'administrator', scope: [ALL_UNITS] },
      now,
      commandId: `${idPrefix}-${i + 1}`,
    },
  }));
};

/**
 * The communities and grids a set of problem paths name, each community under the street of the first path
 * that names it: the directory a facade test of those problems records first.
 */
export const directoryOfPaths = (paths: Iterable<UnitPath>): DirectoryCommunity[] => {
  const byCommunity = new Map<string, { street: string; grids: Set<string> }>();
  for (const { street, community, grid } of paths) {
    const entry = byCommunity.get(community) ?? { street, grids: new Set<string>() };
    entry.grids.add(grid);
    byCommunity.set(community, entry);
  }
  return [...byCommunity].map(([community, { street, grids }]) => ({ street, community, grids: [...grids] }));
};

let recorded = 0;

/**
 * Records communities and their units through a governance facade, as a deployment-wide administrator at
 * `now`: the directory that problems' paths and tasks' units must name (the facade refuses a place it does
 * not record). Throws on a refusal: it is test set-up, and a refusal means the set-up itself is wrong.
 */
export const recordDirectory = async (
  governance: Governance,
  communities: readonly DirectoryCommunity[],
  now = DIRECTORY_RECORDED_AT,
): Promise<void> => {
  for (const { command, context } of directorySteps(
    communities,
    now,
    `record-directory-${(recorded += 1)}`,
  )) {
    const result = await governance.execute(command, context);
    if (isLeft(result)) throw new Error(`recordDirectory: ${result.left.code}: ${result.left.message}`);
  }
};
