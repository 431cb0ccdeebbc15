import type { Step } from '../context.js';
export declare const NON_TEXT_HINT = "\u62B1\u6B49\uFF0C\u6211\u6682\u65F6\u53EA\u80FD\u770B\u61C2\u6587\u5B57\u6D88\u606F\u3002\u8BF7\u76F4\u63A5\u6253\u5B57\u63CF\u8FF0\u60A8\u60F3\u54A8\u8BE2\u7684\u95EE\u9898\uFF0C\u4F8B\u5982\u201C\u5E97\u95E8\u53E3\u6446\u644A\u4F1A\u88AB\u7F5A\u6B3E\u5417\u201D\u3002";
/**
 * Non-text messages, in one place. Voice, pictures, videos, files and stickers get one
 * short hint to type the question, at most once per person per BOT_NONTEXT_HINT_SEC (the
 * mark is in the store: in Redis every process honours it); they are not consultations.
 * Other message types (system notices, red packets, links…) are ignored.
 */
export declare const nonTextHint: Step;
