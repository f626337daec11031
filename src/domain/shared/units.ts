import { z } from 'zod';
import { IdSchema } from './ids.js';

/**
 * Where a problem stands: the street (街道), the community (社区, one Neighbourhood aggregate) and the grid
 * (网格). Every problem event that needs a place carries this path, so authorisation and the 721 statistics
 * never have to look anything up.
 */
export const UnitPathSchema = z.object({
  street: IdSchema,
  community: IdSchema,
  grid: IdSchema,
});

/** A street / community / grid path (see {@link UnitPathSchema}). */
export type UnitPath = z.infer<typeof UnitPathSchema>;

/** The unit ids of a path, widest first, for scope checks. */
export const pathUnits = (path: UnitPath): readonly string[] => [path.street, path.community, path.grid];

/**
 * A copy of a unit path as a plain literal. Not a spread: V8 gives a spread copy, once frozen, a hidden
 * class of its own, and read models keep one path per problem (60 MB of hidden classes at a million
 * events, against a few kilobytes for literals, which share one).
 */
export const copyUnitPath = (path: UnitPath): UnitPath => ({
  street: path.street,
  community: path.community,
  grid: path.grid,
});
