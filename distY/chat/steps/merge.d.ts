import type { Step } from '../context.js';
export declare const ALREADY_ANSWERED = "\u540C\u6837\u7684\u95EE\u9898\u521A\u521A\u5DF2\u7ECF\u56DE\u590D\u8FC7\u4E86\uFF0C\u8BF7\u770B\u4E0A\u9762\u7684\u56DE\u7B54 \u2191";
/**
 * The same question from several people in one group within BOT_MERGE_WINDOW_SEC gets
 * one answer mentioning all of them: while the first answer still waits in the outbox
 * (group answers are held BOT_MERGE_HOLD_MS for this), later askers are added to its
 * @-mentions. Once it went out, later askers get one short pointer to it (itself merged the
 * same way). Every asker still counts as a consultation. Part of the send path: the asker's
 * raw id is read here only to add the @-mention.
 */
export declare const mergeSameQuestion: Step;
