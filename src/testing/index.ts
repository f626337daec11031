/**
 * `linli/testing`: what other teams need to test their own systems on top of linli: the given/when/then
 * spec helper, a test command context, a directory recorder for facade tests, and fast-check arbitraries of
 * commands and histories.
 */
export { spec, type SpecGiven, type SpecOutcome } from './spec.js';
export { testContext } from './context.js';
export {
  DIRECTORY_RECORDED_AT,
  directoryOfPaths,
  directorySteps,
  recordDirectory,
  type DirectoryCommunity,
  type DirectoryStep,
  type DirectoryUnit,
} from './directory.js';
export * from './arbitraries/neighbourhood.js';
export * from './arbitraries/problem.js';
export * from './arbitraries/task.js';
export * from './arbitraries/points.js';
