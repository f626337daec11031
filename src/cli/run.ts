import { readFileSync } from 'node:fs';
import { EXIT, UsageError, type CliCommand, type CliIo, type ExitCode } from './cli-command.js';
import { commands as defaultCommands } from './commands.js';

const version = (): string => {
  try {
    // Two levels up from both src/cli and dist/cli is the package root.
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      version?: unknown;
    };
    return typeof pkg.version === 'string' ? pkg.version : 'unknown';
  } catch {
    return 'unknown';
  }
};

const help = (commands: readonly CliCommand[]): string => {
  const width = Math.max(...commands.map((command) => command.name.length));
  const list = commands.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`).join('\n');
  return `linli: event-sourced neighbourhood governance (邻里)

Usage: linli <command> [options]    (linli <command> --help for its options)

Commands:
${list}

Exit codes: 0 ok, 1 violations found, 2 input unreadable, not a history, or a usage error.
`;
};

const wantsHelp = (args: readonly string[]): boolean => args.includes('--help') || args.includes('-h');

/**
 * Runs the `linli` command line: dispatches to the named command and turns every failure into a message
 * and an exit code. Bad input never prints a stack trace; set LINLI_DEBUG=1 to see one for a crash.
 */
export const runCli = async (
  argv: readonly string[],
  io: CliIo,
  commands: readonly CliCommand[] = defaultCommands,
): Promise<ExitCode> => {
  const [name, ...args] = argv;
  if (name === undefined) {
    io.stderr.write(help(commands));
    return EXIT.unreadable;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(help(commands));
    return EXIT.ok;
  }
  if (name === '--version' || name === '-v') {
    io.stdout.write(`${version()}\n`);
    return EXIT.ok;
  }
  const command = commands.find((candidate) => candidate.name === name);
  if (command === undefined) {
    io.stderr.write(`linli: unknown command "${name}"\n\n${help(commands)}`);
    return EXIT.unreadable;
  }
  if (wantsHelp(args)) {
    io.stdout.write(`${command.usage}\n`);
    return EXIT.ok;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`linli ${command.name}: ${error.message}\n\n${command.usage}\n`);
      return EXIT.unreadable;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`linli ${command.name}: failed: ${message}\n`);
    if (process.env.LINLI_DEBUG !== undefined && error instanceof Error && error.stack !== undefined) {
      io.stderr.write(`${error.stack}\n`);
    }
    return EXIT.unreadable;
  }
};
