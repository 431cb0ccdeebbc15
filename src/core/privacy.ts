import { createHmac } from 'node:crypto';

/**
 * Privacy helpers. Raw WeChat ids never leave the edge: they are replaced by a salted
 * HMAC before anything is stored or logged, and free text is redacted of phone numbers,
 * ID-card numbers, licence plates, e-mail addresses and bank-card-like digit runs.
 */

/** Salted, non-reversible id: 16 hex chars of HMAC-SHA256 (collisions negligible at bureau scale). */
export function hashId(salt: string, id: string): string {
  return createHmac('sha256', salt).update(id).digest('hex').slice(0, 16);
}

const PATTERNS: ReadonlyArray<[RegExp, string]> = [
  // 18-digit ID card (last char may be X), with optional spaces.
  [/(?<![0-9A-Za-z])[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![0-9A-Za-z])/g, '[身份证号]'],
  // Mobile numbers: 11 digits starting 1[3-9], allowing separators and +86. Not inside a
  // longer run of letters and digits, so that our own hex hashes are left alone.
  [/(?:\+?86[-\s]?)?(?<![0-9A-Za-z])1[3-9]\d[-\s]?\d{4}[-\s]?\d{4}(?![0-9A-Za-z])/g, '[手机号]'],
  // Landlines: 0xx(x)-xxxxxxx(x).
  [/(?<![0-9A-Za-z])0\d{2,3}[-\s]?\d{7,8}(?![0-9A-Za-z])/g, '[电话]'],
  // Chinese licence plates: province char + letter + 5-6 alphanumerics.
  [/[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-HJ-NP-Z][·.\s-]?[A-HJ-NP-Z0-9]{5,6}/g, '[车牌]'],
  [/[\w.+-]+@[\w-]+\.[\w.-]+/g, '[邮箱]'],
  // Long digit runs (bank cards, masked ids) of 12+ digits.
  [/(?<![0-9A-Za-z])\d{12,19}(?![0-9A-Za-z])/g, '[号码]'],
];

/** Replace personal data in free text with placeholders. Idempotent. */
export function redactPii(text: string): string {
  let out = text;
  for (const [re, replacement] of PATTERNS) out = out.replace(re, replacement);
  return out;
}
