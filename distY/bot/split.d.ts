export declare function splitMessage(text: string, maxChars: number): string[];
