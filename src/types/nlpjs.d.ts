// Minimal typings for the node-nlp parts (@nlpjs/*) this project builds its engine from (the packages ship none).
// Only what src/nlu/engine.ts uses is declared; the shapes follow @nlpjs/nlu 4.x (domain-manager.js, nlu.js).
declare module '@nlpjs/core' {
  /** What nlp.js calls on the `logger` registered in a container (core/src/logger.js). */
  export interface NlpLogger {
    trace(...args: unknown[]): void;
    debug(...args: unknown[]): void;
    info(...args: unknown[]): void;
    log(...args: unknown[]): void;
    warn(...args: unknown[]): void;
    error(...args: unknown[]): void;
    fatal(...args: unknown[]): void;
  }
  export interface NlpContainer {
    register(name: string, value: unknown, isSingleton?: boolean): void;
    get(name: string): unknown;
    use(plugin: unknown): void;
    registerConfiguration(tag: string, configuration: Record<string, unknown>, overwrite?: boolean): void;
  }
  export function containerBootstrap(settings?: Record<string, unknown>): NlpContainer;
}
declare module '@nlpjs/nlp' {
  import type { NlpContainer } from '@nlpjs/core';
  /** One domain's classifier (@nlpjs/nlu NeuralNlu): its training settings and, once trained or imported, its intents. */
  export interface DomainNlu {
    settings: Record<string, unknown>;
    intentsArr?: string[];
  }
  export interface NluInput {
    locale: string;
    utterance: string;
    settings: Record<string, unknown>;
  }
  export interface NluOutput {
    classifications?: { intent: string; score: number }[];
  }
  /** The per-locale manager of domains (@nlpjs/nlu DomainManager). */
  export interface DomainManager {
    domains: Record<string, DomainNlu>;
    addDomain(name: string): DomainNlu;
  }
  /** @nlpjs/nlu NluManager: classification without NER, sentiment or answers. */
  export interface NluManager {
    domainManagers: Record<string, DomainManager>;
    process(input: NluInput): Promise<NluOutput>;
  }
  export class Nlp {
    constructor(settings?: Record<string, unknown>, container?: NlpContainer);
    container: NlpContainer;
    nluManager: NluManager;
    addDocument(locale: string, utterance: string, intent: string): void;
    train(): Promise<unknown>;
    export(minified?: boolean): string;
    import(data: string | object): void;
  }
}
declare module '@nlpjs/lang-zh' {
  export class LangZh {}
}
