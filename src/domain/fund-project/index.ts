export * from './aggregate.js';
export * from './commands.js';
export * from './decider.js';
export * from './events.js';
export * from './evolve.js';
export * from './permissions.js';
export * from './state.js';
