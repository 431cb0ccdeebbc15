import { createHmac } from 'node:crypto';
/**
 * Privacy helpers. Raw WeChat ids never leave the edge: they are replaced by a salted
 * HMAC before anything is stored or logged, and free text is redacted of phone numbers
 * (also written with separators, prefixes such as `tel`, or in Chinese numerals),
 * ID-card and passport numbers, licence plates, e-mail addresses and bank-card-like digit
 * runs. Secrets (passwords in Redis URLs, HASH_SALT, puppet tokens) are masked by
 * `maskSecrets`; bidi and other invisible format characters are removed by
 * `stripFormatControls` before text is shown to staff.
 */
/** Salted, non-reversible id: 16 hex chars of HMAC-SHA256 (collisions negligible at bureau scale). */
export function hashId(salt, id) {
    return createHmac('sha256', salt).update(id).digest('hex').slice(0, 16);
}
/** A digit as people write it in chat: Arabic, full-width, or a Chinese numeral (幺 = 1 when reading numbers aloud). */
const D = '[0-9０-９零〇○一二三四五六七八九幺两]';
const ONE = '[1１一幺]';
const THREE_TO_NINE = '[3-9３-９三四五六七八九]';
/** Separators people put inside a phone number: space, dash, dot, middle dot, slash. */
const SEP = '[\\s\\-－.．·・/_]?';
/** Not directly after / before another digit (letters around are fine: `tel13812345678`, `13812345678abc`). */
const NB = `(?<!${D})`;
const NA = `(?!${D})`;
const MOBILE = new RegExp(`(?:(?:\\+|＋)?(?:86|８６)[\\s\\-－]?|${NB})${ONE}${SEP}${THREE_TO_NINE}(?:${SEP}${D}){9}${NA}`, 'gu');
const PATTERNS = [
    // 18-digit ID card (last char may be X).
    [/(?<![0-9])[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![0-9])/g, '[身份证号]'],
    // Mobile numbers: 11 digits starting 1[3-9] (Arabic, full-width or Chinese numerals),
    // with separators and +86 allowed; letters around do not protect them.
    [MOBILE, '[手机号]'],
    // Landlines: 0xx(x)-xxxxxxx(x).
    [/(?<![0-9])0\d{2,3}[-\s.]?\d{7,8}(?![0-9])/g, '[电话]'],
    // Passports and travel permits: a keyword followed by the number, or the usual shapes
    // (E/G/D/S/P/H + 8 digits, E + letter + 7 digits, C/K/L/T + 8 digits for 港澳/台湾通行证).
    [/(?:护照|通行证|passport)(?:号码?|号|no\.?|number)?[\s:：#号码]*[A-Za-z0-9]{6,12}/giu, '[证件号]'],
    [/(?<![A-Za-z0-9])(?:[EeGgDdSsPpHhCcKkLlTt]\d{8}|[Ee][A-Za-z]\d{7})(?![0-9])/g, '[证件号]'],
    // Chinese licence plates: province char + letter + 5-6 alphanumerics.
    [/[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-HJ-NP-Z][·.\s-]?[A-HJ-NP-Z0-9]{5,6}/g, '[车牌]'],
    [/[\w.+-]+@[\w-]+\.[\w.-]+/g, '[邮箱]'],
    // Long digit runs (bank cards, masked ids) of 12+ digits.
    [/(?<![0-9])\d{12,19}(?![0-9])/g, '[号码]'],
];
/** Our salted hashes and other hex digests (with at least one letter): left alone, they are what logs are meant to carry. */
const HEX_TOKEN = /((?<![0-9A-Za-z])(?=[0-9]*[a-f])[0-9a-f]{16,64}(?![0-9A-Za-z]))/;
function redactSegment(text) {
    let out = text;
    for (const [re, replacement] of PATTERNS)
        out = out.replace(re, replacement);
    return out;
}
/** Replace personal data in free text with placeholders. Idempotent. */
export function redactPii(text) {
    const parts = stripFormatControls(text).split(HEX_TOKEN);
    // split() with a capturing group: odd indices are the hex tokens.
    return parts.map((part, i) => (i % 2 === 1 ? part : redactSegment(part))).join('');
}
/**
 * Invisible characters that change how text is displayed: bidi embeddings, overrides and
 * isolates (U+202A–U+202E, U+2066–U+2069, U+200E/U+200F, U+061C), zero-width and other
 * format characters (Unicode category Cf), C0/C1 controls except tab and line breaks,
 * and lone surrogates. Removed before anything is shown to staff.
 */
const FORMAT_CONTROLS = /[\p{Cf}\p{Cs}\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029]/gu;
export function stripFormatControls(text) {
    return text.replace(FORMAT_CONTROLS, '');
}
/** Passwords in URLs (`scheme://user:password@host`, also `scheme://:password@host`). */
const URL_PASSWORD = /\b([a-z][a-z0-9+.-]*:\/\/)([^:@/\s"']*):([^@/\s"']+)@/giu;
/** `token=…`, `password: …`, `"token":"…"` and similar in free text. */
const KEYED_SECRET = /((?:token|password|passwd|pwd|secret|salt|auth)["']?\s*[:=]\s*["']?)([^\s"',;&}]{4,})/giu;
const registeredSecrets = new Set();
/** Secrets of this process (HASH_SALT, tokens, Redis passwords): masked wherever they appear in logged text. */
export function registerSecret(secret) {
    if (secret && secret.length >= 4)
        registeredSecrets.add(secret);
}
/** Mask secrets in a message: URL passwords, `token=…`-style pairs, and every registered secret. */
export function maskSecrets(text) {
    let out = text.replace(URL_PASSWORD, (_m, scheme, user) => `${scheme}${user}:***@`).replace(KEYED_SECRET, '$1***');
    for (const s of registeredSecrets)
        if (out.includes(s))
            out = out.split(s).join('***');
    return out;
}
//# sourceMappingURL=privacy.js.map