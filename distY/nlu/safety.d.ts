export declare const URGENT_PATTERNS: ReadonlyArray<{
    topic: string;
    pattern: RegExp;
}>;
/** The topic of an emergency this text reports, if any. */
export declare function urgentTopic(text: string): string | undefined;
