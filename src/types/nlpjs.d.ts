// Minimal typings for the node-nlp parts (@nlpjs/*) this project builds its engine from (the packages ship none).
declare module '@nlpjs/core' {
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
  export class Nlp {
    constructor(settings?: Record<string, unknown>, container?: NlpContainer);
    container: NlpContainer;
    addDocument(locale: string, utterance: string, intent: string): void;
    train(): Promise<unknown>;
    export(minified?: boolean): string;
    import(data: string | object): void;
  }
}
declare module '@nlpjs/lang-zh' {
  export class LangZh {}
}
