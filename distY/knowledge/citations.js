/**
 * Citations without repeats, first occurrence kept. Its own small module: the loader
 * (load.ts) and the replies (src/nlu/replies.ts) both use it, and a warm `pufa ask` must not
 * load the loader (test/cli/lazy-commands.test.ts).
 */
export function uniqueCitations(citations) {
    const seen = new Set();
    return citations.filter((c) => {
        const key = `${c.law}#${c.article ?? 'local'}`;
        if (seen.has(key))
            return false;
        seen.add(key);
        return true;
    });
}
//# sourceMappingURL=citations.js.map