import { z } from 'zod';
import { MessageCatalogue, type MessageInputsOf, type MessagesOf } from '../shared/catalogue.js';
import { IdSchema } from '../shared/ids.js';
import { PlaceNameSchema, NeighbourhoodReasonSchema } from './events.js';
import { LeaderRoleSchema, UnitLevelSchema } from './hierarchy.js';
import { ownerCommandSchemas } from './owners-schemas.js';

/** The data schemas of every Neighbourhood command, by type. */
export const neighbourhoodCommandSchemas = {
  EstablishNeighbourhood: z.object({
    neighbourhoodId: IdSchema,
    streetId: IdSchema,
    name: PlaceNameSchema,
  }),
  AddUnit: z.object({
    neighbourhoodId: IdSchema,
    unitId: IdSchema,
    level: UnitLevelSchema,
    parentId: IdSchema,
    name: PlaceNameSchema.optional(),
  }),
  AppointLeader: z.object({
    neighbourhoodId: IdSchema,
    unitId: IdSchema,
    role: LeaderRoleSchema,
    personId: IdSchema,
  }),
  StandDownLeader: z.object({
    neighbourhoodId: IdSchema,
    unitId: IdSchema,
    role: LeaderRoleSchema,
    personId: IdSchema,
    reason: NeighbourhoodReasonSchema.optional(),
  }),
  RegisterHousehold: z.object({
    neighbourhoodId: IdSchema,
    householdId: IdSchema,
    groupId: IdSchema,
  }),
  // The origin group is read from the state, so a caller cannot misstate where the household came from.
  MoveHousehold: z.object({
    neighbourhoodId: IdSchema,
    householdId: IdSchema,
    toGroupId: IdSchema,
  }),
  DeregisterHousehold: z.object({
    neighbourhoodId: IdSchema,
    householdId: IdSchema,
    reason: NeighbourhoodReasonSchema.optional(),
  }),
  ...ownerCommandSchemas,
};

/** The command schema map of the Neighbourhood aggregate. */
export type NeighbourhoodCommandSchemas = typeof neighbourhoodCommandSchemas;

/** The catalogue that parses Neighbourhood commands coming from callers. */
export const neighbourhoodCommands = new MessageCatalogue(neighbourhoodCommandSchemas);

/** Any Neighbourhood command, as parsed. */
export type NeighbourhoodCommand = MessagesOf<NeighbourhoodCommandSchemas>;

/** Any Neighbourhood command, as a caller writes it. */
export type NeighbourhoodCommandInput = MessageInputsOf<NeighbourhoodCommandSchemas>;

/** The Neighbourhood command of one type, as parsed. */
export type NeighbourhoodCommandOf<T extends NeighbourhoodCommand['type']> = Extract<
  NeighbourhoodCommand,
  { type: T }
>;
