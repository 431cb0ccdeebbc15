import { Peer } from './peer.js';
export class MemoryPlatform {
    botName;
    name = 'memory';
    sent = [];
    events;
    constructor(botName = '普法助手') {
        this.botName = botName;
    }
    async start(events) {
        this.events = events;
    }
    async stop() {
        this.events = undefined;
    }
    isLoggedIn() {
        return this.events !== undefined;
    }
    async send(to, content) {
        if ('file' in content)
            this.sent.push({ to, text: `[file ${content.file.name}]`, mentions: [], file: content.file });
        else
            this.sent.push({ to, text: content.text, mentions: content.mentions ?? [] });
    }
    /** A message arrives; resolves when the bot has handled it (its replies are sent or queued). */
    async say(m) {
        if (!this.events)
            throw new Error('memory platform not started');
        const message = {
            kind: m.kind ?? 'text',
            text: m.text === undefined ? null : m.text,
            channel: m.channel ?? (m.room ? 'room' : 'private'),
            at: m.at ?? new Date(),
            ageSec: m.ageSec ?? 0,
            self: m.self ?? false,
            from: { peer: new Peer(m.from), ...(m.alias ? { alias: m.alias } : {}) },
            ...(m.room ? { room: { peer: new Peer(m.room.id), topic: m.room.topic } } : {}),
            mentionsSelf: m.mentionsSelf ?? false,
            selfNames: [this.botName],
        };
        await this.events.message(message);
    }
    /** What was sent to this person in private, or to this group. */
    to(id) {
        return this.sent.filter((s) => s.to.id === id);
    }
}
//# sourceMappingURL=memory-platform.js.map