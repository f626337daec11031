import { isLeft } from 'fp-ts/lib/Either.js';
import type { Governance } from '../commands/governance.js';
import type { UnitLevel } from '../domain/neighbourhood/hierarchy.js';
import { ALL_UNITS } from '../domain/shared/actors.js';

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

let recorded = 0;

/**
 * Records communities and their units through a governance facade, as a deployment-wide administrator at
 * `now`: the directory that problems' paths and tasks' units must name (the facade refuses a place it does
 * not record). Throws on a refusal: it is test set-up, and a refusal means the set-up itself is wrong.
 */
export const recordDirectory = async (
  governance: Governance,
  communities: readonly DirectoryCommunity[],
  now = '2026-01-01T00:00:00.000Z',
): Promise<void> => {
  const context = () => ({
    actor: { id: 'directory-admin', role: 'administrator' as const, scope: [ALL_UNITS] },
    now,
    commandId: `record-directory-${(recorded += 1)}`,
  });
  const run = async (command: Parameters<Governance['execute']>[0]): Promise<void> => {
    const result = await governance.execute(command, context());
    if (isLeft(result)) throw new Error(`recordDirectory: ${result.left.code}: ${result.left.message}`);
  };
  for (const { street, community, grids = [], units = [] } of communities) {
    await run({
      type: 'EstablishNeighbourhood',
      data: { neighbourhoodId: community, streetId: street, name: community },
    });
    const all = [
      ...grids.map((grid) => ({ unitId: grid, level: 'grid' as const, parentId: community })),
      ...units,
    ];
    for (const unit of all) await run({ type: 'AddUnit', data: { neighbourhoodId: community, ...unit } });
  }
};
