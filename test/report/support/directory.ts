/**
 * The test district's directory: Longtan and Qingshui of Longtan street, with their grids, recorded before
 * any of the district's problems, since the facade refuses a problem at a place the directory does not record.
 * Baiyun is deliberately left out, so the report must fall back to its id; its place-naming commands are
 * recorded below the facade (support/record-commands.ts says why that is the only way such a history arises).
 */
import type { Timed } from './record-commands.js';

/** The names a directory gives its communities (each falls back to its id) and grids (unnamed if absent). */
export interface DirectoryNames {
  readonly communities: Readonly<Record<string, string>>;
  readonly grids: Readonly<Record<string, string>>;
}

/** The names a street office gives: the report shows these with the ids; one of Qingshui's grids has none. */
export const DIRECTORY_NAMES: DirectoryNames = {
  communities: { longtan: '龙潭 Longtan', qingshui: 'Qingshui' },
  grids: { 'longtan.g1': 'East grid', 'longtan.g2': 'West grid' },
};

/**
 * No name beyond the ids: every community is named by its id (a community must have a name) and no grid is
 * named, so the report shows the ids alone, as if it had no names to give.
 */
export const ID_NAMES: DirectoryNames = { communities: {}, grids: {} };

/** The communities the directory records, each with its street and grids. */
const DIRECTORY: readonly { community: string; street: string; grids: readonly string[] }[] = [
  { community: 'longtan', street: 'longtan-st', grids: ['longtan.g1', 'longtan.g2'] },
  { community: 'qingshui', street: 'longtan-st', grids: ['qingshui.g1'] },
];

/** The district's communities the directory never records. */
export const OUTSIDE_DIRECTORY: ReadonlySet<string> = new Set(['baiyun']);

/** When the directory is recorded: before the district's first problem (5 January 2026). */
export const DIRECTORY_RECORDED_AT = '2026-01-02T01:00:00.000Z';

/** The commands that record the directory: each community established by its street, its grids added by it. */
export const directoryCommands = (names: DirectoryNames): Timed[] =>
  DIRECTORY.flatMap(({ community, street, grids }): Timed[] => [
    {
      at: DIRECTORY_RECORDED_AT,
      actor: { id: `so-${street}`, role: 'street-official', scope: [street] },
      command: {
        type: 'EstablishNeighbourhood',
        data: {
          neighbourhoodId: community,
          streetId: street,
          name: names.communities[community] ?? community,
        },
      },
    },
    ...grids.map((grid): Timed => {
      const name = names.grids[grid];
      return {
        at: DIRECTORY_RECORDED_AT,
        actor: { id: `cs-${community}`, role: 'community-staff', scope: [community] },
        command: {
          type: 'AddUnit',
          data: {
            neighbourhoodId: community,
            unitId: grid,
            level: 'grid',
            parentId: community,
            ...(name === undefined ? {} : { name }),
          },
        },
      };
    }),
  ]);
