import type { Actor } from '../domain/shared/actors.js';
import type { UnitPath } from '../domain/shared/units.js';
import { residentActor, staffActor } from './actors.js';
import { WeightedList, type Random } from './random.js';

/** A neighbour group (邻): 10 to 20 households, upstairs-downstairs, left and right. */
export interface NeighbourGroup {
  readonly groupId: string;
  readonly lane: Lane;
  /** How many households are registered in it now (the simulation keeps it in step with the register). */
  size: number;
  /** The neighbour leader (邻里长), a resident of the group. */
  leaderId: string | undefined;
}

/** A lane (里), here a building of two or three neighbour groups, led by its building leader (楼栋长). */
export interface Lane {
  readonly laneId: string;
  readonly grid: Grid;
  readonly groups: NeighbourGroup[];
  leaderId: string | undefined;
}

/** A grid (网格) of three or four buildings, some 80 to 120 households, worked by its grid workers. */
export interface Grid {
  readonly gridId: string;
  readonly community: Community;
  readonly lanes: Lane[];
  readonly workers: Actor[];
  /** The grid leader (网格长): a member of the community's staff. */
  leaderId: string;
}

/** A registered household and the resident who speaks for it. */
export interface Household {
  readonly householdId: string;
  readonly resident: Actor;
  readonly community: Community;
  group: NeighbourGroup;
  /** False once it moved out of the community. */
  active: boolean;
  /** Volunteers claim tasks; the weight says how keen (a few volunteers do most of the work). */
  readonly volunteerWeight: number;
}

/** The three teams that directed tasks go to. */
export const DIRECTED_TEAMS = ['electricians', 'greening', 'sanitation'] as const;

/** One of {@link DIRECTED_TEAMS}. */
export type DirectedTeam = (typeof DIRECTED_TEAMS)[number];

/** A team of residents (an organisation) that directed tasks are addressed to. */
export interface Team {
  readonly organisationId: string;
  readonly members: Household[];
}

/** How one community tends to work: the simulation's odds differ a little from community to community. */
export interface CommunityProfile {
  /** The odds that a tier hands a problem one step up rather than solve it itself. */
  readonly escalation: { readonly grid: number; readonly community: number; readonly street: number };
  /** Multiplies the odds of resolving within the deadline. */
  readonly punctuality: number;
  /** The odds that a reporter is satisfied with a resolution on time. */
  readonly satisfaction: number;
}

/** A community (社区): one Neighbourhood aggregate. */
export interface Community {
  readonly index: number;
  readonly communityId: string;
  readonly name: string;
  readonly streetId: string;
  readonly grids: Grid[];
  /** Community workers (社区工作者); the first is the community secretary. */
  readonly staff: Actor[];
  /** The community's administrator, who corrects and tops up points. */
  readonly administrator: Actor;
  /** Every household ever registered, movers-in included; check `active`. */
  readonly households: Household[];
  readonly volunteers: WeightedList<Household>;
  readonly teams: Readonly<Record<DirectedTeam, Team>>;
  readonly profile: CommunityProfile;
}

/** The whole district: one street (街道) and its communities, with the people outside them. */
export interface District {
  readonly streetId: string;
  readonly streetName: string;
  readonly officials: Actor[];
  /** Government departments by what they do. */
  readonly departments: Readonly<Record<'water' | 'forestry' | 'transport' | 'urban', Actor>>;
  /** Delivery riders who report what they see on their rounds. */
  readonly riders: Actor[];
  /** The scheduler that expires tasks whose deadline passed. */
  readonly scheduler: Actor;
  readonly communities: Community[];
  readonly households: number;
}

/** Places of Chengdu, Wuhan, Changzhou and Chongqing, for community names. */
const COMMUNITY_NAMES = [
  'Bairuijing',
  'Longtanzi',
  'Zhonglou',
  'Jiangdi',
  'Shuijingfang',
  'Yulin',
  'Hongpailou',
  'Jinhua',
  'Wanghuan',
  'Qinglong',
  'Meilingju',
  'Shuangnan',
  'Jiangxi',
  'Fuqin',
  'Caotang',
  'Wenshu',
  'Hehuachi',
  'Zhongnan',
  'Liangfeng',
  'Xinhe',
  'Tianhui',
  'Baoguang',
  'Jiaoyuan',
  'Yanhu',
  'Dongting',
  'Huangtupo',
  'Shouyi',
  'Ziyang',
  'Liyuan',
  'Nanhu',
  'Guanshan',
  'Xiaoguan',
  'Wulidun',
  'Yangyuan',
  'Fenghuo',
  'Hongjunlu',
];

/** The street of the demo: Longtanzi's sub-district. */
const STREET = { id: 'longtan', name: 'Longtan Street' } as const;

