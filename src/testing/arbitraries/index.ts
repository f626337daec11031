/** Every fast-check arbitrary of `linli/testing`: the one part of the entry that needs fast-check. */
export * from './neighbourhood.js';
export * from './problem.js';
export * from './task.js';
export * from './points.js';
export * from './honours.js';
