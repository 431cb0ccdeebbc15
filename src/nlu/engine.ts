import { NlpManager } from 'node-nlp';
import type { IntentDef } from '../knowledge/types.js';
import { ChineseTokenizer } from './tokenizer.js';

/**
 * The node-nlp intent classifier. Two flavours share the same training data:
 * - `domain`: our normalised text, segmented by jieba with the domain dictionary, with
 *   node-nlp's Chinese normaliser/stemmer (pinyin) replaced by identity;
 * - `vanilla`: node-nlp's defaults for Chinese (@nlpjs/lang-zh), the baseline we measure against.
 */
export type EngineKind = 'domain' | 'vanilla';

export interface EngineScore {
  intent: string;
  score: number;
}

export interface EngineOptions {
  kind: EngineKind;
  terms: readonly string[];
  charFeatures?: boolean;
}

const LOCALE = 'zh';

interface NluInput {
  locale: string;
  utterance: string;
  settings: Record<string, unknown>;
}
interface NluOutput {
  classifications?: EngineScore[];
}
interface NluManagerLike {
  process(input: NluInput): Promise<NluOutput>;
}

/** Silence lang-zh's "Compiling dictionary" console.log while constructing a manager. */
function quietly<T>(fn: () => T): T {
  const log = console.log;
  console.log = () => {};
  try {
    return fn();
  } finally {
    console.log = log;
  }
}

export class IntentEngine {
  readonly kind: EngineKind;
  private readonly manager: NlpManager;
  private readonly tokenizer: ChineseTokenizer | undefined;

  constructor(options: EngineOptions) {
    this.kind = options.kind;
    this.manager = quietly(
      () =>
        new NlpManager({
          languages: [LOCALE],
          autoSave: false,
          autoLoad: false,
          forceNER: false,
          nlu: { log: false, useNoneFeature: true },
          ner: { builtins: [] },
          sentiment: false,
          threshold: 0,
        }),
    );
    if (options.kind === 'domain') {
      const tokenizer = new ChineseTokenizer({ terms: options.terms, charFeatures: options.charFeatures ?? false });
      this.tokenizer = tokenizer;
      const container = this.manager.container;
      container.register(`normalizer-${LOCALE}`, { normalize: (text: string) => text }, true);
      container.register(`tokenizer-${LOCALE}`, { tokenize: (text: string) => tokenizer.tokenize(text) }, true);
      container.register(`stemmer-${LOCALE}`, { stem: (tokens: string[]) => tokens }, true);
    }
  }

  /** Tokens as the engine sees them (for debugging and the README). */
  tokens(text: string): string[] {
    return this.tokenizer ? this.tokenizer.tokenize(text) : [];
  }

  async train(intents: readonly IntentDef[]): Promise<void> {
    for (const intent of intents) {
      for (const utterance of intent.utterances) this.manager.addDocument(LOCALE, utterance, intent.id);
    }
    await quietly(() => this.manager.train());
  }

  export(): string {
    return this.manager.export(true);
  }

  import(model: string): void {
    this.manager.import(model);
  }

  /** Ranked intent scores (highest first); `None` when nothing matched. */
  async classify(text: string): Promise<EngineScore[]> {
    const nlu = (this.manager as unknown as { nlp: { nluManager: NluManagerLike } }).nlp.nluManager;
    const out = await nlu.process({ locale: LOCALE, utterance: text, settings: {} });
    return (out.classifications ?? []).slice().sort((a, b) => b.score - a.score);
  }
}
