/**
 * Koa/grammY-style middleware: `(ctx, next) => Promise<void>`. A message flows through a
 * visible list (guard → normalize → understand → answer → record); each step may stop the
 * flow by not calling `next`. Calling `next()` twice is a programming error.
 */
export type NextFn = () => Promise<void>;
export type Middleware<C> = (ctx: C, next: NextFn) => Promise<void> | void;

export function compose<C>(middlewares: readonly Middleware<C>[]): (ctx: C, last?: NextFn) => Promise<void> {
  const stack = [...middlewares];
  return async function run(ctx: C, last?: NextFn): Promise<void> {
    let index = -1;
    const dispatch = async (i: number): Promise<void> => {
      if (i <= index) throw new Error('next() called multiple times');
      index = i;
      const fn = i === stack.length ? last : stack[i];
      if (!fn) return;
      await fn(ctx, () => dispatch(i + 1));
    };
    await dispatch(0);
  };
}
