import { z } from 'zod';
import { MessageCatalogue, type MessagesOf } from '../shared/catalogue.js';
import { IdSchema } from '../shared/ids.js';
import { LeaderRoleSchema, UnitLevelSchema } from './hierarchy.js';
import { ownerEventSchemas } from './owners-schemas.js';

/**
 * The public name of a community or a unit as posted on its notice board ('Bairuijing', 'Lane 3'). Places
 * have names; people and households never appear by name, only by id.
 */
export const PlaceNameSchema = z.string().trim().min(1).max(100);

/** Why a leader stood down or a household left: a short note, kept bounded so it cannot grow into a file. */
export const NeighbourhoodReasonSchema = z.string().trim().min(1).max(200);

/** The data schemas of every Neighbourhood event, by type (v1 of the integration contract). */
export const neighbourhoodEventSchemas = {
  NeighbourhoodEstablished: z.object({
    neighbourhoodId: IdSchema,
    streetId: IdSchema,
    name: PlaceNameSchema,
  }),
  UnitAdded: z.object({
    neighbourhoodId: IdSchema,
    unitId: IdSchema,
    level: UnitLevelSchema,
    parentId: IdSchema,
    name: PlaceNameSchema.optional(),
  }),
  LeaderAppointed: z.object({
    neighbourhoodId: IdSchema,
    unitId: IdSchema,
    role: LeaderRoleSchema,
    personId: IdSchema,
  }),
  LeaderStoodDown: z.object({
    neighbourhoodId: IdSchema,
    unitId: IdSchema,
    role: LeaderRoleSchema,
    personId: IdSchema,
    reason: NeighbourhoodReasonSchema.optional(),
  }),
  HouseholdRegistered: z.object({
    neighbourhoodId: IdSchema,
    householdId: IdSchema,
    groupId: IdSchema,
  }),
  HouseholdMoved: z.object({
    neighbourhoodId: IdSchema,
    householdId: IdSchema,
    fromGroupId: IdSchema,
    toGroupId: IdSchema,
  }),
  HouseholdDeregistered: z.object({
    neighbourhoodId: IdSchema,
    householdId: IdSchema,
    reason: NeighbourhoodReasonSchema.optional(),
  }),
  ...ownerEventSchemas,
};

/** The event schema map of the Neighbourhood aggregate. */
export type NeighbourhoodEventSchemas = typeof neighbourhoodEventSchemas;

/** The catalogue that parses Neighbourhood events read from a store. */
export const neighbourhoodEvents = new MessageCatalogue(neighbourhoodEventSchemas);

/** Any Neighbourhood event. */
export type NeighbourhoodEvent = MessagesOf<NeighbourhoodEventSchemas>;

/** The Neighbourhood event of one type. */
export type NeighbourhoodEventOf<T extends NeighbourhoodEvent['type']> = Extract<
  NeighbourhoodEvent,
  { type: T }
>;
