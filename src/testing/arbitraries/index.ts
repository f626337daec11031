/** Every fast-check arbitrary of `linli/testing`: the one part of the entry that needs fast-check. */
export * from './neighbourhood.js';
export * from './problem.js';
export * from './task.js';
export * from './points.js';
export * from './deliberation.js';
export * from './fund-basics.js';
export * from './fund-project.js';
export * from './partnership.js';
export * from './organisation.js';
export * from './responsibility.js';
export * from './honours.js';
