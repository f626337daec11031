/**
 * The test district's community fund, recorded through the same governance facade as its problems, all before
 * the district's last event so the report's instant is unchanged: a Longtan garden project decided, started
 * and partly spent, co-funded by the owners' committee, and a partnership of Qingshui whose term ended in
 * April (due to share revenue) beside one still running.
 */
import type { Governance } from '../../../src/commands/governance.js';
import { OUTSIDE_DIRECTORY } from './directory.js';
import { recordCommands, type Actor, type Timed } from './record-commands.js';

const street = 'longtan-st';
const staff = (community: string): Actor => ({
  id: `cs-${community}`,
  role: 'community-staff',
  scope: [community],
});

const partnership = (partnershipId: string, termEnd: string): Timed => ({
  at: '2026-03-20T02:00:00.000Z',
  actor: staff('qingshui'),
  command: {
    type: 'AgreePartnership',
    data: {
      partnershipId,
      street,
      community: 'qingshui',
      partnerId: `org-${partnershipId}`,
      compoundGives: [{ kind: 'operating-rights', description: 'charging sheds' }],
      partnerGives: [{ kind: 'money', amountFen: 79_000_000 }],
      termStart: '2022-04-01T00:00:00.000Z',
      termEnd,
      revenueSharePercent: 20,
    },
  },
});

/** Records the district's fund project and partnerships. */
export const recordFunding = async (governance: Governance): Promise<void> => {
  const projectId = 'longtan-garden';
  const keeper = staff('longtan');
  const decision = { kind: 'meeting' as const, meetingId: 'longtan-2026-03', item: 'garden' };
  const steps: Timed[] = [
    {
      at: '2026-03-10T02:00:00.000Z',
      actor: { id: 'r-longtan-1', role: 'resident', scope: [] },
      command: {
        type: 'SolicitFundProject',
        data: {
          projectId,
          street,
          community: 'longtan',
          fundYear: 2026,
          title: 'Shared garden',
          need: 'a garden on the waste ground',
          requestedFen: 3_000_000,
          beneficiaries: 600,
          areaM2: 510,
        },
      },
    },
    {
      at: '2026-03-12T02:00:00.000Z',
      actor: keeper,
      command: { type: 'DecideFundProject', data: { projectId, approvedFen: 2_500_000, decision } },
    },
    {
      at: '2026-03-15T02:00:00.000Z',
      actor: keeper,
      command: { type: 'StartFundImplementation', data: { projectId } },
    },
    {
      at: '2026-04-01T02:00:00.000Z',
      actor: keeper,
      command: {
        type: 'ReportFundSpending',
        data: { projectId, spendingId: 's-1', amountFen: 1_200_000, purpose: 'soil and seedlings' },
      },
    },
    {
      at: '2026-04-02T02:00:00.000Z',
      actor: keeper,
      command: {
        type: 'RecordFundContribution',
        data: {
          projectId,
          contributionId: 'owners',
          contributor: { kind: 'owners-committee' },
          moneyFen: 500_000,
          labourHours: 0,
          description: "the owners' committee's share",
        },
      },
    },
    partnership('qingshui-sheds', '2026-04-01T00:00:00.000Z'),
    partnership('qingshui-rooms', '2028-04-01T00:00:00.000Z'),
  ];
  await recordCommands(governance, steps, { idPrefix: 'fund', outsideDirectory: OUTSIDE_DIRECTORY });
};
