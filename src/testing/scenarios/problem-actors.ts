import { TIER_ROLES } from '../../domain/problem/permissions.js';
import type { Actor } from '../../domain/shared/actors.js';
import { TIERS, type Tier } from '../../domain/shared/tiers.js';
import type { UnitPath } from '../../domain/shared/units.js';

const actor = (id: string, role: Actor['role'], scope: readonly string[] = []): Actor => ({
  id,
  role,
  scope: [...scope],
  organisations: [],
});

/** The staff member of `tier` who answers for `path` (departments and their staff are city-wide). */
export const staffFor = (tier: Tier, path: UnitPath): Actor => {
  switch (tier) {
    case 'grid':
      return actor(`gw-${path.grid}`, TIER_ROLES.grid, [path.grid]);
    case 'community':
      return actor(`cs-${path.community}`, TIER_ROLES.community, [path.community]);
    case 'street':
      return actor(`so-${path.street}`, TIER_ROLES.street, [path.street]);
    case 'department':
      return actor('dept-works', TIER_ROLES.department);
  }
};

/**
 * Everyone who might send a command about a problem at `path`: its reporter, another resident, the staff of
 * every tier both for this place and for a neighbouring one, a department, and administrators with and
 * without scope. Most of them are refused most commands, which is what a model-based test wants.
 */
export const problemActorsAround = (path: UnitPath, reporterId: string): readonly Actor[] => {
  const elsewhere: UnitPath = {
    street: `${path.street}x`,
    community: `${path.community}x`,
    grid: `${path.grid}x`,
  };
  return [
    actor(reporterId, 'resident'),
    actor('r-neighbour', 'resident'),
    actor('rider-7', 'resident'),
    ...TIERS.map((tier) => staffFor(tier, path)),
    ...TIERS.filter((tier) => tier !== 'department').map((tier) => staffFor(tier, elsewhere)),
    actor('admin-city', 'administrator', ['*']),
    actor('admin-unscoped', 'administrator'),
    actor('admin-here', 'administrator', [path.community]),
    actor('admin-elsewhere', 'administrator', [elsewhere.street]),
    actor('system', 'system'),
  ];
};
