/**
 * The three Wuhou cases (SEEDS-GAP F1-F3), pinned through the governance facade and the funds read model:
 * Chaofuyuan's partner, Chaoyin's four scenes, Rongyuan's garden.
 */
import { describe, expect, it } from 'vitest';
import { formatYuan } from '../../../src/domain/shared/money.js';
import {
  fundLedger,
  fundProjectBoard,
  partnershipsDueForRevenueShare,
} from '../../../src/projections/funds/index.js';
import { fundGovernance } from './support.js';

const street = 'street-wuhou-jiangxi';
const staff = (community: string) => ({
  id: `staff-${community}`,
  role: 'community-staff' as const,
  scope: [community],
});
const official = { id: 'official-jiangxi', role: 'street-official' as const, scope: [street] };
const resident = (n: number) => ({ id: `resident-${n}`, role: 'resident' as const });

describe('Chaofuyuan (潮福苑): ¥790,000 from a partner against 4 years of operating rights', () => {
  const community = 'community-chaofuyuan';
  const agree = {
    type: 'AgreePartnership' as const,
    data: {
      partnershipId: 'chaofuyuan-charging',
      street,
      community,
      partnerId: 'org-charging-partner',
      compoundGives: [
        {
          kind: 'operating-rights' as const,
          description: 'operating the 6 charging sheds and 3 rooms for 4 years',
        },
      ],
      partnerGives: [
        { kind: 'money' as const, amountFen: 79_000_000 },
        { kind: 'asset' as const, description: 'smart charging shed', quantity: 6 },
        { kind: 'asset' as const, description: 'room fitted out', quantity: 3 },
      ],
      termStart: '2026-01-01T00:00:00.000+08:00',
      termEnd: '2030-01-01T00:00:00.000+08:00',
      revenueSharePercent: 20,
      decision: { kind: 'meeting' as const, meetingId: 'meeting-2025-12', item: 'charging sheds partner' },
    },
  };

  it('records the money and assets, shares revenue only once the four years are over', async () => {
    const driver = await fundGovernance([{ street, community }]);
    const keeper = staff(community);
    expect(await driver.accept(agree, keeper, '2025-12-20T10:00:00.000+08:00')).toEqual([
      'PartnershipAgreed',
    ]);
    const contribution = {
      type: 'RecordPartnerContribution' as const,
      data: {
        partnershipId: 'chaofuyuan-charging',
        contributionId: 'chaofuyuan-1',
        moneyFen: 79_000_000,
        assets: [
          { description: 'smart charging shed', quantity: 6 },
          { description: 'room fitted out', quantity: 3 },
        ],
        receivedOn: '2026-03-15',
        description: '6 charging sheds built and 3 rooms fitted out',
      },
    };
    await driver.accept(contribution, keeper, '2026-03-15T10:00:00.000+08:00');

    const before = await driver.models();
    const ledger = fundLedger(before.funds, community, 2026);
    expect(ledger.partnerFen).toBe(79_000_000);
    expect(formatYuan(ledger.leveragedFen)).toBe('¥790,000.00');
    expect(partnershipsDueForRevenueShare(before.funds, '2029-12-31T23:59:59.000+08:00')).toEqual([]);
    expect(
      partnershipsDueForRevenueShare(before.funds, '2030-01-01T00:00:00.000+08:00').map(
        (p) => p.partnershipId,
      ),
    ).toEqual(['chaofuyuan-charging']);

    const share = { type: 'StartRevenueShare' as const, data: { partnershipId: 'chaofuyuan-charging' } };
    await driver.refuse(share, keeper, '2029-12-31T12:00:00.000+08:00', 'invalid-transition');
    expect(await driver.accept(share, keeper, '2030-01-02T09:00:00.000+08:00')).toEqual([
      'RevenueShareStarted',
    ]);
    const after = await driver.models();
    expect(after.funds.partnerships['chaofuyuan-charging']).toMatchObject({
      status: 'sharing',
      revenueSharePercent: 20,
      receivedFen: 79_000_000,
      promisedFen: 79_000_000,
      assetsReceived: [
        { description: 'smart charging shed', quantity: 6 },
        { description: 'room fitted out', quantity: 3 },
      ],
    });
    expect(partnershipsDueForRevenueShare(after.funds, '2030-06-01T00:00:00.000+08:00')).toEqual([]);
    await driver.refuse(share, keeper, '2030-01-03T09:00:00.000+08:00', 'invalid-transition');
  });

  it('refuses a partnership kept by another community, the system, or in a street the directory does not say', async () => {
    const driver = await fundGovernance([
      { street, community },
      { street, community: 'community-other' },
    ]);
    const at = '2025-12-20T10:00:00.000+08:00';
    await driver.refuse(agree, staff('community-other'), at, 'forbidden');
    await driver.refuse(agree, { id: 'scheduler', role: 'system', scope: ['*'] }, at, 'forbidden');
    const elsewhere = { ...agree, data: { ...agree.data, street: 'street-other' } };
    await driver.refuse(elsewhere, { id: 'admin', role: 'administrator', scope: ['*'] }, at, 'forbidden');
  });
});

