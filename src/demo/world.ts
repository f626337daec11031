import type { RoutingTable } from '../domain/problem/routing.js';
import type { Agenda } from './agenda.js';
import type { Commander } from './commander.js';
import type { District } from './district.js';

/** What every part of the simulation shares: the district, the diary, the facade and the routing table. */
export interface World {
  readonly district: District;
  readonly agenda: Agenda;
  readonly commander: Commander;
  /** The routing table the facade triages with, so the simulation knows where each category goes. */
  readonly routing: RoutingTable;
}
