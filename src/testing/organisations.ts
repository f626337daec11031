import { isLeft } from 'fp-ts/lib/Either.js';
import type { Governance } from '../commands/governance.js';
import type { OrganisationKind } from '../domain/organisation/events.js';
import { ALL_UNITS } from '../domain/shared/actors.js';
import { DIRECTORY_RECORDED_AT } from './directory.js';

/** An organisation a facade test records: its kind, home and members (person id to role in it). */
export interface RecordedOrganisation {
  readonly organisationId: string;
  readonly kind: OrganisationKind;
  readonly name?: string;
  /** The home community; left out only for a department. */
  readonly community?: string;
  readonly unit?: string;
  readonly members?: Readonly<Record<string, string>>;
}

let recorded = 0;

/**
 * Registers organisations and their members through a governance facade, as a deployment-wide administrator
 * at `now`: directed tasks are claimable only by members the organisation's history records. The home unit
 * must be in the directory (record it first). Throws on a refusal: it is test set-up.
 */
export const recordOrganisations = async (
  governance: Governance,
  organisations: readonly RecordedOrganisation[],
  now = DIRECTORY_RECORDED_AT,
): Promise<void> => {
  const run = recorded++;
  let step = 0;
  const actor = { id: 'directory-admin', role: 'administrator', scope: [ALL_UNITS] } as const;
  for (const organisation of organisations) {
    const { organisationId, kind, community, unit, members = {} } = organisation;
    const commands = [
      {
        type: 'RegisterOrganisation' as const,
        data: {
          organisationId,
          kind,
          name: organisation.name ?? organisationId,
          ...(community === undefined ? {} : { community }),
          ...(unit === undefined ? {} : { unit }),
        },
      },
      ...Object.entries(members).map(([personId, role]) => ({
        type: 'AddMember' as const,
        data: { organisationId, personId, role },
      })),
    ];
    for (const command of commands) {
      const result = await governance.execute(command, {
        actor,
        now,
        commandId: `record-organisations-${run}-${(step += 1)}`,
      });
      if (isLeft(result)) throw new Error(`recordOrganisations: ${result.left.code}: ${result.left.message}`);
    }
  }
};
