/** An outbox that sends at once through the platform (terminal, memory): nothing waits, so nothing merges. */
export function directOutbox(platform) {
    return {
        enqueue(to, content) {
            const done = platform.send(to, content);
            return { done, started: true, addMentions: () => false };
        },
    };
}
//# sourceMappingURL=platform.js.map