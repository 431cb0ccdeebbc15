import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { IntentDef } from '../../src/knowledge/types.js';
import { IntentEngine } from '../../src/nlu/engine.js';

/**
 * node-nlp without global side effects: training leaves the process's console alone (a
 * `#重载` in a running bot retrains while other chats are answered and logged), and nlp.js's
 * own messages reach the logger passed in. Real node-nlp, a tiny training set.
 */
const source = { file: 'test', line: 1 };
const intents = [
  { id: 'noise.report', topic: 'noise', utterances: ['楼下太吵了', '工地晚上施工', '广场舞音响很大', '我们的'], source },
  { id: 'parking.sidewalk', topic: 'parking', utterances: ['电动车乱停', '共享单车堵路', '人行道停车'], source },
] as unknown as IntentDef[];

describe('IntentEngine', () => {
  it('trains without replacing console.log, and sends nlp.js messages to the given logger', async () => {
    const messages: string[] = [];
    const engine = new IntentEngine({ kind: 'domain', terms: [], log: { debug: (_obj, msg) => messages.push(msg ?? '') } });
    const original = console.log;
    const training = engine.train(intents);
    // While training is pending, other code of the process still logs normally.
    expect(console.log).toBe(original);
    await training;
    expect(console.log).toBe(original);
    expect(messages.join('\n')).toContain('contains only stop words');
    expect(messages).toContain('node-nlp training epoch');
    const top = (await engine.classify('工地晚上太吵'))[0];
    expect(top?.intent).toBe('noise.report');
  });

  it('keeps no citizen text in node-nlp after classifying (its nlu cache of results)', async () => {
    const engine = new IntentEngine({ kind: 'domain', terms: [] });
    await engine.train(intents);
    const before = await engine.classify('电动车停在人行道上面');
    const nlu = (engine as unknown as { manager: { nluManager: { domainManagers: Record<string, { domains: Record<string, { cache?: { results?: Record<string, Record<string, unknown>> } }> }> } } }).manager.nluManager.domainManagers.zh!.domains.master_domain!;
    expect(JSON.stringify(nlu.cache?.results ?? {})).not.toContain('人行道');
    // Forgetting changes nothing of the scores.
    expect(await engine.classify('电动车停在人行道上面')).toEqual(before);
  });

  it('classifies as node-nlp’s own steps do, exact matches and long texts included (property)', async () => {
    const lean = new IntentEngine({ kind: 'domain', terms: [] });
    await lean.train(intents);
    const plain = new IntentEngine({ kind: 'domain', terms: [], plainNodeNlp: true });
    await plain.train(intents);
    const loaded = new IntentEngine({ kind: 'domain', terms: [] });
    loaded.import(lean.export());
    const plainLoaded = new IntentEngine({ kind: 'domain', terms: [], plainNodeNlp: true });
    plainLoaded.import(lean.export());
    const words = [...intents.flatMap((i) => i.utterances), '罚款', '城管', '，', '没见过', '晚上', '电动车'];
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 40 }), async (parts) => {
        const text = parts.join('');
        expect(await lean.classify(text)).toEqual(await plain.classify(text));
        expect(await loaded.classify(text)).toEqual(await plainLoaded.classify(text));
      }),
      { numRuns: 150 },
    );
    // An utterance itself is an exact match (score 1), as before.
    expect((await loaded.classify('人行道停车'))[0]).toEqual(await plainLoaded.classify('人行道停车').then((r) => r[0]));
  });

  it('scores a model imported from its export like the trained one', async () => {
    const trained = new IntentEngine({ kind: 'domain', terms: [] });
    await trained.train(intents);
    const loaded = new IntentEngine({ kind: 'domain', terms: [] });
    loaded.import(trained.export());
    expect(await loaded.classify('电动车停在人行道')).toEqual(await trained.classify('电动车停在人行道'));
  });
});

/**
 * The network run of an imported engine (src/nlu/engine.ts `fastRun`: features looked up in
 * a Map, weights feature-major) against node-nlp's own `NeuralNetwork.run` on the same
 * network: the same outputs to the last bit, whatever the features, their values and order.
 */
describe('fastRun against node-nlp', () => {
  interface Live {
    run(input: Record<string, number>): Record<string, number> | undefined;
    lookup: { inputLookup: { items: string[] } };
  }
  it('gives node-nlp’s outputs for any input (property)', async () => {
    const trained = new IntentEngine({ kind: 'domain', terms: [] });
    await trained.train(intents);
    const engine = new IntentEngine({ kind: 'domain', terms: [] });
    engine.import(trained.export());
    const live = (engine as unknown as { manager: { nluManager: { domainManagers: Record<string, { domains: Record<string, { neuralNetwork: Live }> }> } } }).manager.nluManager.domainManagers.zh!.domains.master_domain!.neuralNetwork;
    const { NeuralNetwork } = createRequire(import.meta.url)('@nlpjs/neural') as { NeuralNetwork: { prototype: Live } };
    expect(Object.prototype.hasOwnProperty.call(live, 'run')).toBe(true);
    const features = live.lookup.inputLookup.items;
    const key = fc.oneof(fc.constantFrom(...features), fc.constantFrom('nonefeature', '没见过', 'constructor', 'toString', '12319', '0'), fc.string({ maxLength: 3 }));
    const value = fc.oneof(fc.constant(1), fc.double({ min: 0, max: 3, noNaN: true }));
    fc.assert(
      fc.property(fc.array(fc.tuple(key, value), { maxLength: 30 }), (pairs) => {
        const input: Record<string, number> = {};
        for (const [k, v] of pairs) input[k] = v;
        const want = { ...NeuralNetwork.prototype.run.call(live, input) };
        expect({ ...live.run(input) }).toEqual(want);
      }),
      { numRuns: 500 },
    );
    expect(await engine.classify('工地晚上太吵')).toEqual(await trained.classify('工地晚上太吵'));
  });
});
