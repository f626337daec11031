/**
 * An Open311 GeoReport v2 view of the problem ledger, so that governance systems already speaking GeoReport
 * can consume linli's problems: service requests, the services list, and the mapping's configuration.
 */
export * from './config.js';
export * from './service-request.js';
export * from './service-requests.js';
export * from './services.js';
export * from './to-service-request.js';
