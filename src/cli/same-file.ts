import { fstatSync, type Stats } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';

/** Where a command reads from: a path, or standard input (which may be a file redirected with `<`). */
export type InputPath = string | { readonly stdin: true };

const statOf = async (input: InputPath): Promise<Stats | undefined> => {
  try {
    // fstat of fd 0 is what `< history.jsonl` opened; a pipe or a terminal is never a regular file.
    if (typeof input !== 'string') return fstatSync(0);
    return await stat(input);
  } catch {
    // What does not exist (yet) cannot be the same file as anything.
    return undefined;
  }
};

const realpathOf = async (path: string): Promise<string | undefined> => {
  try {
    return await realpath(path);
  } catch {
    return undefined;
  }
};

/**
 * True when writing `output` would write over `input`: the same file under another spelling, through a
 * symbolic link, or a hard link to it (same device and inode). False when either does not exist.
 */
export const isSameFile = async (input: InputPath, output: string): Promise<boolean> => {
  const [a, b] = await Promise.all([statOf(input), statOf(output)]);
  if (a === undefined || b === undefined || !a.isFile() || !b.isFile()) return false;
  if (a.ino !== 0 || b.ino !== 0) return a.dev === b.dev && a.ino === b.ino;
  // A file system that reports no inode numbers: fall back to the resolved paths.
  if (typeof input !== 'string') return false;
  const [realA, realB] = await Promise.all([realpathOf(input), realpathOf(output)]);
  return realA !== undefined && realA === realB;
};
