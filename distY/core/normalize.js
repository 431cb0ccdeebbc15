import * as OpenCC from 'opencc-js/t2cn';
/**
 * Text normalisation before matching. Pure: text in, text out.
 *
 * Order matters: NFKC first (full-width → half-width, compatibility forms), then
 * traditional → simplified, then removal of mentions / emoji / decoration, then
 * whitespace, then the length cap.
 */
// 't' → 'cn' covers both Taiwan and Hong Kong forms well enough for intent matching
// (佔→占, 罰→罚, 擾→扰, 裏→里).
const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });
/** WeChat puts U+2005 (four-per-em space) after an @mention; other clients a normal space. */
const MENTION = /@[^\s\u2005@]{1,32}(?:[\u2005\u2004\u00a0 ]|$)/gu;
/** WeChat's text emoji like [微笑] [捂脸] [Thumbs Up]. */
const WECHAT_EMOJI = /\[[\u4e00-\u9fa5A-Za-z ]{1,10}\]/gu;
const PICTOGRAPHIC = /[\p{Extended_Pictographic}\p{Regional_Indicator}\u{1F3FB}-\u{1F3FF}\u200d\ufe0e\ufe0f\u20e3]/gu;
/** Decoration people paste around messages: stars, hearts, boxes, arrows, dingbats. */
const DECORATION = /[★☆♥♡❤✿❀✪◆◇■□●○◎▲△▼▽→←↑↓⇒※〓【】〖〗『』「」《》〈〉~～_=＊*#^|\\]/gu;
/** Runs of the same punctuation: "！！！！" → "！", "。。。" → "。". */
const REPEATED_PUNCT = /([!?！？。，,.…、;；:：])\1+/gu;
/**
 * Controls and invisible format characters: C0/C1 controls (tab and line feed become
 * spaces later), every format character (Unicode Cf: bidi embeddings/overrides/isolates,
 * zero-width space/joiners, BOM, soft hyphen…) and lone surrogates. They carry no meaning
 * for matching and can reverse or hide text when it is shown to staff.
 */
const CONTROL = /[\p{Cf}\p{Cs}\u0000-\u0008\u000b-\u001f\u007f-\u009f]/gu;
/** Words that mark the sentence carrying the actual request in a long letter. */
const REQUEST_CUES = /(请问|请|恳请|希望|要求|建议|怎么|怎样|如何|么样|能否|能不能|可不可以|是否|合法|违法|罚|举报|投诉|处理|管管|解决|吗|呢|[?？])/u;
/** Split text into sentences, keeping the closing punctuation (commas do not end one); the text itself when it has none. */
export function sentences(text) {
    return text.match(/[^。！？!?；;\n]+[。！？!?；;\n]*/gu) ?? [text];
}
/** Split text into clauses: its pieces between sentence ends, commas and 、 (the punctuation dropped). */
export function clauses(text) {
    return text.split(/[。！？!?；;\n，,、]+/u);
}
/**
 * Shorten a long letter to `max` characters while keeping what matters: real letters
 * open with context and put the request last, so keep the first sentence (often the
 * place and subject) and fill the rest from the end, preferring sentences that ask.
 */
export function capLength(text, max) {
    // Most messages are short: counted without `[...text]` (an array of one string per character).
    if (text.length <= max || characters(text) <= max)
        return { text, truncated: false };
    const parts = sentences(text);
    const first = parts[0] ?? '';
    const budgetFirst = Math.min([...first].length, Math.floor(max / 4));
    const head = [...first].slice(0, budgetFirst).join('');
    let budget = max - [...head].length;
    const tail = [];
    // Walk backwards; take sentences that fit, request-bearing ones first among equals.
    const rest = parts.slice(1);
    const picked = new Set();
    const order = rest
        .map((s, i) => ({ s, i, cue: REQUEST_CUES.test(s) }))
        .sort((a, b) => Number(b.cue) - Number(a.cue) || b.i - a.i);
    for (const { s, i } of order) {
        const len = [...s].length;
        if (len <= budget) {
            picked.add(i);
            budget -= len;
        }
    }
    for (let i = 0; i < rest.length; i += 1)
        if (picked.has(i))
            tail.push(rest[i] ?? '');
    let out = head + tail.join('');
    if (tail.length === 0) {
        // One giant sentence: keep its head and its end.
        const chars = [...text];
        const headLen = Math.floor(max / 4);
        out = chars.slice(0, headLen).join('') + chars.slice(chars.length - (max - headLen)).join('');
    }
    return { text: out, truncated: true };
}
/** `[...s].length` without building the array: code points, a lone surrogate counting as one. */
export function characters(s) {
    let n = 0;
    for (let i = 0; i < s.length; i += 1) {
        const c = s.charCodeAt(i);
        if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
            const d = s.charCodeAt(i + 1);
            if (d >= 0xdc00 && d <= 0xdfff)
                i += 1;
        }
        n += 1;
    }
    return n;
}
/** Normalise a citizen's message for matching. Never throws. */
export function normalizeText(input, options = {}) {
    const maxChars = options.maxChars ?? 400;
    // Hard cap before any regex work, so a pasted novel cannot slow the bot down.
    let text = input.length > maxChars * 20 ? input.slice(0, maxChars * 10) + input.slice(-maxChars * 10) : input;
    text = text.normalize('NFKC');
    text = toSimplified(text);
    text = text
        .replace(MENTION, ' ')
        .replace(WECHAT_EMOJI, ' ')
        .replace(PICTOGRAPHIC, '')
        .replace(CONTROL, '')
        .replace(DECORATION, ' ')
        .replace(REPEATED_PUNCT, '$1')
        .replace(/\s+/gu, ' ')
        .replace(/ ([!?。，,.;；:：、])/gu, '$1')
        .trim();
    const capped = capLength(text, maxChars);
    const empty = !/[\p{L}\p{N}]/u.test(capped.text);
    return { text: empty ? '' : capped.text, truncated: capped.truncated, empty };
}
/** The text function a ranker is built with (same everywhere a model is trained, loaded or evaluated: main thread, training thread, calibration). */
export function textNormalizer(maxChars) {
    return (s) => normalizeText(s, { maxChars }).text;
}
//# sourceMappingURL=normalize.js.map