import { auditCommand } from './audit-command.js';
import type { CliCommand } from './cli-command.js';
import { exportCommand } from './export-command.js';
import { demoCommand } from '../demo/demo-command.js';
import { reportCommand } from '../report/report-command.js';

/**
 * The subcommands of `linli`, in the order `--help` lists them. A new subcommand (`demo`, `report`) is a
 * `CliCommand` in its own module, added here.
 */
export const commands: readonly CliCommand[] = [demoCommand, auditCommand, exportCommand, reportCommand];
