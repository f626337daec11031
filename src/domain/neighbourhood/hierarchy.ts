import { z } from 'zod';

/**
 * Wuchang's ladder below the community: "five households make a neighbour group, five neighbour groups make a
 * lane, four lanes make a grid". The community itself is the root of the tree and is not a unit of its own.
 */
export const UNIT_LEVELS = ['grid', 'lane', 'neighbour-group', 'compound'] as const;

/** The level of a unit below the community. */
export type UnitLevel = (typeof UNIT_LEVELS)[number];

/** Zod schema of a {@link UnitLevel}. */
export const UnitLevelSchema = z.enum(UNIT_LEVELS);

/** A level of the whole tree: the community root or a unit below it. */
export type TreeLevel = 'community' | UnitLevel;

/** The level a unit's parent must have: the tree never skips a rung nor runs upside down. */
export const PARENT_LEVEL: Readonly<Record<UnitLevel, TreeLevel>> = {
  grid: 'community',
  lane: 'grid',
  'neighbour-group': 'lane',
  // A compound (小区) is a sibling branch of the grids: its owners' register, not households, hangs on it.
  compound: 'community',
};

/** The leaders of the tree, from the community secretary down to the neighbour leader (邻里长). */
export const LEADER_ROLES = [
  'community-secretary',
  'grid-leader',
  'grid-worker',
  'lane-leader',
  'building-leader',
  'neighbour-leader',
  'compound-leader',
] as const;

/** A leadership role within one community. */
export type LeaderRole = (typeof LEADER_ROLES)[number];

/** Zod schema of a {@link LeaderRole}. */
export const LeaderRoleSchema = z.enum(LEADER_ROLES);

/** The one level each role can be held at; a grid leader leads a grid, never a lane. */
export const ROLE_LEVEL: Readonly<Record<LeaderRole, TreeLevel>> = {
  'community-secretary': 'community',
  'grid-leader': 'grid',
  'grid-worker': 'grid',
  'lane-leader': 'lane',
  'building-leader': 'lane',
  'neighbour-leader': 'neighbour-group',
  'compound-leader': 'compound',
};

/** Whether several people may hold the role on one unit at once: a grid has one leader but a team of workers. */
export const isSharedRole = (role: LeaderRole): boolean => role === 'grid-worker';

/** How many rungs the deepest unit sits below the community; walking further up means a corrupt tree. */
export const TREE_DEPTH = UNIT_LEVELS.length;
