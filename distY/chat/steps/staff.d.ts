import type { Step } from '../context.js';
export declare const STAFF_REFUSAL = "\u62B1\u6B49\uFF0C\u8FD9\u662F\u57CE\u7BA1\u5C40\u5DE5\u4F5C\u4EBA\u5458\u4F7F\u7528\u7684\u7BA1\u7406\u547D\u4EE4\uFF0C\u60A8\u6CA1\u6709\u4F7F\u7528\u6743\u9650\u3002\u5982\u9700\u54A8\u8BE2\u57CE\u7BA1\u65B9\u9762\u7684\u95EE\u9898\uFF0C\u8BF7\u76F4\u63A5\u53D1\u9001\u60A8\u7684\u95EE\u9898\uFF0C\u6211\u4F1A\u5C3D\u529B\u89E3\u7B54\u3002";
/**
 * `#命令` in a private chat. Staff (BOT_STAFF) run it; anyone else gets a polite refusal
 * and the attempt is logged with the hashed id only. In groups, commands are ignored
 * (statistics and announcements are not for a citizens' group). Other text goes on, and so
 * does everything on an edge without staff commands (the terminal chat).
 */
export declare const staffCommands: Step;
