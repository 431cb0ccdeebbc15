import readline from 'node:readline';
import { Peer } from '../chat/peer.js';
import type { ChatPlatform, Destination, InboundMessage, Outgoing, PlatformEvents } from '../chat/platform.js';

/**
 * The terminal as a chat platform: each line typed is a message of one person in a private
 * conversation (channel `console`: test data, left out of the official figures); replies
 * are printed as `助手> …`. Lines are handled one after another, each reply printed before
 * the next prompt.
 */
export interface TerminalPlatformOptions {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** Printed once the terminal is ready (the usage lines). */
  banner?: string;
}

const QUIT = new Set(['退出', 'exit', 'quit', ':q', '再见了']);

/** The one person at the terminal (hashed like any other sender). */
const TERMINAL_USER = 'console-user';

export class TerminalPlatform implements ChatPlatform {
  readonly name = 'terminal';
  private rl: readline.Interface | undefined;
  private loop: Promise<void> | undefined;

  constructor(private readonly o: TerminalPlatformOptions) {}

  async start(events: PlatformEvents): Promise<void> {
    const { input, output } = this.o;
    const interactive = (input as { isTTY?: boolean }).isTTY === true;
    const rl = readline.createInterface({ input, output, terminal: interactive, historySize: 100 });
    this.rl = rl;
    if (this.o.banner) output.write(this.o.banner);
    const prompt = (): void => {
      if (!interactive) return;
      rl.setPrompt('您> ');
      rl.prompt();
    };
    this.loop = (async () => {
      prompt();
      for await (const line of rl) {
        const text = line.trim();
        if (QUIT.has(text.toLowerCase())) break;
        if (text !== '') await events.message(terminalMessage(line));
        prompt();
      }
      rl.close();
    })();
  }

  /** Resolves when the person quits (退出, Ctrl+D, end of input). */
  async closed(): Promise<void> {
    await this.loop;
  }

  async stop(): Promise<void> {
    this.rl?.close();
    await this.loop?.catch(() => undefined);
  }

  isLoggedIn(): boolean {
    return this.rl !== undefined;
  }

  async send(_to: Destination, content: Outgoing): Promise<void> {
    const text = 'file' in content ? `[文件 ${content.file.name}]` : content.text;
    this.o.output.write(`助手> ${text.replace(/\n/g, '\n      ')}\n\n`);
  }
}

function terminalMessage(line: string): InboundMessage {
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
