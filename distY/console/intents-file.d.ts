/**
 * Adding a reviewed question to an intent's training utterances in `intents/<topic>.yaml`,
 * through the `yaml` package's Document API: comments, key order, flow lists and blank
 * lines of the staff-edited file are kept; only one list item is added.
 */
export interface AppendResult {
    file: string;
    added: boolean;
}
/** One line, trimmed, no control characters; a YAML-safe scalar is produced by the library. */
export declare function cleanUtterance(text: string): string;
export declare function appendUtterance(intentsDir: string, intentId: string, text: string): AppendResult;
