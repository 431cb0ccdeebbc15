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
export declare const MODEL_FORMAT_VERSION = 9;
/** A saved model: plain data, with typed arrays where the engine has them. */
export type ModelData = unknown;
export declare function modelKey(parts: {
    intentsHash: string;
    engine: string;
    settings: unknown;
}): string;
/** The model as one buffer: magic, header length (u32 LE), header JSON, blocks aligned to 8 bytes. */
export declare function packModel(model: ModelData): Buffer;
/** The model saved by `packModel`, from a buffer. */
export declare function unpackModel(buf: Buffer): ModelData;
/** The cached model for `key`, or undefined (missing or unreadable cache is not an error). */
export declare function readCachedModel(dir: string, key: string, kind?: string): ModelData | undefined;
/** Write atomically (temp file + rename) and remove older models of the same kind (and the old JSON models). */
export declare function writeCachedModel(dir: string, key: string, model: ModelData, kind?: string): void;
