export class BrainHolder {
    build;
    current;
    reloading;
    constructor(brain, build) {
        this.build = build;
        this.current = brain;
    }
    get brain() {
        return this.current;
    }
    /** Build a new brain and swap it in (unless `accept` says no). Concurrent calls share one reload. */
    reload(accept) {
        this.reloading ??= (async () => {
            const started = performance.now();
            try {
                const brain = await this.build();
                if (accept && !(await accept(brain, this.current)))
                    return { brain: this.current, ms: Math.round(performance.now() - started), swapped: false };
                this.current = brain;
                return { brain, ms: Math.round(performance.now() - started), swapped: true };
            }
            finally {
                this.reloading = undefined;
            }
        })();
        return this.reloading;
    }
}
//# sourceMappingURL=brain-holder.js.map