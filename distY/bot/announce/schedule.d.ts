/** Milliseconds since the epoch of `day hour:minute` in `timeZone`. */
export declare function zonedTime(day: string, hour: number, minute: number, timeZone: string): number;
/** `YYYY-MM-DD HH:mm` of a moment in `timeZone`. */
export declare function formatZoned(at: number, timeZone: string): string;
/** Split `#定时` arguments into the moment and the rest. Throws PUFA_ERR_INPUT with a Chinese message. */
export declare function parseSchedule(args: string, timeZone: string, now?: number): {
    at: number;
    rest: string;
};
