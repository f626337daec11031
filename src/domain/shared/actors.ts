import { z } from 'zod';
import { IdSchema } from './ids.js';

/** Who may act. `system` is the library itself (process managers such as the points policy). */
export const ROLES = [
  'resident',
  'grid-worker',
  'community-staff',
  'street-official',
  'department',
  'administrator',
  'system',
] as const;

/** The role an actor acts in. */
export type Role = (typeof ROLES)[number];

/** Zod schema of a {@link Role}. */
export const RoleSchema = z.enum(ROLES);

/** The actor as recorded on every event: who did it and in which role. */
export const RecordedActorSchema = z.object({ id: IdSchema, role: RoleSchema });

/** The actor as recorded on every event. */
export type RecordedActor = z.infer<typeof RecordedActorSchema>;

/**
 * The scope entry that covers every unit: for a deployment-wide administrator or the system. Authority is
 * denied by default, so "everywhere" must be said explicitly; an empty scope covers nothing.
 */
export const ALL_UNITS = '*';

/** One entry of an actor's scope: a unit id, or {@link ALL_UNITS}. */
export const ScopeEntrySchema = z.union([IdSchema, z.literal(ALL_UNITS)]);

/**
 * The acting person as the command context carries it. `scope` lists the unit ids (street, community, grid,
 * lane, neighbour group) the actor answers for; an actor covers a unit when the unit's path contains one of
 * them, or when the scope holds {@link ALL_UNITS}. `organisations` lists the organisations the actor belongs
 * to (for directed tasks).
 */
export const ActorSchema = RecordedActorSchema.extend({
  scope: z.array(ScopeEntrySchema).default([]),
  organisations: z.array(IdSchema).default([]),
});

/** The acting person, with the units and organisations they answer for. */
export type Actor = z.output<typeof ActorSchema>;

/**
 * True when the actor's scope contains any unit on `path` (a street official of S covers every grid in S), or
 * {@link ALL_UNITS}.
 */
export const coversPath = (actor: Pick<Actor, 'scope'>, path: readonly string[]): boolean =>
  actor.scope.some((unit) => unit === ALL_UNITS || path.includes(unit));

/** True when the actor acts in one of `roles`. */
export const hasRole = (actor: Pick<Actor, 'role'>, roles: readonly Role[]): boolean =>
  roles.includes(actor.role);
