/** Character unigrams and bigrams of the Han/alphanumeric text, as a set. */
export function charFeatures(text) {
    const chars = [...text.replace(/[^\p{Script=Han}A-Za-z0-9]/gu, '')];
    const out = new Set(chars);
    for (let i = 0; i + 1 < chars.length; i += 1)
        out.add(`${chars[i]}${chars[i + 1]}`);
    return [...out];
}
export class TopicPrior {
    topics;
    alpha;
    sharpness;
    totals;
    counts;
    vocabSize;
    constructor(model) {
        this.topics = model.topics;
        this.alpha = model.alpha;
        this.sharpness = model.sharpness;
        this.totals = model.totals;
        this.counts = new Map(model.counts);
        this.vocabSize = this.counts.size;
    }
    static train(intents, normalize, options = {}) {
        const topics = [...new Set(intents.map((i) => i.topic))].sort();
        const index = new Map(topics.map((t, i) => [t, i]));
        const counts = new Map();
        const totals = topics.map(() => 0);
        for (const intent of intents) {
            const t = index.get(intent.topic);
            for (const utterance of intent.utterances) {
                for (const f of charFeatures(normalize(utterance))) {
                    let row = counts.get(f);
                    if (!row) {
                        row = topics.map(() => 0);
                        counts.set(f, row);
                    }
                    row[t] = (row[t] ?? 0) + 1;
                    totals[t] = (totals[t] ?? 0) + 1;
                }
            }
        }
        return new TopicPrior({ topics, alpha: options.alpha ?? 0.3, sharpness: options.sharpness ?? 10, totals, counts: [...counts] });
    }
    static fromJSON(model) {
        return new TopicPrior(model);
    }
    toJSON() {
        return { topics: this.topics, alpha: this.alpha, sharpness: this.sharpness, totals: this.totals, counts: [...this.counts] };
    }
    /** Topic → probability; empty when the text has no known feature. */
    posterior(normalized, sharpness = this.sharpness) {
        const known = charFeatures(normalized)
            .map((f) => this.counts.get(f))
            .filter((row) => row !== undefined);
        if (known.length === 0)
            return new Map();
        const { alpha, vocabSize } = this;
        const logLik = this.topics.map((_, t) => {
            const denom = Math.log((this.totals[t] ?? 0) + alpha * vocabSize);
            let s = 0;
            for (const row of known)
                s += Math.log((row[t] ?? 0) + alpha) - denom;
            // Between the plain sum (naive Bayes' overconfidence on long letters) and the mean
            // (which makes a 200-character letter as uncertain as a 5-character one).
            return s / Math.sqrt(known.length);
        });
        const max = Math.max(...logLik);
        const exp = logLik.map((l) => Math.exp(sharpness * (l - max)));
        const z = exp.reduce((a, b) => a + b, 0);
        return new Map(this.topics.map((t, i) => [t, (exp[i] ?? 0) / z]));
    }
}
//# sourceMappingURL=topic-prior.js.map