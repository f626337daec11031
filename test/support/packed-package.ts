/**
 * Helpers for the packaging test: pack linli as npm would publish it, and install the tarball into empty
 * projects the way a user would, from the npm cache that `npm ci` filled wherever it can.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The repository's root. */
export const root = resolve(import.meta.dirname, '..', '..');

/** linli's own package.json. */
export const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  readonly dependencies: Readonly<Record<string, string>>;
  readonly devDependencies: Readonly<Record<string, string>>;
  readonly bin: Readonly<Record<string, string>>;
};

/** Runs a command and returns its stdout; throws (with its stderr) when it exits non-zero. */
export const run = (cmd: string, args: readonly string[], cwd: string): string =>
  execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 240_000 });

/** Runs a command to completion and returns its status and both outputs, whatever its exit code. */
export const attempt = (cmd: string, args: readonly string[], cwd: string) => {
  const result = spawnSync(cmd, args, { cwd, encoding: 'utf8', timeout: 240_000 });
  return {
    status: result.status,
    stdout: result.stdout,
    stderr: result.stderr,
    output: `${result.stdout}${result.stderr}`,
  };
};

/** Packs the repository into `work` (building it through `prepack`) and returns the tarball's path. */
export const pack = (work: string): string => {
  run('npm', ['pack', '--pack-destination', work, '--silent'], root);
  const tarball = readdirSync(work).find((f) => f.endsWith('.tgz'));
  if (tarball === undefined) throw new Error('npm pack produced no tarball');
  return join(work, tarball);
};

/** The version range linli's own devDependencies use for `name`, so that the install finds it in the cache. */
export const devVersion = (name: string): string => {
  const range = manifest.devDependencies[name];
  if (range === undefined) throw new Error(`${name} is not a devDependency of linli`);
  return `${name}@${range}`;
};

/** Creates an empty ESM project `name` under `work` and installs `packages` (specs or tarball paths) into it. */
export const consumerProject = (work: string, name: string, packages: readonly string[]): string => {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name, private: true, type: 'module' }));
  run(
    'npm',
    ['install', ...packages, '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts'],
    dir,
  );
  return dir;
};

/** Every package in a project's node_modules, scoped ones as `@scope/name`, nested ones included. */
export const installedPackages = (dir: string): string[] => {
  const names: string[] = [];
  const visit = (modules: string): void => {
    let entries: string[];
    try {
      entries = readdirSync(modules);
    } catch {
      return;
    }
    for (const entry of entries) {
      if (entry.startsWith('.')) continue;
      if (entry.startsWith('@')) {
        for (const scoped of readdirSync(join(modules, entry))) {
          names.push(`${entry}/${scoped}`);
          visit(join(modules, entry, scoped, 'node_modules'));
        }
      } else {
        names.push(entry);
        visit(join(modules, entry, 'node_modules'));
      }
    }
  };
  visit(join(dir, 'node_modules'));
  return names;
};

/** Every file under `dir`, as paths relative to it. */
export const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1));
