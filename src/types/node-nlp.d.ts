// Minimal typings for the parts of node-nlp this project uses (the package ships none).
declare module 'node-nlp' {
  export interface NlpContainer {
    register(name: string, value: unknown, isSingleton?: boolean): void;
    get(name: string): unknown;
  }
  export class NlpManager {
    constructor(settings?: Record<string, unknown>);
    container: NlpContainer;
    addDocument(locale: string, utterance: string, intent: string): void;
    train(): Promise<void>;
    process(locale: string, utterance: string): Promise<{ intent: string; score: number; classifications: { intent: string; score: number }[] }>;
    export(minified?: boolean): string;
    import(data: string | object): void;
  }
}