/**
 * How many communities a district of `households` holds: some 3,300 households each (100,000 households make
 * about 30), but at least a few small ones for a small district, so the per-community table has rows.
 */
export const communityCount = (households: number): number => {
  const bySize = Math.round(households / 3_300);
  if (bySize >= 4) return bySize;
  return Math.max(1, Math.min(4, Math.floor(households / 500)));
};

/** Splits `total` into `parts` positive shares of roughly equal size (each within about a quarter of the mean). */
const split = (random: Random, total: number, parts: number): number[] => {
  const weights = Array.from({ length: parts }, () => random.float(0.75, 1.25));
  const sum = weights.reduce((a, b) => a + b, 0);
  const shares = weights.map((weight) => Math.max(1, Math.floor((total * weight) / sum)));
  let left = total - shares.reduce((a, b) => a + b, 0);
  for (let i = 0; left !== 0; i = (i + 1) % parts) {
    const share = shares[i] as number;
    if (left > 0) {
      shares[i] = share + 1;
      left -= 1;
    } else if (share > 1) {
      shares[i] = share - 1;
      left += 1;
    }
  }
  return shares;
};

/** Neighbour-group sizes adding up to `households`: 10 to 20 each (fewer only for a tiny community). */
const groupSizes = (random: Random, households: number): number[] => {
  const sizes: number[] = [];
  let left = households;
  while (left > 20) {
    const size = random.int(10, Math.min(20, left - 10));
    sizes.push(size);
    left -= size;
  }
  sizes.push(left);
  return sizes;
};

/** Cuts a list into consecutive runs of `min` to `max` items (the last run may be shorter). */
const runs = <T>(random: Random, items: readonly T[], min: number, max: number): T[][] => {
  const result: T[][] = [];
  for (let i = 0; i < items.length;) {
    const length = random.int(min, max);
    result.push(items.slice(i, i + length));
    i += length;
  }
  return result;
};

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** A volunteer's keenness: most do a task now and then, a few do many (a heavy tail, for the honour roll). */
const keenness = (random: Random): number => 1 + 24 * random.next() ** 4;

/** The odds of one community, drawn around the 721 pattern. */
const drawProfile = (random: Random): CommunityProfile => ({
  escalation: {
    grid: random.float(0.05, 0.14),
    community: random.float(0.06, 0.14),
    street: random.float(0.1, 0.2),
  },
  punctuality: random.float(0.95, 1.03),
  satisfaction: random.float(0.86, 0.95),
});

interface HouseholdDraft {
  readonly householdId: string;
  readonly residentId: string;
  readonly group: NeighbourGroup;
  readonly volunteerWeight: number;
}

