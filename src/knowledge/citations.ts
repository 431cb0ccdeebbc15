import type { Citation } from '../core/types.js';

/**
 * Citations without repeats, first occurrence kept. Its own small module: the loader
 * (load.ts) and the replies (src/nlu/replies.ts) both use it, and a warm `pufa ask` must not
 * load the loader (test/cli/lazy-commands.test.ts).
 */
export function uniqueCitations(citations: readonly Citation[]): Citation[] {
  const seen = new Set<string>();
  return citations.filter((c) => {
    const key = `${c.law}#${c.article ?? 'local'}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
