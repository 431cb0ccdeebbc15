export interface PinyinTable {
    /** Toneless syllables (ü written v: lv, nv); a reading is an index into this list. */
    readonly syllables: readonly string[];
    /** The readings of the character with UTF-16 code `code`, most common first (empty when not a Han character of the table). */
    readings(code: number): readonly number[];
}
/**
 * The readings table: read from the first cache folder that has it, else built with
 * pinyin-pro and written to the first that can be written (none writable: kept in memory).
 * `cacheDir` is tried first (the bot's `.cache/`).
 */
export declare function loadPinyinTable(cacheDir?: string): Promise<PinyinTable>;
