/** Plain terminal tables that line up with Chinese text (CJK characters are two columns wide). */
export declare function displayWidth(s: string): number;
/** Columns after the first `textColumns` are right-aligned (numbers). */
export declare function renderTable(header: string[], rows: (string | number)[][], textColumns?: number): string;
