import { spawn } from 'node:child_process';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { ROOT, SCRATCH } from './compile.js';

/**
 * The generator's version: bump it when what bench/make-history.ts writes changes, including through the
 * demo's simulation it runs (`simulateDistrict`). The cache is keyed by it (and the seed and size), not by the
 * sources: a fix in the handler or the audit must not cost a regeneration. A history that today's linli can
 * no longer read fails the replay loudly; `--fresh-history` (or deleting `.tmp/bench/`) writes a new one.
 * Version 2: the simulated year starts at midnight in Shanghai (version 1 files started at midnight UTC).
 * Version 3: event ids are version 8 UUIDs (a `8` where version 2 files have a `5`), so every id and every
 * hash differs from version 2's, at the same byte size.
 * Version 4: every event's metadata also carries its command's `commandDigest`, which the chain hash covers.
 * Version 5: the demo's year also runs the community fund and its partnerships (fund-project- and
 * partnership- streams).
 */
const GENERATOR_VERSION = 5;

/** The seed of the benchmark histories: a fixed one, so every run reads the same history. */
const SEED = 1;

const exists = async (path: string): Promise<boolean> =>
  stat(path).then(
    () => true,
    () => false,
  );

const runGenerator = (out: string, events: number): Promise<void> =>
  new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '--max-old-space-size=12288',
        '--import',
        'tsx',
        join(ROOT, 'bench', 'make-history.ts'),
        out,
        String(events),
        String(SEED),
      ],
      { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] },
    );
    child.once('error', reject);
    child.once('exit', (code, signal) =>
      code === 0
        ? resolve()
        : reject(new Error(`the history generator failed (${signal ?? `exit ${code}`})`)),
    );
  });

/**
 * The path of a benchmark history of exactly `events` events, generated once (a million events take a few
 * minutes) and cached under `.tmp/bench/`, keyed by the generator's version, seed and size; `fresh` writes
 * it again. Older versions' files of the same size are deleted.
 */
export const benchHistory = async (
  events: number,
  log: (message: string) => void,
  fresh = false,
): Promise<string> => {
  await mkdir(SCRATCH, { recursive: true });
  const suffix = `-${events}.jsonl`;
  const path = join(SCRATCH, `history-v${GENERATOR_VERSION}-seed${SEED}${suffix}`);
  if (!fresh && (await exists(path))) return path;
  for (const name of await readdir(SCRATCH)) {
    if (name.startsWith('history-') && name.endsWith(suffix)) await rm(join(SCRATCH, name), { force: true });
  }
  log(
    `generating a ${events.toLocaleString('en-US')}-event history (cached afterwards as ${relative(ROOT, path)})`,
  );
  const partial = `${path}.partial`;
  try {
    await runGenerator(partial, events);
    await rename(partial, path);
  } finally {
    await rm(partial, { force: true });
  }
  return path;
};
