import path from 'node:path';
import { loadConfig } from '../../src/config/config.js';
import { createBrain, type Brain } from '../../src/nlu/brain.js';
import { REPO_ROOT } from './run-cli.js';

/**
 * The brain on the repository's own intents/ and knowledge/, with the repository's model
 * cache (keyed by the content of intents/): trained once, shared by the test files that
 * check what the shipped data answers.
 */
export function createShippedBrain(): Promise<Brain> {
  const config = loadConfig({
    PUFA_INTENTS_DIR: path.join(REPO_ROOT, 'intents'),
    PUFA_KNOWLEDGE_DIR: path.join(REPO_ROOT, 'knowledge'),
    PUFA_CACHE_DIR: path.join(REPO_ROOT, '.cache'),
    LOG_LEVEL: 'silent',
  });
  return createBrain({ config });
}
