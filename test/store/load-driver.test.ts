/**
 * Loading an optional database driver: the installed one is returned as `require` gives it; a missing one is a
 * MissingDriverError that names the entry point, the package and the command that installs it.
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { MissingDriverError, loadDriver } from '../../src/store/load-driver.js';

describe('loadDriver', () => {
  it('returns the installed package, the same module that require gives', () => {
    expect(loadDriver('linli/postgres', 'pg', 'npm install pg')).toBe(createRequire(import.meta.url)('pg'));
  });

  it('names the package and the command when the package is not installed', () => {
    let thrown: unknown;
    try {
      loadDriver('linli/x', 'linli-no-such-driver', 'npm install linli-no-such-driver');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(MissingDriverError);
    const error = thrown as MissingDriverError;
    expect(error.code).toBe('ERR_LINLI_MISSING_DRIVER');
    expect([error.entryPoint, error.driver]).toEqual(['linli/x', 'linli-no-such-driver']);
    expect(error.message).toBe(
      "linli/x needs the package 'linli-no-such-driver', which is not installed: npm install linli-no-such-driver",
    );
    expect((error.cause as { code?: unknown }).code).toBe('MODULE_NOT_FOUND');
  });
});
