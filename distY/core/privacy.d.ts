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
export declare function hashId(salt: string, id: string): string;
/** Replace personal data in free text with placeholders. Idempotent. */
export declare function redactPii(text: string): string;
export declare function stripFormatControls(text: string): string;
/** Secrets of this process (HASH_SALT, tokens, Redis passwords): masked wherever they appear in logged text. */
export declare function registerSecret(secret: string | undefined): void;
/** Mask secrets in a message: URL passwords, `token=…`-style pairs, and every registered secret. */
export declare function maskSecrets(text: string): string;
