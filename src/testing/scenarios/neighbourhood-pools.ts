/** Ids that look harmless to a human but are object-prototype keys: a register must treat them as data. */
export const PROTOTYPE_KEY_IDS = ['__proto__', 'constructor', 'toString', 'hasOwnProperty'] as const;

/**
 * The ids a command arbitrary draws from. Small pools make commands collide with the state often; ids are
 * pooled by the level they are meant for, so most generated trees grow, while some commands still put an
 * id at the wrong level.
 */
export interface NeighbourhoodIdPools {
  readonly neighbourhoodId: string;
  readonly streetId: string;
  readonly gridIds: readonly string[];
  readonly laneIds: readonly string[];
  readonly groupIds: readonly string[];
  readonly householdIds: readonly string[];
  readonly personIds: readonly string[];
  /** Compound (小区) ids; without them no compound, compound leader or owner command comes up. */
  readonly compoundIds?: readonly string[];
}

/** Every unit id of the pools, whatever level it is meant for. */
export const pooledUnitIds = (pools: NeighbourhoodIdPools): readonly string[] => [
  ...pools.gridIds,
  ...pools.laneIds,
  ...pools.groupIds,
  ...(pools.compoundIds ?? []),
];
