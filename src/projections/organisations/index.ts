/** The organisation register read model: the resource list, organisations per unit, the four parties. */
export * from './projection.js';
export * from './queries.js';
export * from './state.js';
