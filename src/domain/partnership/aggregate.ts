import type { Aggregate } from '../../commands/aggregate.js';
import { partnershipStream } from '../shared/ids.js';
import { partnershipCommands, type partnershipCommandSchemas } from './commands.js';
import { partnershipDecider } from './decider.js';
import { partnershipEvents, type partnershipEventSchemas } from './events.js';
import type { PartnershipState } from './state.js';

/** The Partnership aggregate as the command handler runs it. */
export type PartnershipAggregate = Aggregate<
  typeof partnershipCommandSchemas,
  typeof partnershipEventSchemas,
  PartnershipState
>;

/** The Partnership configuration; nothing is configurable yet (kept so LinliConfig has a slot for it). */
export type PartnershipConfig = Readonly<Record<never, never>>;

/** Builds the Partnership aggregate (stream `partnership-<partnershipId>`). */
export const createPartnershipAggregate = (_config: PartnershipConfig = {}): PartnershipAggregate => ({
  name: 'Partnership',
  commands: partnershipCommands,
  events: partnershipEvents,
  decider: partnershipDecider,
  streamId: (command) => partnershipStream(command.data.partnershipId),
  recordedBy: {
    PartnershipAgreed: 'AgreePartnership',
    PartnerContributionRecorded: 'RecordPartnerContribution',
    RevenueShareStarted: 'StartRevenueShare',
    PartnershipEnded: 'EndPartnership',
  },
});

/** The Partnership aggregate. */
export const partnershipAggregate: PartnershipAggregate = createPartnershipAggregate();
