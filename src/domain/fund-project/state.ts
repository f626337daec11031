/**
 * The steps of a fund project, in order: 征集 (solicited), 确定 (decided, or declined, which ends it), 实施
 * (implementing), the work completed and open to 评议 (evaluation), then closed. 监督 (supervision) is not a
 * step: findings may be recorded from the decision until the project is closed.
 */
export const FUND_STEPS = ['solicited', 'decided', 'implementing', 'completed', 'closed'] as const;

/** A step of a fund project, or `declined` for one the fund turned down. */
export type FundStep = (typeof FUND_STEPS)[number] | 'declined';

/** A project nobody has put forward. */
export interface UnsolicitedProject {
  readonly status: 'unsolicited';
}

/** A project put forward, and everything recorded on it since. */
export interface SolicitedProject {
  readonly status: FundStep;
  readonly projectId: string;
  readonly street: string;
  readonly community: string;
  readonly fundYear: number;
  readonly requestedFen: number;
  /** The approved total, amendments included; 0 until decided. */
  readonly approvedFen: number;
  readonly spentFen: number;
  readonly milestones: ReadonlySet<string>;
  readonly spendings: ReadonlySet<string>;
  readonly contributions: ReadonlySet<string>;
  /** Residents who evaluated the project: one score each. */
  readonly evaluators: ReadonlySet<string>;
  readonly findings: ReadonlySet<string>;
}

/** The state of a FundProject aggregate. */
export type FundProjectState = UnsolicitedProject | SolicitedProject;

/** The state before `FundProjectSolicited`. */
export const initialFundProjectState: FundProjectState = { status: 'unsolicited' };

/** The position of a step in {@link FUND_STEPS} (declined counts as closed: nothing follows it). */
export const fundStepRank = (step: FundStep): number =>
  step === 'declined' ? FUND_STEPS.length - 1 : FUND_STEPS.indexOf(step);

/** True once the project has ended, closed or declined: it takes nothing more. */
export const isEnded = (project: SolicitedProject): boolean =>
  project.status === 'closed' || project.status === 'declined';

/** The units on which a staff member's scope must lie to act on the project: its street and community. */
export const fundProjectPath = (
  project: Pick<SolicitedProject, 'street' | 'community'>,
): readonly string[] => [project.street, project.community];