/** Builds one community's plan: its tree, its staff, its households, volunteers and teams. */
const planCommunity = (random: Random, index: number, streetId: string, households: number): Community => {
  const communityId = `c${pad(index + 1, 2)}`;
  const name = COMMUNITY_NAMES[index] ?? `Community ${index + 1}`;
  const staff = Array.from({ length: Math.max(2, Math.round(households / 400)) }, (_, k) =>
    staffActor(`${communityId}-staff-${k + 1}`, 'community-staff', [communityId]),
  );
  const grids: Grid[] = [];
  // Volunteers and teams are filled in once the households exist; the tree refers to this very record.
  const community: { -readonly [K in keyof Community]: Community[K] } = {
    index,
    communityId,
    name,
    streetId,
    grids,
    staff,
    administrator: staffActor(`${communityId}-admin`, 'administrator', [communityId]),
    households: [],
    volunteers: new WeightedList<Household>([]),
    teams: {} as Record<DirectedTeam, Team>,
    profile: drawProfile(random),
  };

  const sizes = groupSizes(random, households);
  const laneRuns = runs(random, sizes, 2, 3);
  const gridRuns = runs(random, laneRuns, 3, 4);
  const drafts: HouseholdDraft[] = [];
  gridRuns.forEach((laneSizes, g) => {
    const gridId = `${communityId}-g${pad(g + 1, 3)}`;
    const gridHouseholds = laneSizes.flat().reduce((a, b) => a + b, 0);
    const workers = Array.from({ length: gridHouseholds > 110 ? 2 : 1 }, (_, k) =>
      staffActor(`${gridId}-worker-${k + 1}`, 'grid-worker', [gridId]),
    );
    const grid: Grid = {
      gridId,
      community,
      lanes: [],
      workers,
      leaderId: (staff[g % staff.length] as Actor).id,
    };
    laneSizes.forEach((groupSizesOfLane, l) => {
      const lane: Lane = { laneId: `${gridId}-b${l + 1}`, grid, groups: [], leaderId: undefined };
      groupSizesOfLane.forEach((size, n) => {
        const group: NeighbourGroup = {
          groupId: `${lane.laneId}-n${n + 1}`,
          lane,
          size,
          leaderId: undefined,
        };
        for (let h = 0; h < size; h++) {
          const householdId = `${communityId}-h${pad(drafts.length + 1, 5)}`;
          drafts.push({
            householdId,
            residentId: `${householdId}-r`,
            group,
            volunteerWeight: random.chance(0.12) ? keenness(random) : 0,
          });
        }
        lane.groups.push(group);
      });
      grid.lanes.push(lane);
    });
    grids.push(grid);
  });

  const volunteerDrafts = drafts.filter((draft) => draft.volunteerWeight > 0);
  const teamSize = Math.min(volunteerDrafts.length, Math.max(2, Math.min(6, Math.round(households / 600))));
  const membership = new Map<string, string[]>();
  const teamDrafts = Object.fromEntries(
    DIRECTED_TEAMS.map((team) => {
      const organisationId = `${communityId}-${team}`;
      const members = random.shuffled(volunteerDrafts).slice(0, teamSize);
      for (const member of members) {
        membership.set(member.residentId, [...(membership.get(member.residentId) ?? []), organisationId]);
      }
      return [team, { organisationId, members }];
    }),
  ) as Record<DirectedTeam, { organisationId: string; members: HouseholdDraft[] }>;

  const byId = new Map<string, Household>();
  for (const draft of drafts) {
    const household: Household = {
      householdId: draft.householdId,
      resident: residentActor(draft.residentId, membership.get(draft.residentId)),
      community,
      group: draft.group,
      active: true,
      volunteerWeight: draft.volunteerWeight,
    };
    community.households.push(household);
    byId.set(draft.householdId, household);
  }
  const volunteers = community.households.filter((household) => household.volunteerWeight > 0);
  const teams = Object.fromEntries(
    DIRECTED_TEAMS.map((team) => [
      team,
      {
        organisationId: teamDrafts[team].organisationId,
        members: teamDrafts[team].members.map((draft) => byId.get(draft.householdId) as Household),
      },
    ]),
  ) as Record<DirectedTeam, Team>;

  // Leaders are residents of the unit they lead, drawn at random.
  const residentsOf = new Map<NeighbourGroup, Household[]>();
  for (const household of community.households) {
    const members = residentsOf.get(household.group);
    if (members === undefined) residentsOf.set(household.group, [household]);
    else members.push(household);
  }
  for (const grid of grids) {
    for (const lane of grid.lanes) {
      for (const group of lane.groups) group.leaderId = random.pick(residentsOf.get(group) ?? []).resident.id;
      lane.leaderId = random.pick(lane.groups.flatMap((group) => residentsOf.get(group) ?? [])).resident.id;
    }
  }
  community.volunteers = new WeightedList(
    volunteers.map((household) => [household, household.volunteerWeight]),
  );
  community.teams = teams;
  return community;
};

/**
 * Plans a district of `households` households: one street, communities of a few thousand households, grids
 * of three or four buildings, buildings of two or three neighbour groups of 10 to 20 households; staff,
 * leaders, volunteers and teams. Only a plan: {@link buildDistrict} records it through commands.
 */
export const planDistrict = (random: Random, households: number): District => {
  if (!Number.isSafeInteger(households) || households < 1) {
    throw new RangeError(`a district needs at least one household, got ${households}`);
  }
  const shares = split(random, households, communityCount(households));
  const communities = shares.map((share, index) => planCommunity(random, index, STREET.id, share));
  const official = (k: number): Actor =>
    staffActor(`${STREET.id}-official-${k}`, 'street-official', [STREET.id]);
  return {
    streetId: STREET.id,
    streetName: STREET.name,
    officials: [official(1), official(2), official(3)],
    departments: {
      water: staffActor('dept-water-resources', 'department', ['water-resources']),
      forestry: staffActor('dept-forestry', 'department', ['forestry']),
      transport: staffActor('dept-transport', 'department', ['transport']),
      urban: staffActor('dept-urban-management', 'department', ['urban-management']),
    },
    riders: Array.from({ length: Math.max(3, Math.round(households / 1_000)) }, (_, k) =>
      residentActor(`rider-${pad(k + 1, 3)}`),
    ),
    scheduler: staffActor('task-scheduler', 'system', []),
    communities,
    households,
  };
};

/** Where a household lives, as problem reports carry it. */
export const householdPath = (household: Household): UnitPath => ({
  street: household.community.streetId,
  community: household.community.communityId,
  grid: household.group.lane.grid.gridId,
});

/** The place of a grid, as problem reports carry it. */
export const gridPath = (grid: Grid): UnitPath => ({
  street: grid.community.streetId,
  community: grid.community.communityId,
  grid: grid.gridId,
});
