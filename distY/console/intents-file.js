import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isMap, isScalar, isSeq, parseDocument } from 'yaml';
import { PufaError } from '../core/errors.js';
import { INTENT_ID } from '../knowledge/load.js';
/** One line, trimmed, no control characters; a YAML-safe scalar is produced by the library. */
export function cleanUtterance(text) {
    return text
        .replace(/[\p{Cc}\p{Cf}]/gu, ' ')
        .replace(/\s+/g, ' ')
        .trim()
        .slice(0, 400);
}
export function appendUtterance(intentsDir, intentId, text) {
    if (!INTENT_ID.test(intentId))
        throw new PufaError('PUFA_ERR_INPUT', `不是有效的意图编号：${intentId}`);
    const utterance = cleanUtterance(text);
    if (!utterance)
        throw new PufaError('PUFA_ERR_INPUT', '问题内容为空');
    const topic = intentId.slice(0, intentId.indexOf('.'));
    const file = path.join(intentsDir, `${topic}.yaml`);
    let source;
    try {
        source = readFileSync(file, 'utf8');
    }
    catch {
        throw new PufaError('PUFA_ERR_INPUT', `没有找到意图文件 ${file}`);
    }
    const doc = parseDocument(source);
    if (doc.errors.length > 0)
        throw new PufaError('PUFA_ERR_INTENTS', `${file} 有 YAML 语法错误，请先修正（pufa kb lint）`);
    const intents = doc.get('intents', true);
    if (!isSeq(intents))
        throw new PufaError('PUFA_ERR_INTENTS', `${file} 没有 intents 列表`);
    const entry = intents.items.find((it) => isMap(it) && String(it.get('id')) === intentId);
    if (!entry)
        throw new PufaError('PUFA_ERR_INPUT', `${file} 中没有意图 ${intentId}`);
    const found = entry.get('utterances', true);
    let seq;
    if (isSeq(found))
        seq = found;
    else {
        seq = doc.createNode([]);
        entry.set('utterances', seq);
    }
    if (seq.items.some((it) => isScalar(it) && String(it.value) === utterance))
        return { file, added: false };
    seq.add(doc.createNode(utterance));
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, doc.toString({ lineWidth: 0, flowCollectionPadding: false }));
    renameSync(tmp, file);
    return { file, added: true };
}
//# sourceMappingURL=intents-file.js.map