describe('Chaoyin (潮音): ¥800,000+ from partners over 4 scenes serving 8,000+ people', () => {
  const community = 'community-chaoyin';
  const scenes = [
    { id: 'scene-elderly-canteen', partnerFen: 30_000_000, beneficiaries: 3_200 },
    { id: 'scene-childcare', partnerFen: 20_000_000, beneficiaries: 2_400 },
    { id: 'scene-reading-room', partnerFen: 18_000_000, beneficiaries: 1_500 },
    { id: 'scene-repair-station', partnerFen: 13_000_000, beneficiaries: 1_100 },
  ];

  it('counts each scene as a project co-funded by partners, in the ledger of its year', async () => {
    const driver = await fundGovernance([{ street, community }]);
    const keeper = staff(community);
    for (const [i, scene] of scenes.entries()) {
      const day = `2026-0${i + 3}-01T09:00:00.000+08:00`;
      const projectId = scene.id;
      await driver.accept(
        {
          type: 'SolicitFundProject',
          data: {
            projectId,
            street,
            community,
            fundYear: 2026,
            title: scene.id,
            need: 'a service scene the community lacks',
            requestedFen: 5_000_000,
            beneficiaries: scene.beneficiaries,
          },
        },
        resident(i + 1),
        day,
      );
      const decision = { kind: 'committee' as const, reference: `fund committee 2026/${i + 1}` };
      await driver.accept(
        { type: 'DecideFundProject', data: { projectId, approvedFen: 5_000_000, decision } },
        keeper,
        day,
      );
      await driver.accept(
        {
          type: 'RecordFundContribution',
          data: {
            projectId,
            contributionId: `${projectId}-partner`,
            contributor: { kind: 'organisation', organisationId: `org-partner-${i + 1}` },
            moneyFen: scene.partnerFen,
            labourHours: 0,
            description: 'the partner invests in the scene',
          },
        },
        keeper,
        day,
      );
    }
    const { funds } = await driver.models();
    const ledger = fundLedger(funds, community, 2026);
    expect(ledger).toMatchObject({ projects: 4, decided: 4, allocatedFen: 20_000_000, spentFen: 0 });
    expect(ledger.partnerFen).toBe(81_000_000);
    expect(ledger.partnerFen).toBeGreaterThanOrEqual(80_000_000);
    expect(ledger.beneficiaries).toBe(8_200);
    expect(ledger.beneficiaries).toBeGreaterThanOrEqual(8_000);
    expect(fundProjectBoard(funds, community, 2026).decided.map((card) => card.projectId)).toEqual(
      scenes.map((s) => s.id).sort(),
    );
    expect(fundLedger(funds, community, 2027).projects).toBe(0);
  });
});

