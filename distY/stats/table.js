/** Plain terminal tables that line up with Chinese text (CJK characters are two columns wide). */
function charWidth(cp) {
    if (cp < 0x1100)
        return 1;
    if ((cp >= 0x1100 && cp <= 0x115f) ||
        (cp >= 0x2e80 && cp <= 0xa4cf) ||
        (cp >= 0xac00 && cp <= 0xd7a3) ||
        (cp >= 0xf900 && cp <= 0xfaff) ||
        (cp >= 0xfe30 && cp <= 0xfe4f) ||
        (cp >= 0xff00 && cp <= 0xff60) ||
        (cp >= 0xffe0 && cp <= 0xffe6) ||
        (cp >= 0x20000 && cp <= 0x3fffd)) {
        return 2;
    }
    return 1;
}
export function displayWidth(s) {
    let w = 0;
    for (const ch of s)
        w += charWidth(ch.codePointAt(0) ?? 0);
    return w;
}
function pad(s, width, right) {
    const fill = ' '.repeat(Math.max(0, width - displayWidth(s)));
    return right ? fill + s : s + fill;
}
/** Columns after the first `textColumns` are right-aligned (numbers). */
export function renderTable(header, rows, textColumns = 1) {
    const cells = [header, ...rows.map((r) => r.map(String))];
    const widths = header.map((_, i) => Math.max(...cells.map((r) => displayWidth(r[i] ?? ''))));
    const line = (r) => r.map((c, i) => pad(c, widths[i] ?? 0, i >= textColumns)).join('  ').trimEnd();
    const rule = widths.map((w) => '─'.repeat(w)).join('  ');
    return [line(cells[0]), rule, ...cells.slice(1).map(line)].join('\n');
}
//# sourceMappingURL=table.js.map