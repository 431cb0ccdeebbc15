/** Keeps consultations in memory: for unit tests of the pipeline and the console without Redis. */
export class MemoryRecorder {
    items = [];
    feedbackItems = [];
    feedback = new MemoryFeedbackTracker();
    record(consultation) {
        this.items.push(consultation);
    }
    recordFeedback(feedback) {
        if (!this.feedbackItems.some((f) => f.consultationId === feedback.consultationId))
            this.feedbackItems.push(feedback);
    }
    async flush() { }
    async close() { }
}
/** In-memory "was it helpful?" state: one question per citizen per UTC+8 day. */
export class MemoryFeedbackTracker {
    dayOf;
    asked = new Map();
    constructor(dayOf = (at) => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10)) {
        this.dayOf = dayOf;
    }
    async offer(user, asked, at) {
        const day = this.dayOf(at);
        if (this.asked.get(user)?.day === day)
            return false;
        this.asked.set(user, { day, asked });
        return true;
    }
    async pending(user, _at) {
        return this.asked.get(user)?.asked;
    }
}
/**
 * A recorder that marks everything it records as test data (`pufa simulate`): left out of
 * the official figures, removable with `pufa stats purge`.
 */
export function asTestData(inner) {
    const wrapped = {
        record: (c) => inner.record({ ...c, test: true }),
        flush: () => inner.flush(),
        close: () => inner.close(),
        ...(inner.status ? { status: () => inner.status() } : {}),
        ...(inner.recordFeedback ? { recordFeedback: (f) => inner.recordFeedback({ ...f, test: true }) } : {}),
        ...(inner.feedback ? { feedback: inner.feedback } : {}),
    };
    return wrapped;
}
//# sourceMappingURL=types.js.map