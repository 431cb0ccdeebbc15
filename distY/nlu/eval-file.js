import { readFileSync } from 'node:fs';
import { PufaError } from '../core/errors.js';
import { predictedTopic, scorePredictions } from './evaluate.js';
/** The library form of `pufa eval`: read the labelled file, run the brain over it, score it. */
/** The text of a file given to `pufa eval`; a file that cannot be read is an input error naming it. */
export function readInputFile(file) {
    try {
        return readFileSync(file, 'utf8');
    }
    catch (err) {
        throw new PufaError('PUFA_ERR_INPUT', `cannot read ${file}: ${err.code ?? String(err)}`);
    }
}
/** Read a JSONL file of `{"text","topic",…}` lines (`parseEvalFile`). */
export function readEvalFile(file) {
    return parseEvalFile(readInputFile(file), file);
}
/** Parse the JSONL text of `file`, `{"text","topic",…}` per line; every bad line is reported with its number. */
export function parseEvalFile(raw, file) {
    const items = [];
    const problems = [];
    raw.split(/\r?\n/).forEach((line, i) => {
        if (line.trim() === '')
            return;
        try {
            const obj = JSON.parse(line);
            if (typeof obj.text !== 'string' || typeof obj.topic !== 'string') {
                problems.push(`${file}:${i + 1}: needs string fields "text" and "topic"`);
                return;
            }
            items.push({ text: obj.text, topic: obj.topic, uncertain: obj.uncertain === true });
        }
        catch (err) {
            problems.push(`${file}:${i + 1}: not valid JSON (${err.message})`);
        }
    });
    if (problems.length > 0)
        throw new PufaError('PUFA_ERR_INPUT', `${problems.length} bad line(s) in ${file}`, { problems });
    if (items.length === 0)
        throw new PufaError('PUFA_ERR_INPUT', `${file} has no questions`);
    return items;
}
/** Library form of `pufa eval`. */
export async function evaluate(brain, items) {
    const predictions = [];
    for (const item of items) {
        const reply = await brain.ask(item.text, { channel: 'private' });
        const text = reply.understood ?? reply.normalized;
        const ranker = brain.ranker;
        const ranked = ranker ? (ranker.orderTopics ? [...ranker.orderTopics(text)] : (await ranker.rankTopics(text)).map((t) => t.topic)) : undefined;
        predictions.push({ item, predicted: predictedTopic(reply), reply, ...(ranked ? { ranked } : {}) });
    }
    return { report: scorePredictions(predictions), predictions };
}
//# sourceMappingURL=eval-file.js.map