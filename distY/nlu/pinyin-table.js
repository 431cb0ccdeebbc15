import { mkdirSync, readFileSync, renameSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
/**
 * The toneless pinyin readings of every common Han character (U+4E00–U+9FFF), for the
 * homophone correction (src/nlu/homophones.ts).
 *
 * The readings come from pinyin-pro, but importing it costs a process ~0.15 s and ~27 MB
 * (its dictionaries), and its first call ~0.1 s more: too much for `pufa ask`. So the
 * readings of the 20,992 characters are compiled once into a small table file (~0.2 MB:
 * 5 syllable ids per character) cached like jieba's packed dictionary — in the configured
 * cache folder, else next to the installed packages (`node_modules/.cache/pufa-bot/`), else
 * the system temp folder — named by pinyin-pro's version. A start reads that file (one read,
 * no parse of the readings); pinyin-pro is imported only to build it.
 */
const FIRST = 0x4e00;
const LAST = 0x9fff;
const COUNT = LAST - FIRST + 1;
/** Readings kept per character (pinyin-pro gives at most 5 toneless ones in this range). */
const SLOTS = 5;
/** Bump when the layout or the way readings are taken changes. */
const TABLE_VERSION = 1;
const MAGIC = 0x50594e54; // "TNYP"
function tableOf(data) {
    const { syllables, slots } = data;
    const cache = new Array(COUNT);
    const none = [];
    return {
        syllables,
        readings(code) {
            if (code < FIRST || code > LAST)
                return none;
            const at = code - FIRST;
            const known = cache[at];
            if (known)
                return known;
            const out = [];
            for (let k = 0; k < SLOTS; k += 1) {
                const id = slots[at * SLOTS + k];
                if (id > 0 && id <= syllables.length)
                    out.push(id - 1);
            }
            cache[at] = out;
            return out;
        },
    };
}
/** Build the table with pinyin-pro (imported here only). */
async function buildTable() {
    const { pinyin } = await import('pinyin-pro');
    const ids = new Map();
    const syllables = [];
    const slots = new Uint16Array(COUNT * SLOTS);
    for (let at = 0; at < COUNT; at += 1) {
        const readings = pinyin(String.fromCharCode(FIRST + at), { toneType: 'none', multiple: true, type: 'array', v: true });
        let k = 0;
        for (const r of new Set(readings)) {
            if (!/^[a-z]+$/u.test(r) || k >= SLOTS)
                continue;
            let id = ids.get(r);
            if (id === undefined) {
                id = syllables.length;
                syllables.push(r);
                ids.set(r, id);
            }
            slots[at * SLOTS + k] = id + 1;
            k += 1;
        }
    }
    return { syllables, slots };
}
/** The file: magic, version, header length (uint32 LE), the header (JSON: syllables), padding to 4, the slots (uint16 LE). */
function encode(data) {
    const head = Buffer.from(JSON.stringify({ syllables: data.syllables }), 'utf8');
    const start = 12 + head.length + ((4 - ((12 + head.length) % 4)) % 4);
    const out = Buffer.alloc(start + data.slots.byteLength);
    out.writeUInt32LE(MAGIC, 0);
    out.writeUInt32LE(TABLE_VERSION, 4);
    out.writeUInt32LE(head.length, 8);
    head.copy(out, 12);
    out.set(new Uint8Array(data.slots.buffer, data.slots.byteOffset, data.slots.byteLength), start);
    return out;
}
function decode(buf) {
    if (buf.length < 12 || buf.readUInt32LE(0) !== MAGIC || buf.readUInt32LE(4) !== TABLE_VERSION)
        return undefined;
    const headLength = buf.readUInt32LE(8);
    const start = 12 + headLength + ((4 - ((12 + headLength) % 4)) % 4);
    if (buf.length !== start + COUNT * SLOTS * 2)
        return undefined;
    const { syllables } = JSON.parse(buf.toString('utf8', 12, 12 + headLength));
    const copy = (buf.byteOffset + start) % 2 === 0 ? buf : Buffer.from(buf);
    return { syllables, slots: new Uint16Array(copy.buffer, copy.byteOffset + start, COUNT * SLOTS) };
}
const require = createRequire(import.meta.url);
/** pinyin-pro's version, and where the installed packages are (for the cache folder). */
function library() {
    const entry = require.resolve('pinyin-pro');
    const marker = `${path.sep}node_modules${path.sep}`;
    const at = entry.lastIndexOf(marker);
    const root = at >= 0 ? entry.slice(0, at + marker.length) : undefined;
    const pkg = root ? path.join(root, 'pinyin-pro', 'package.json') : undefined;
    const version = pkg ? JSON.parse(readFileSync(pkg, 'utf8')).version ?? 'unknown' : 'unknown';
    return { version, nodeModules: root ? path.join(root, '.cache', 'pufa-bot') : undefined };
}
const loaded = new Map();
/**
 * The readings table: read from the first cache folder that has it, else built with
 * pinyin-pro and written to the first that can be written (none writable: kept in memory).
 * `cacheDir` is tried first (the bot's `.cache/`).
 */
export async function loadPinyinTable(cacheDir) {
    const { version, nodeModules } = library();
    const name = `pinyin-table-v${TABLE_VERSION}-${version.replace(/[^\w.-]/gu, '_')}.bin`;
    const dirs = [cacheDir, nodeModules, path.join(os.tmpdir(), 'pufa-bot-cache')].filter((d) => d !== undefined);
    const known = loaded.get(name);
    if (known)
        return known;
    for (const dir of dirs) {
        try {
            const data = decode(readFileSync(path.join(dir, name)));
            if (data) {
                const table = tableOf(data);
                loaded.set(name, table);
                return table;
            }
        }
        catch {
            // not there: next folder, then build
        }
    }
    const data = await buildTable();
    for (const dir of dirs) {
        try {
            mkdirSync(dir, { recursive: true });
            const file = path.join(dir, name);
            const tmp = `${file}.${process.pid}.tmp`;
            writeFileSync(tmp, encode(data));
            renameSync(tmp, file);
            for (const old of readdirSync(dir)) {
                if (old.startsWith('pinyin-table-') && old.endsWith('.bin') && old !== name)
                    rmSync(path.join(dir, old), { force: true });
            }
            break;
        }
        catch {
            // read-only: try the next folder, or stay in memory
        }
    }
    const table = tableOf(data);
    loaded.set(name, table);
    return table;
}
//# sourceMappingURL=pinyin-table.js.map