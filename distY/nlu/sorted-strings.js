/**
 * A sorted list of strings kept as one string plus offsets (term i is
 * `text.slice(offsets[i], offsets[i + 1])`): searched in place, so loading a dictionary
 * builds no Map of tens of thousands of entries. Used by the packed jieba dictionary
 * (`jieba-dict.ts`); the TF-IDF vocabulary (`linear.ts`) is saved in the same sorted form
 * but looked up through a hash table over it.
 */
/** Compare `text.slice(start, end)` with `term` by UTF-16 code units, without slicing. */
function compareAt(text, start, end, term) {
    const n = end - start;
    const m = term.length;
    const l = Math.min(n, m);
    for (let i = 0; i < l; i += 1) {
        const d = text.charCodeAt(start + i) - term.charCodeAt(i);
        if (d !== 0)
            return d;
    }
    return n - m;
}
/** Index of `term` among the `count` sorted strings of `text`/`offsets`, or -1. */
export function indexOfSorted(text, offsets, count, term) {
    let lo = 0;
    let hi = count - 1;
    while (lo <= hi) {
        const mid = (lo + hi) >>> 1;
        const c = compareAt(text, offsets[mid], offsets[mid + 1], term);
        if (c === 0)
            return mid;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid - 1;
    }
    return -1;
}
//# sourceMappingURL=sorted-strings.js.map