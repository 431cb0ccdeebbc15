/** Library form of `pufa ask`: the reply a citizen would get. */
export async function ask(brain, text, channel = 'private') {
    const r = await brain.ask(text, { channel });
    return {
        intent: r.intent,
        topic: r.topic,
        score: Number(r.score.toFixed(4)),
        action: r.action,
        reply: r.reply,
        citations: r.citations,
        choices: r.choices,
        urgent: r.urgent,
    };
}
//# sourceMappingURL=ask.js.map