import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/** The repository root (bench/ lives directly under it). */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Where benchmark scratch files go (`.tmp/` is git-ignored). */
export const SCRATCH = join(ROOT, '.tmp', 'bench');

const sourcesUnder = async (dir: string): Promise<string[]> => {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map(async (entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return sourcesUnder(path);
      return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
    }),
  );
  return nested.flat();
};

/**
 * Transpiles src/ and bench/ to plain JavaScript under `.tmp/bench/js` (types stripped, no type check,
 * about a second) and returns the path of `bench/<entry>.js` there. The children that measure peak memory
 * run on plain `node`: tsx's loader thread would add some 30-60 MB to every process, linli's or not.
 */
export const compileForChildren = async (entry: string): Promise<string> => {
  const out = join(SCRATCH, 'js');
  await rm(out, { recursive: true, force: true });
  const files = [...(await sourcesUnder(join(ROOT, 'src'))), ...(await sourcesUnder(join(ROOT, 'bench')))];
  await Promise.all(
    files.map(async (file) => {
      const { outputText } = ts.transpileModule(await readFile(file, 'utf8'), {
        compilerOptions: {
          target: ts.ScriptTarget.ES2022,
          module: ts.ModuleKind.ESNext,
          verbatimModuleSyntax: true,
        },
        fileName: file,
      });
      const target = join(out, relative(ROOT, file)).replace(/\.ts$/, '.js');
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, outputText);
    }),
  );
  return join(out, 'bench', `${entry}.js`);
};
