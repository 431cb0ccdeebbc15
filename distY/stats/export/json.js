/** The whole report as pretty JSON (for programs): totals, periods and every view. */
export function reportToJson(report) {
    return `${JSON.stringify(report, null, 2)}\n`;
}
//# sourceMappingURL=json.js.map