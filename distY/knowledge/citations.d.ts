import type { Citation } from '../core/types.js';
/**
 * Citations without repeats, first occurrence kept. Its own small module: the loader
 * (load.ts) and the replies (src/nlu/replies.ts) both use it, and a warm `pufa ask` must not
 * load the loader (test/cli/lazy-commands.test.ts).
 */
export declare function uniqueCitations(citations: readonly Citation[]): Citation[];
