import { z } from 'zod';
import { MessageCatalogue, type MessagesOf } from '../shared/catalogue.js';
import { IdSchema } from '../shared/ids.js';

/** The honours a community posts: the two quarterly appraisal titles, the red list and the year's stars. */
export const HONOUR_TITLES = [
  'governance-talent',
  'governance-pioneer',
  'red-list',
  'star-volunteer',
] as const;

/** A title of {@link HONOUR_TITLES}. */
export type HonourTitle = (typeof HONOUR_TITLES)[number];

/** A count in a basis: whole and bounded, so no sum of them loses precision. */
const CountSchema = z.number().int().min(0).max(1_000_000_000);

/** A period as the honour roll cuts it (`2026-05`, `2026-Q2`, `2026`), in the roll's time zone. */
export const HonourPeriodSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('month'), key: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/) }),
  z.object({ kind: z.literal('quarter'), key: z.string().regex(/^\d{4}-Q[1-4]$/) }),
  z.object({ kind: z.literal('year'), key: z.string().regex(/^\d{4}$/) }),
]);

/** The figures a quarterly title was computed from: the quarter's points and verified tasks, and the rank. */
const AppraisalBasisSchema = z.object({
  points: CountSchema.min(1),
  verifiedTasks: CountSchema,
  /** Competition rank (1, 2, 2, 4) on the title's ordering: points for talents, verified tasks for pioneers. */
  rank: z.number().int().min(1).max(1_000),
});

/** What an award records: who, which title, for which period, and the figures it was computed from. */
const honourFields = {
  /** `<community>-<year>`: the stream `honours-<honoursId>` holding the community's honours of the year. */
  honoursId: IdSchema,
  community: IdSchema,
  /** The award's id, unique in its stream; a prize names it. */
  awardId: IdSchema,
  residentId: IdSchema,
  /** The deeds shown publicly with the award (感言有公示), optional. */
  citation: z.string().min(1).max(500).optional(),
};

/**
 * Data of `HonourAwarded`, by title. The basis is what the honour roll showed when the award was made; the
 * audit replays the roll to the award's position and flags a basis that differs.
 */
export const HonourAwardedSchema = z.discriminatedUnion('title', [
  z.object({
    ...honourFields,
    title: z.literal('governance-talent'),
    period: z.object({ kind: z.literal('quarter'), key: z.string().regex(/^\d{4}-Q[1-4]$/) }),
    basis: AppraisalBasisSchema,
  }),
  z.object({
    ...honourFields,
    title: z.literal('governance-pioneer'),
    period: z.object({ kind: z.literal('quarter'), key: z.string().regex(/^\d{4}-Q[1-4]$/) }),
    basis: AppraisalBasisSchema.extend({ verifiedTasks: CountSchema.min(1) }),
  }),
  z.object({
    ...honourFields,
    title: z.literal('red-list'),
    period: HonourPeriodSchema,
    basis: z.object({ points: CountSchema, verifiedTasks: CountSchema.min(1) }),
  }),
  z.object({
    ...honourFields,
    title: z.literal('star-volunteer'),
    period: z.object({ kind: z.literal('year'), key: z.string().regex(/^\d{4}$/) }),
    basis: z.object({
      points: CountSchema.min(1),
      stars: z.number().int().min(1).max(20),
      /** The star table the stars were counted with: community configuration, recorded with the award. */
      thresholds: z.array(CountSchema.min(1)).min(1).max(20),
    }),
  }),
]);

/** Data of `PrizeGiven`: the prize handed over for an award recorded earlier in the same stream. */
export const PrizeGivenSchema = z.object({
  honoursId: IdSchema,
  community: IdSchema,
  awardId: IdSchema,
  prize: z.string().min(1).max(200),
});

/** The Honours event schemas by type: the integration contract of the `honours-<community>-<year>` streams. */
export const honoursEventSchemas = {
  HonourAwarded: HonourAwardedSchema,
  PrizeGiven: PrizeGivenSchema,
} as const;

/** The catalogue that parses Honours events read from a store. */
export const honoursEvents = new MessageCatalogue(honoursEventSchemas);

/** Any Honours event. */
export type HonoursEvent = MessagesOf<typeof honoursEventSchemas>;

/** The Honours event of one type. */
export type HonoursEventOf<T extends HonoursEvent['type']> = Extract<HonoursEvent, { readonly type: T }>;

/** The data of an award. */
export type HonourAward = HonoursEventOf<'HonourAwarded'>['data'];

/** The year a period falls in (`2026-Q2` and `2026-05` are in `2026`). */
export const yearOfPeriod = (period: { readonly key: string }): string => period.key.slice(0, 4);

/** The id of a community's honours of a year: `<community>-<year>`. */
export const honoursIdOf = (community: string, year: string): string => `${community}-${year}`;
