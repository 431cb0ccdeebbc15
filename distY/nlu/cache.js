import { createHash } from 'node:crypto';
import { closeSync, fstatSync, mkdirSync, openSync, readdirSync, readSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
/**
 * Trained models cached on disk, keyed by the content of intents/ plus the engine's
 * settings: a restart with unchanged intents loads the model instead of retraining.
 *
 * A model is whatever its engine exports: a tree of plain data (objects, arrays, strings,
 * numbers) in which large numeric arrays may be typed arrays. It is stored in one binary
 * file (`model-<kind>-<key>.bin`, see `packModel`): the tree as JSON, with every typed
 * array and every long array of numbers moved out into raw little-endian blocks (float32
 * when every value is exactly a float32, else float64), and every long string and long
 * array of strings into UTF-16 blocks. Loading reads the file once and parses one JSON
 * text: no JSON strings nested in JSON, no base64; each numeric block is read straight into
 * its typed array, each text block decoded as it is stored (UTF-16, as JavaScript holds
 * strings: a copy, where UTF-8 of Chinese text must be decoded, and JSON scanned). The
 * JSON text itself is UTF-16 too (mostly Chinese: smaller than UTF-8, and decoded as a copy). The format is generic: an engine that adds or changes
 * features needs no change here, only a new cache key (its settings) when the meaning of a
 * saved model changes.
 */
/**
 * 8: node-nlp's perceptrons as Float32Array weights with the biases apart, no featuresToIntent (engine.ts).
 * 9: the JSON text in UTF-16, text blocks; node-nlp's per-intent features and our token counts as blocks (engine.ts).
 */
export const MODEL_FORMAT_VERSION = 9;
export function modelKey(parts) {
    return createHash('sha256')
        .update(JSON.stringify({ v: MODEL_FORMAT_VERSION, ...parts }))
        .digest('hex')
        .slice(0, 24);
}
const MAGIC = Buffer.from('PUFAMDL2', 'latin1');
/** Arrays of numbers (or of strings) at least this long are stored as a binary block. */
const MIN_BLOCK = 64;
/** Strings at least this long are stored as a text block. */
const MIN_TEXT = 1024;
/** Separates the strings of a `texts` block (an array holding it in a string stays JSON). */
const SEPARATOR = '\u0000';
const TYPED = {
    f32: Float32Array,
    f64: Float64Array,
    i32: Int32Array,
    u32: Uint32Array,
    i16: Int16Array,
    u16: Uint16Array,
    i8: Int8Array,
    u8: Uint8Array,
};
function typeOf(a) {
    return Object.entries(TYPED).find(([, T]) => a.constructor === T)?.[0];
}
/** The model as one buffer: magic, header length (u32 LE), header JSON, blocks aligned to 8 bytes. */
export function packModel(model) {
    const blocks = [];
    let size = 0;
    const block = (p, type, data, plain, exact) => {
        const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
        blocks.push({ ref: { path: p, type, offset: size, length: data.length, plain, ...(exact && exact.length > 0 ? { exact } : {}) }, bytes });
        size += Math.ceil(bytes.byteLength / 8) * 8;
    };
    const text = (p, type, value) => {
        const bytes = Buffer.from(value, 'utf16le');
        blocks.push({ ref: { path: p, type, offset: size, length: value.length, plain: false }, bytes });
        size += Math.ceil(bytes.byteLength / 8) * 8;
        return null;
    };
    const walk = (value, p) => {
        if (typeof value === 'string' && value.length >= MIN_TEXT)
            return text(p, 'text', value);
        if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
            const type = typeOf(value);
            if (!type)
                throw new Error(`cannot save a ${value.constructor.name} in a model`);
            block(p, type, value, false);
            return null;
        }
        if (Array.isArray(value)) {
            if (value.length >= MIN_BLOCK && value.every((v) => typeof v === 'number')) {
                const nums = value;
                // float32 when all values are, or all but a few (kept exactly beside the block).
                const exact = [];
                for (let i = 0; i < nums.length && exact.length <= nums.length / 64; i += 1) {
                    const v = nums[i];
                    if (!Object.is(Math.fround(v), v))
                        exact.push([i, v]);
                }
                if (exact.length <= nums.length / 64)
                    block(p, 'f32', Float32Array.from(nums), true, exact);
                else
                    block(p, 'f64', Float64Array.from(nums), true);
                return null;
            }
            if (value.length >= MIN_BLOCK && value.every((v) => typeof v === 'string' && !v.includes(SEPARATOR)))
                return text(p, 'texts', value.join(SEPARATOR));
            if (value.every((v) => v === null || (typeof v !== 'object' && !(typeof v === 'string' && v.length >= MIN_TEXT))))
                return value;
            return value.map((v, i) => walk(v, [...p, i]));
        }
        if (value !== null && typeof value === 'object') {
            const out = {};
            for (const [k, v] of Object.entries(value)) {
                // toJSON (Map → entries is the engine's job); undefined is dropped as JSON does.
                // defineProperty: a key named __proto__ is data like any other, not the object's prototype.
                if (v !== undefined)
                    Object.defineProperty(out, k, { value: walk(v, [...p, k]), enumerable: true, writable: true, configurable: true });
            }
            return out;
        }
        return value;
    };
    const tree = walk(model, []);
    const header = Buffer.from(JSON.stringify({ tree, blocks: blocks.map((b) => b.ref) }), 'utf16le');
    const start = Math.ceil((MAGIC.length + 4 + header.length) / 8) * 8;
    const out = Buffer.alloc(start + size);
    MAGIC.copy(out, 0);
    out.writeUInt32LE(header.length, MAGIC.length);
    header.copy(out, MAGIC.length + 4);
    for (const b of blocks)
        out.set(b.bytes, start + b.ref.offset);
    return out;
}
/**
 * The model saved by `packModel`. Each block is read into a typed array of its own (a long
 * numeric array through a small scratch buffer), so nothing keeps the whole file in memory.
 */
