import { z } from 'zod';
import { IdSchema } from '../shared/ids.js';

/** Why an owner left the register: the same bounded note as the household register's (see events.ts). */
const OwnerReasonSchema = z.string().trim().min(1).max(200);

/**
 * The owners' register (业主名册) of a community's compounds. Votes on a compound's common parts (an elevator)
 * count owners, not households or residents, so owners are a register of their own: ids only, never names.
 */
export const ownerEventSchemas = {
  /** An owner of a flat in the compound was entered in the register. */
  OwnerRegistered: z.object({
    neighbourhoodId: IdSchema,
    ownerId: IdSchema,
    householdId: IdSchema,
    compoundId: IdSchema,
  }),
  /** An owner left the compound's register (sold, died, duplicate record). */
  OwnerDeregistered: z.object({
    neighbourhoodId: IdSchema,
    ownerId: IdSchema,
    compoundId: IdSchema,
    reason: OwnerReasonSchema.optional(),
  }),
};

/** The owners' register commands, by type. */
export const ownerCommandSchemas = {
  RegisterOwner: ownerEventSchemas.OwnerRegistered,
  DeregisterOwner: ownerEventSchemas.OwnerDeregistered,
};
