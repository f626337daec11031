import type { Actor, Role } from '../domain/shared/actors.js';

/** A resident acting for themselves; `organisations` are the teams whose directed tasks they may take. */
export const residentActor = (id: string, organisations: readonly string[] = []): Actor => ({
  id,
  role: 'resident',
  scope: [],
  organisations: [...organisations],
});

/** A member of staff answering for the units in `scope` (a grid, a community, the street). */
export const staffActor = (id: string, role: Role, scope: readonly string[]): Actor => ({
  id,
  role,
  scope: [...scope],
  organisations: [],
});
