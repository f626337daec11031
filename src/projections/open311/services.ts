import { DEFAULT_ROUTING, type RoutingTable } from '../../domain/problem/routing.js';
import { open311Config, serviceNameOf, type Open311Options } from './config.js';
import type { Open311Service } from './service-request.js';

/**
 * The categories of a routing table as GeoReport v2 `GET services`, in category order: each grouped by the
 * tier it is routed to, so a consumer can tell grid matters from department works.
 */
export const open311Services = (
  routing: RoutingTable = DEFAULT_ROUTING,
  options: Open311Options = {},
): Open311Service[] => {
  const config = open311Config(options);
  return Object.keys(routing.routes)
    .sort()
    .flatMap((category) => {
      const route = routing.routes[category];
      if (route === undefined) return [];
      return [
        {
          service_code: category,
          service_name: serviceNameOf(config, category),
          description: `Routed to the ${route.tier} tier at ${route.priority} priority`,
          metadata: false as const,
          type: 'realtime' as const,
          keywords: [category, route.tier].join(','),
          group: route.tier,
        },
      ];
    });
};
