export interface NormalizeOptions {
    /** Longest text kept, in characters (default 400). */
    maxChars?: number;
}
export interface Normalized {
    text: string;
    /** True when the input was longer than maxChars and was shortened. */
    truncated: boolean;
    /** True when nothing meaningful is left (empty, emoji-only, punctuation-only). */
    empty: boolean;
}
/** Split text into sentences, keeping the closing punctuation (commas do not end one); the text itself when it has none. */
export declare function sentences(text: string): string[];
/** Split text into clauses: its pieces between sentence ends, commas and 、 (the punctuation dropped). */
export declare function clauses(text: string): string[];
/**
 * Shorten a long letter to `max` characters while keeping what matters: real letters
 * open with context and put the request last, so keep the first sentence (often the
 * place and subject) and fill the rest from the end, preferring sentences that ask.
 */
export declare function capLength(text: string, max: number): {
    text: string;
    truncated: boolean;
};
/** `[...s].length` without building the array: code points, a lone surrogate counting as one. */
export declare function characters(s: string): number;
/** Normalise a citizen's message for matching. Never throws. */
export declare function normalizeText(input: string, options?: NormalizeOptions): Normalized;
/** The text function a ranker is built with (same everywhere a model is trained, loaded or evaluated: main thread, training thread, calibration). */
export declare function textNormalizer(maxChars: number): (s: string) => string;
