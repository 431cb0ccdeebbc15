/**
 * A sorted list of strings kept as one string plus offsets (term i is
 * `text.slice(offsets[i], offsets[i + 1])`): searched in place, so loading a dictionary
 * builds no Map of tens of thousands of entries. Used by the packed jieba dictionary
 * (`jieba-dict.ts`); the TF-IDF vocabulary (`linear.ts`) is saved in the same sorted form
 * but looked up through a hash table over it.
 */
/** Index of `term` among the `count` sorted strings of `text`/`offsets`, or -1. */
export declare function indexOfSorted(text: string, offsets: ArrayLike<number>, count: number, term: string): number;
