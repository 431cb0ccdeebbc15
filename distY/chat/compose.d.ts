/**
 * Koa/grammY-style middleware: `(ctx, next) => Promise<void>`. A message flows through a
 * visible list (guard → normalize → understand → answer → record); each step may stop the
 * flow by not calling `next`. Calling `next()` twice is a programming error.
 */
export type NextFn = () => Promise<void>;
export type Middleware<C> = (ctx: C, next: NextFn) => Promise<void> | void;
export declare function compose<C>(middlewares: readonly Middleware<C>[]): (ctx: C, last?: NextFn) => Promise<void>;
