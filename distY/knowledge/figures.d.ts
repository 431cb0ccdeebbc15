/**
 * Figures a citizen could act on — amounts of money, time limits, percentages — found in
 * an answer or a law article, so `kb verify` can check that every figure an answer states
 * is really in the articles it cites.
 *
 * Precision matters both ways: a false positive (a hotline, a date, an article number
 * taken for a figure) blocks staff for nothing; a false negative lets a wrong fine through.
 */
export type FigureKind = 'money' | 'duration' | 'percent';
/** Normalised units: 天 → 日, 月 → 个月, 工作日 → 个工作日, ％ → %. */
export type FigureUnit = '元' | '日' | '个工作日' | '个月' | '年' | '小时' | '%';
export interface Figure {
    kind: FigureKind;
    /** Yuan for money, a count of `unit` for durations, the number before % for percentages. */
    value: number;
    unit: FigureUnit;
    /** The text as written, e.g. `2万元`, `十五日`, `百分之五十`, or a whole range `5000至5万元`. */
    raw: string;
    /** Position of `raw` in the text (UTF-16 index). */
    index: number;
}
/**
 * All figures in `text`, in order.
 *
 * Recognised: `<num>(万)?元` (2万元 → 20000, 五千元 → 5000, 0.5万元 → 5000);
 * `<num>` + 日|天|个工作日|工作日|个月|月|年|小时; `<num>%` and `百分之<num>`; a range whose
 * first number has no unit of its own (`5000至5万元`, `3至6个月`, `2至5万元` = 2万–5万).
 * Not figures: hotline and phone numbers (no unit), calendar years and dates (2026年,
 * 3月1日), times of day (22时, 晚上10点), article numbers and ordinals (第十四条, 第三日).
 */
export declare function extractFigures(text: string): Figure[];
/** Same kind, same unit class and same value. */
export declare function sameFigure(a: Pick<Figure, 'kind' | 'unit' | 'value'>, b: Pick<Figure, 'kind' | 'unit' | 'value'>): boolean;
/** `20000 元`, `15 日`, `50 %` — the normalised value, for messages. */
export declare function describeFigure(f: Pick<Figure, 'unit' | 'value'>): string;