function unpackFrom(readAt, size) {
    const head = new Uint8Array(MAGIC.length + 4);
    if (size < head.length)
        throw new Error('not a pufa model file');
    readAt(head, 0);
    if (!Buffer.from(head.buffer, 0, MAGIC.length).equals(MAGIC))
        throw new Error('not a pufa model file');
    const headerLength = Buffer.from(head.buffer).readUInt32LE(MAGIC.length);
    const start = Math.ceil((MAGIC.length + 4 + headerLength) / 8) * 8;
    if (MAGIC.length + 4 + headerLength > size)
        throw new Error('model file is truncated');
    const headerBytes = Buffer.allocUnsafe(headerLength);
    readAt(headerBytes, MAGIC.length + 4);
    const { tree, blocks } = JSON.parse(headerBytes.toString('utf16le'));
    const root = { tree };
    const put = (b, value) => {
        let parent = root;
        let key = 'tree';
        for (const k of b.path) {
            parent = parent[key];
            key = k;
        }
        Object.defineProperty(parent, key, { value, enumerable: true, writable: true, configurable: true });
    };
    for (const b of blocks) {
        if (b.type === 'text' || b.type === 'texts') {
            if (start + b.offset + b.length * 2 > size)
                throw new Error('model file is truncated');
            const bytes = Buffer.allocUnsafe(b.length * 2);
            readAt(bytes, start + b.offset);
            const value = bytes.toString('utf16le');
            put(b, b.type === 'text' ? value : value.split(SEPARATOR));
            continue;
        }
        const T = TYPED[b.type];
        if (!T)
            throw new Error(`unknown block type ${b.type}`);
        const bytes = b.length * T.BYTES_PER_ELEMENT;
        if (start + b.offset + bytes > size)
            throw new Error('model file is truncated');
        const view = new T(new ArrayBuffer(bytes), 0, b.length);
        readAt(new Uint8Array(view.buffer), start + b.offset);
        let value = view;
        if (b.plain) {
            // A plain array again (Array.from on a typed array is several times slower than this).
            const nums = [];
            for (let i = 0; i < view.length; i += 1)
                nums.push(view[i]);
            for (const [i, v] of b.exact ?? [])
                nums[i] = v;
            value = nums;
        }
        put(b, value);
    }
    return root.tree;
}
/** The model saved by `packModel`, from a buffer. */
export function unpackModel(buf) {
    return unpackFrom((into, position) => {
        if (position + into.length > buf.length)
            throw new Error('model file is truncated');
        into.set(buf.subarray(position, position + into.length));
    }, buf.length);
}
/** The model saved by `packModel`, read from `file` block by block. */
function readModelFile(file) {
    const fd = openSync(file, 'r');
    try {
        const { size } = fstatSync(fd);
        return unpackFrom((into, position) => {
            let done = 0;
            while (done < into.length) {
                const n = readSync(fd, into, done, into.length - done, position + done);
                if (n === 0)
                    throw new Error('model file is truncated');
                done += n;
            }
        }, size);
    }
    finally {
        closeSync(fd);
    }
}
/** `model-<kind>-<key>.bin`: one current model per ranker kind (the anchor and the brain side by side). */
function prefixFor(kind) {
    return kind ? `model-${kind}-` : 'model-';
}
function fileFor(dir, key, kind) {
    return path.join(dir, `${prefixFor(kind)}${key}.bin`);
}
/** The cached model for `key`, or undefined (missing or unreadable cache is not an error). */
export function readCachedModel(dir, key, kind = '') {
    try {
        return readModelFile(fileFor(dir, key, kind));
    }
    catch {
        return undefined; // missing, unreadable or damaged: retrained
    }
}
/** Write atomically (temp file + rename) and remove older models of the same kind (and the old JSON models). */
export function writeCachedModel(dir, key, model, kind = '') {
    mkdirSync(dir, { recursive: true });
    const target = fileFor(dir, key, kind);
    const prefix = prefixFor(kind);
    // Same kind, or a model of the old un-kinded naming.
    const sameKind = (name) => (kind !== '' && name.startsWith(prefix)) || /^model-[0-9a-f]+\.json$/u.test(name);
    const tmp = `${target}.${process.pid}.tmp`;
    writeFileSync(tmp, packModel(model));
    renameSync(tmp, target);
    for (const name of readdirSync(dir)) {
        if (sameKind(name) && (name.endsWith('.json') || name.endsWith('.bin')) && name !== path.basename(target)) {
            rmSync(path.join(dir, name), { force: true });
        }
    }
}
//# sourceMappingURL=cache.js.map