/**
 * Folded YAML scalars (`>-`) join lines with a space, which shows up in Chinese text as a
 * stray gap (`清理， 拒不改正`). Drop whitespace between two CJK characters or marks.
 */
export function cleanText(text: string): string {
  return text.trim().replace(/(?<=[\p{Script=Han}\u3000-\u303f\uff00-\uffef])[ \t]+(?=[\p{Script=Han}\u3000-\u303f\uff00-\uffef])/gu, '');
}
