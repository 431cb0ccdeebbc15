export function compose(middlewares) {
    const stack = [...middlewares];
    return async function run(ctx, last) {
        let index = -1;
        const dispatch = async (i) => {
            if (i <= index)
                throw new Error('next() called multiple times');
            index = i;
            const fn = i === stack.length ? last : stack[i];
            if (!fn)
                return;
            await fn(ctx, () => dispatch(i + 1));
        };
        await dispatch(0);
    };
}
//# sourceMappingURL=compose.js.map