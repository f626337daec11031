/**
 * `linli/testing`: what other teams need to test their own systems on top of linli: the given/when/then
 * spec helper, a test command context, a directory recorder for facade tests, scenario helpers (worlds,
 * actors, problem lifecycles), and fast-check arbitraries of commands and histories.
 *
 * fast-check is an optional peer dependency: everything but the arbitraries loads without it. The
 * arbitraries are imported at load only if fast-check resolves; without it each one is a stand-in that
 * throws an error saying to install fast-check when used.
 */
import { loadArbitraries } from './optional-arbitraries.js';

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
export { recordOrganisations, type RecordedOrganisation } from './organisations.js';
export * from './scenarios/neighbourhood-pools.js';
export * from './scenarios/problem-actors.js';
export * from './scenarios/problem-lifecycle.js';
export * from './scenarios/task-world.js';
export * from './scenarios/points-world.js';
export * from './scenarios/compound-world.js';
export * from './scenarios/fund-world.js';
export * from './scenarios/organisation-world.js';
export * from './scenarios/responsibility-world.js';
export type {
  CommunityTree,
  CommunityTreeOptions,
  GeneratedGrid,
  GeneratedGroup,
  GeneratedLane,
  NeighbourhoodActorInput,
  NeighbourhoodStep,
  OrganisationStep,
  PointsHistory,
  PointsStep,
  TaskAction,
  TaskHistory,
  TaskStep,
  TaskStepsOptions,
  DeliberationStep,
  ProposalStepsOptions,
  FundAction,
  FundCommandStep,
  FundProjectStepsOptions,
  PartnershipStepsOptions,
  HonoursStep,
} from './arbitraries/index.js';

// Listed one by one: a module's exports cannot be re-exported conditionally. A test holds this list to the
// arbitraries module's exports.
export const {
  neighbourhoodIdArb,
  communityNameArb,
  neighbourhoodCommandArb,
  neighbourhoodActorArb,
  communityTreeArb,
  pointsActorArb,
  redemptionItemsArb,
  awardedPointsArb,
  awardPointsCommandArb,
  redeemPointsCommandArb,
  adjustPointsCommandArb,
  pointsCommandArb,
  pointsStepsArb,
  pointsHistoryArb,
  problemIdArbitrary,
  unitPathArbitrary,
  problemCategoryArbitrary,
  reportChannelArbitrary,
  tierArbitrary,
  problemTextArbitrary,
  mediaArbitrary,
  reportProblemDataArbitrary,
  reportProblemArbitrary,
  problemActorArbitrary,
  problemLifecyclePlanArbitrary,
  problemLifecycleArbitrary,
  problemLifecyclesArbitrary,
  problemEventArbitrary,
  taskActorArb,
  claimantActorArb,
  staffActorArb,
  difficultyArb,
  taskTitleArb,
  proofArb,
  taskReasonArb,
  publishTaskDataArb,
  advanceArb,
  taskActionArb,
  residentEpisodeArb,
  taskEpisodeArb,
  taskStepsArb,
  taskHistoryArb,
  proposalStepsArb,
  meetingStepsArb,
  fundActorArb,
  fundStaffActorArb,
  fundSupervisorActorArb,
  fundResidentActorArb,
  fenArb,
  decisionRefArb,
  contributorArb,
  solicitFundProjectDataArb,
  fundProjectActionArb,
  fundProjectJourneyArb,
  fundProjectEpisodeArb,
  fundProjectStepsArb,
  agreePartnershipDataArb,
  partnershipActionArb,
  partnershipStepsArb,
  organisationKindArb,
  organisationActorArb,
  listResourceDataArb,
  organisationCommandArb,
  organisationStepsArb,
  assigneeArb,
  responsibleRoleArb,
  responsibilityCommandArb,
  responsibilityActorArb,
  honoursActorArb,
  awardHonourCommandArb,
  givePrizeCommandArb,
  honoursStepsArb,
  anchorStepsArb,
} = await loadArbitraries();
