import type { Aggregate } from '../../commands/aggregate.js';
import { honoursStream } from '../shared/ids.js';
import { honoursCommands, type honoursCommandSchemas } from './commands.js';
import { honoursDecider } from './decider.js';
import { honoursEvents, type honoursEventSchemas } from './events.js';
import type { HonoursState } from './state.js';

/** The Honours aggregate as the command handler runs it. */
export type HonoursAggregate = Aggregate<
  typeof honoursCommandSchemas,
  typeof honoursEventSchemas,
  HonoursState
>;

/** Honours have no configuration yet: the star table travels in each star award's basis. */
export type HonoursConfig = Readonly<Record<string, never>>;

/** Builds the Honours aggregate (stream `honours-<community>-<year>`). */
export const createHonoursAggregate = (_config: HonoursConfig = {}): HonoursAggregate => ({
  name: 'Honours',
  commands: honoursCommands,
  events: honoursEvents,
  decider: honoursDecider,
  streamId: (command) => honoursStream(command.data.honoursId),
  recordedBy: { HonourAwarded: 'AwardHonour', PrizeGiven: 'GivePrize' },
});

/** The Honours aggregate. */
export const honoursAggregate: HonoursAggregate = createHonoursAggregate();
