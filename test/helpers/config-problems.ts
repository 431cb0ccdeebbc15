import { expect } from 'vitest';
import { PufaError } from '../../src/core/errors.js';

/** The problems of the configuration error `fn` throws (each names its variable); fails when it throws none or another error. */
export function problemsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(PufaError);
    expect((err as PufaError).code).toBe('PUFA_ERR_CONFIG');
    return [...(err as PufaError).problems];
  }
  throw new Error('expected a configuration error');
}
