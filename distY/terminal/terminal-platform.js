import readline from 'node:readline';
import { Peer } from '../chat/peer.js';
const QUIT = new Set(['退出', 'exit', 'quit', ':q', '再见了']);
/** The one person at the terminal (hashed like any other sender). */
const TERMINAL_USER = 'console-user';
export class TerminalPlatform {
    o;
    name = 'terminal';
    rl;
    loop;
    constructor(o) {
        this.o = o;
    }
    async start(events) {
        const { input, output } = this.o;
        const interactive = input.isTTY === true;
        const rl = readline.createInterface({ input, output, terminal: interactive, historySize: 100 });
        this.rl = rl;
        if (this.o.banner)
            output.write(this.o.banner);
        const prompt = () => {
            if (!interactive)
                return;
            rl.setPrompt('您> ');
            rl.prompt();
        };
        this.loop = (async () => {
            prompt();
            for await (const line of rl) {
                const text = line.trim();
                if (QUIT.has(text.toLowerCase()))
                    break;
                if (text !== '')
                    await events.message(terminalMessage(line));
                prompt();
            }
            rl.close();
        })();
    }
    /** Resolves when the person quits (退出, Ctrl+D, end of input). */
    async closed() {
        await this.loop;
    }
    async stop() {
        this.rl?.close();
        await this.loop?.catch(() => undefined);
    }
    isLoggedIn() {
        return this.rl !== undefined;
    }
    async send(_to, content) {
        const text = 'file' in content ? `[文件 ${content.file.name}]` : content.text;
        this.o.output.write(`助手> ${text.replace(/\n/g, '\n      ')}\n\n`);
    }
}
function terminalMessage(line) {
    return {
        kind: 'text',
        text: line,
        channel: 'console',
        at: new Date(),
        ageSec: 0,
        self: false,
        from: { peer: new Peer(TERMINAL_USER) },
        mentionsSelf: false,
        selfNames: [],
    };
}
//# sourceMappingURL=terminal-platform.js.map