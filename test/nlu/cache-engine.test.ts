import { describe, expect, it } from 'vitest';
import type { IntentDef } from '../../src/knowledge/types.js';
import { packModel, unpackModel } from '../../src/nlu/cache.js';
import { IntentEngine } from '../../src/nlu/engine.js';

/**
 * node-nlp's model as the model file holds it (src/nlu/engine.ts `export`/`import`): what
 * classifying never reads is left out, the network's weights are one Float32Array per intent
 * with the (double) biases apart, each intent's features are positions in the network's
 * features, and a model read back from the file scores exactly like the engine that was
 * trained, and exports the same model again. Real node-nlp, a small training set.
 */
const source = { file: 'test', line: 1 };
const intents = [
  { id: 'noise.report', topic: 'noise', utterances: ['楼下太吵了', '工地晚上施工', '广场舞音响很大', '半夜装修电钻声'], source },
  { id: 'parking.sidewalk', topic: 'parking', utterances: ['电动车乱停', '共享单车堵路', '人行道停车', '车停在盲道上'], source },
  { id: 'street_vending.penalty', topic: 'street_vending', utterances: ['摆摊罚多少钱', '占道经营怎么处罚', '路边卖菜会被罚吗'], source },
] as unknown as IntentDef[];

interface Network {
  features: string[];
  perceptrons: unknown[];
  biases?: number[];
}
function networkOf(saved: unknown): { domain: Record<string, unknown>; network: Network } {
  const nlp = (saved as { nlp: { nluManager: { domainManagers: Record<string, { domains: Record<string, Record<string, unknown>> }> } } }).nlp;
  const domain = nlp.nluManager.domainManagers.zh!.domains.master_domain!;
  return { domain, network: domain.neuralNetwork as Network };
}

describe('node-nlp model in the model file', () => {
  it('saves weights as Float32Arrays with exact biases apart, features by position, without featuresToIntent, and scores exactly like the trained engine', async () => {
    const trained = new IntentEngine({ kind: 'domain', terms: [] });
    await trained.train(intents);
    const saved = trained.export();
    const { domain, network } = networkOf(saved);
    expect(domain).not.toHaveProperty('featuresToIntent');
    expect(domain).not.toHaveProperty('intentFeatures');
    const index = domain.intentFeatureIndex as Record<string, Int32Array>;
    expect(Object.keys(index).sort()).toEqual(intents.map((i) => i.id).sort());
    for (const positions of Object.values(index)) expect(positions).toBeInstanceOf(Int32Array);
    expect(saved.intentTokenCounts).toBeInstanceOf(Int32Array);
    expect(saved.intentTokens).toHaveLength(saved.intentTokenCounts.length);
    expect(network.perceptrons.length).toBeGreaterThan(0);
    for (const p of network.perceptrons) {
      expect(p).toBeInstanceOf(Float32Array);
      expect((p as Float32Array).length).toBe(network.features.length);
    }
    expect(network.biases).toHaveLength(network.perceptrons.length);
    // The biases are doubles: some are not float32, so a bias read back as float32 would show.
    expect(network.biases!.some((b) => Math.fround(b) !== b)).toBe(true);

    const loaded = new IntentEngine({ kind: 'domain', terms: [] });
    loaded.import(unpackModel(packModel(saved)));
    for (const text of ['电动车停在人行道', '工地晚上太吵', '摆摊罚款', '占道经营怎么处罚', '今天天气怎么样', '楼下']) {
      expect(await loaded.classify(text), text).toEqual(await trained.classify(text));
      expect(loaded.evidence(text), text).toBe(trained.evidence(text));
    }
    // Saved again (a retrained model is imported, then written to the cache): the same model
    // (node-nlp's import puts one setting first: the same settings in another key order).
    expect(loaded.export()).toEqual(saved);
  });

  it('still reads a network saved the way node-nlp saves it (weights and bias in one plain array)', async () => {
    const trained = new IntentEngine({ kind: 'domain', terms: [] });
    await trained.train(intents);
    const saved = trained.export();
    const { network } = networkOf(saved);
    network.perceptrons = network.perceptrons.map((p, i) => [...(p as Float32Array), network.biases![i]!]);
    delete network.biases;
    const loaded = new IntentEngine({ kind: 'domain', terms: [] });
    loaded.import(unpackModel(packModel(saved)));
    expect(await loaded.classify('电动车停在人行道')).toEqual(await trained.classify('电动车停在人行道'));
  });
});