describe('Rongyuan (榕苑): ¥5,000 from the owners committee and 200+ residents labouring on a 510 m² garden', () => {
  const community = 'community-rongyuan';
  const projectId = 'rongyuan-garden';
  const day = (d: number) => `2026-04-${String(d).padStart(2, '0')}T09:00:00.000+08:00`;

  it('goes through the five steps in order, co-funded, and closes within its approval', async () => {
    const driver = await fundGovernance([{ street, community }]);
    const keeper = staff(community);
    const solicit = {
      type: 'SolicitFundProject' as const,
      data: {
        projectId,
        street,
        community,
        fundYear: 2026,
        title: 'Shared garden',
        need: 'turn the waste ground into a shared garden; produce to households in hardship',
        requestedFen: 3_000_000,
        areaM2: 510,
      },
    };
    await driver.refuse(
      { ...solicit, data: { ...solicit.data, proposerId: 'resident-2' } },
      resident(1),
      day(1),
      'forbidden',
    );
    await driver.accept(solicit, resident(1), day(1));
    const spend = (spendingId: string, amountFen: number) => ({
      type: 'ReportFundSpending' as const,
      data: { projectId, spendingId, amountFen, purpose: 'soil, seedlings and tools' },
    });
    // No money before a decision, and none before implementation starts.
    await driver.refuse(spend('s-1', 1_000_000), keeper, day(2), 'invalid-transition');
    const decision = {
      kind: 'meeting' as const,
      meetingId: 'rongyuan-residents-meeting',
      item: 'shared garden',
    };
    await driver.accept(
      { type: 'DecideFundProject', data: { projectId, approvedFen: 2_000_000, decision } },
      keeper,
      day(3),
    );
    await driver.refuse(spend('s-1', 1_000_000), keeper, day(3), 'invalid-transition');
    await driver.accept({ type: 'StartFundImplementation', data: { projectId } }, keeper, day(4));
    await driver.accept(
      {
        type: 'RecordFundContribution',
        data: {
          projectId,
          contributionId: 'owners-committee',
          contributor: { kind: 'owners-committee' },
          moneyFen: 500_000,
          labourHours: 0,
          description: "the owners' committee's share",
        },
      },
      keeper,
      day(5),
    );
    await driver.accept(
      {
        type: 'RecordFundContribution',
        data: {
          projectId,
          contributionId: 'residents-labour',
          contributor: { kind: 'residents', participants: 206 },
          moneyFen: 0,
          labourHours: 824,
          description: 'residents dug, planted and fenced the garden',
        },
      },
      keeper,
      day(6),
    );
    // Evaluation waits for the work to be completed.
    const evaluate = { type: 'EvaluateFundProject' as const, data: { projectId, score: 5 } };
    await driver.refuse(evaluate, resident(2), day(7), 'invalid-transition');
    await driver.accept(spend('s-1', 1_500_000), keeper, day(8));
    await driver.refuse(spend('s-2', 600_000), keeper, day(9), 'limit-exceeded');
    const amend = { projectId, approvedFen: 2_100_000, decision, reason: 'fencing cost more' };
    await driver.accept({ type: 'AmendFundBudget', data: amend }, keeper, day(9));
    await driver.accept(spend('s-2', 600_000), keeper, day(10));
    await driver.refuse(spend('s-3', 1), keeper, day(10), 'limit-exceeded');
    await driver.accept({ type: 'CompleteFundImplementation', data: { projectId } }, keeper, day(12));
    await driver.accept(evaluate, resident(2), day(13));
    await driver.refuse(evaluate, resident(2), day(13), 'already-exists');
    await driver.accept({ type: 'EvaluateFundProject', data: { projectId, score: 4 } }, resident(3), day(13));
    const finding = { projectId, findingId: 'audit-1', severity: 'note' as const, finding: 'receipts match' };
    await driver.refuse({ type: 'RecordFundSupervision', data: finding }, keeper, day(14), 'forbidden');
    await driver.accept({ type: 'RecordFundSupervision', data: finding }, official, day(14));
    await driver.accept({ type: 'CloseFundProject', data: { projectId } }, keeper, day(15));
    await driver.refuse(spend('s-4', 1), keeper, day(16), 'invalid-transition');

    const { funds } = await driver.models();
    expect(fundLedger(funds, community, 2026)).toMatchObject({
      allocatedFen: 2_100_000,
      spentFen: 2_100_000,
      residentFen: 500_000,
      partnerFen: 0,
      leveragedFen: 500_000,
      participants: 206,
      labourHours: 824,
    });
    expect(fundLedger(funds, community, 2026).participants).toBeGreaterThanOrEqual(200);
    expect(formatYuan(fundLedger(funds, community, 2026).residentFen)).toBe('¥5,000.00');
    expect(fundProjectBoard(funds, community).closed).toEqual([
      expect.objectContaining({
        projectId,
        areaM2: 510,
        evaluations: 2,
        scoreTotal: 9,
        findings: 1,
        step: 'closed',
      }),
    ]);
  });
});
