/** The Organisation aggregate: registration, members, and the resource list (资源清单). */
export * from './aggregate.js';
export * from './authorisation.js';
export * from './commands.js';
export * from './decider.js';
export * from './events.js';
export * from './state.js';
export * from './assignable.js';
