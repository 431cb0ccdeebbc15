/**
 * Split a long reply into messages of at most `maxChars` characters, at sentence
 * boundaries (。！？；…, line breaks), so every part reads as whole sentences. A single
 * sentence longer than the limit is cut at a comma, or hard-cut as a last resort.
 */
const SENTENCE_END = /(?<=[。！？!?；;…\n])/u;
const CLAUSE_END = /(?<=[，,、：:])/u;
const len = (s) => [...s].length;
function hardCut(s, max) {
    const chars = [...s];
    const out = [];
    for (let i = 0; i < chars.length; i += max)
        out.push(chars.slice(i, i + max).join(''));
    return out;
}
function pack(units, max, tooLong) {
    const out = [];
    let current = '';
    for (const unit of units) {
        if (len(unit) > max) {
            if (current)
                out.push(current);
            current = '';
            const pieces = tooLong(unit);
            // Keep the last piece open so the next sentence may join it.
            out.push(...pieces.slice(0, -1));
            current = pieces[pieces.length - 1] ?? '';
            continue;
        }
        if (len(current) + len(unit) > max) {
            out.push(current);
            current = unit;
        }
        else {
            current += unit;
        }
    }
    if (current)
        out.push(current);
    return out;
}
export function splitMessage(text, maxChars) {
    const max = Math.max(1, Math.floor(maxChars));
    const trimmed = text.trim();
    if (len(trimmed) <= max)
        return trimmed ? [trimmed] : [];
    const sentences = trimmed.split(SENTENCE_END).filter((s) => s.length > 0);
    const parts = pack(sentences, max, (sentence) => pack(sentence.split(CLAUSE_END).filter((s) => s.length > 0), max, (clause) => hardCut(clause, max)));
    return parts.map((p) => p.trim()).filter((p) => p.length > 0);
}
//# sourceMappingURL=split.js.map