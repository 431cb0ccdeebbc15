import { createRequire } from 'node:module';
import { containerBootstrap } from '@nlpjs/core';
import { Nlp } from '@nlpjs/nlp';
import { ChineseTokenizer } from './tokenizer.js';
const LOCALE = 'zh';
/**
 * nlp.js reports through the `logger` of its container (core/src/logger.js, which writes to
 * the console): e.g. "This utterance contains only stop words" while training. Each engine
 * registers this adapter in its own container instead, so nothing of the process's console is
 * touched (a `#重载` in a running bot trains while other chats are answered).
 */
function containerLogger(log) {
    const to = (level) => (...args) => log?.debug({ nlpjs: level }, args.map(String).join(' '));
    return { trace: to('trace'), debug: to('debug'), info: to('info'), log: to('log'), warn: to('warn'), error: to('error'), fatal: to('fatal') };
}
/**
 * @nlpjs/lang-zh compiles its pinyin dictionary when the module is first required and says so
 * with a bare console.log ("Compiling dictionary"). The require is synchronous, so the console
 * is silenced only for that one call: no other code can run (or log) in between. Only the
 * vanilla comparison engine loads the module; the shipped engine never does.
 */
function requireLangZh() {
    const log = console.log;
    console.log = () => { };
    try {
        return createRequire(import.meta.url)('@nlpjs/lang-zh');
    }
    finally {
        console.log = log;
    }
}
/**
 * A token that occurs in more than this share of intents is "weak" evidence (吗, 怎么, 城管):
 * a message made only of weak or unknown tokens carries no evidence for any intent, however
 * confident the network's softmax looks (it happily gives 0.98 to "股票会涨吗" for 在吗).
 */
const WEAK_TOKEN_SHARE = 0.2;
/**
 * Training epochs of node-nlp's network for our engine. Its default (up to 20,000, stopping
 * when the error stops falling) took 405 epochs and 26 s on our 2,363 utterances; 5-fold
 * cross-validation (`pufa calibrate`) gives the same held-out accuracy at 100 (88.0 % vs
 * 87.9 % top-1 topic) in a quarter of the time. NlpManager's settings do not reach the
 * network, so the setting is put on the domain's NLU before training.
 */
export const DOMAIN_TRAINING_ITERATIONS = 100;
/**
 * node-nlp's NLU built from its own parts, for Chinese only. node-nlp's `NlpManager`
 * registers all 40 languages (@nlpjs/lang-all: Japanese and Korean dictionaries, Thai …),
 * the Microsoft builtin entity extractors and the Excel reader, none of which we use; here
 * the same `Nlp` (same settings, same pipeline, same model JSON: cached models stay valid)
 * gets a container with nothing else. The domain engine brings its own normaliser,
 * tokenizer and stemmer; only the vanilla engine loads @nlpjs/lang-zh (whose pinyin
 * dictionary is compiled when the module loads), synchronously, when it is constructed.
 */
function createNlp(kind, log) {
    const container = containerBootstrap();
    container.register('logger', containerLogger(log), true);
    // The network's per-epoch progress ("Epoch 1 loss …") goes to the same place instead of the
    // console: nlp.js's own defaults for every NLU (nlu.js registerDefault) with `log` replaced.
    container.registerConfiguration('nlu-??', {
        keepStopwords: true,
        nonefeatureValue: 1,
        nonedeltaMultiplier: 1.2,
        spellCheck: false,
        spellCheckDistance: 1,
        filterZeros: true,
        log: (status, ms) => log?.debug({ nlpjs: 'epoch', iterations: status.iterations, error: status.error, ms }, 'node-nlp training epoch'),
    }, true);
    container.registerConfiguration('ner', { entityPreffix: '%', entitySuffix: '%' });
    if (kind === 'vanilla')
        container.use(requireLangZh().LangZh);
    return new Nlp({
        languages: [LOCALE],
        autoSave: false,
        autoLoad: false,
        forceNER: false,
        ner: { builtins: [] },
        sentiment: false,
        threshold: 0,
        container,
    }, container);
}
function savedDomains(nlp) {
    return Object.values(nlp.nluManager?.domainManagers ?? {}).flatMap((dm) => Object.values(dm.domains ?? {}));
}
/**
 * What a saved domain need not hold, in the form that loads fastest:
 * - `featuresToIntent` (feature → intents) is rebuilt by training and written by `toJSON`,
 *   but nothing of node-nlp reads it when classifying (its `fromJSON` defaults it to `{}`);
 *   it was a fifth of the model file's JSON;
 * - node-nlp saves each perceptron as a plain array of its Float32Array weights with the
 *   bias (a double) appended; the weights are saved as the Float32Array they are (read
 *   straight back from the model file, see cache.ts, instead of a plain array of 6,680
 *   numbers per intent) and the biases apart, exactly (`splitWeights` and `restoreWeights`
 *   put them back).
 * - `intentFeatures` (per intent, an object of its ~300 features: 23,000 keys to parse, a
 *   third of the model's JSON time) as positions in the network's list of features, one
 *   Int32Array per intent; `lazyIntentFeatures` rebuilds an intent's object when node-nlp
 *   first asks for it (only intents the network scores above 0 are asked for).
 * Weights that are not all float32 (never, with node-nlp's Float32Array weights), or
 * features that are not in the network's list, are kept as they were.
 */
function compactDomain(domain) {
    delete domain.featuresToIntent;
    const index = featureIndex(domain.intentFeatures, domain.neuralNetwork?.features);
    if (index) {
        domain.intentFeatureIndex = index;
        delete domain.intentFeatures;
    }
    const network = domain.neuralNetwork;
    const perceptrons = network?.perceptrons;
    if (!network || !perceptrons || perceptrons.length === 0)
        return;
    const n = network.features?.length ?? -1;
    const plain = perceptrons.every((p) => Array.isArray(p) && p.length === n + 1 && p.every((v, j) => j === n || Object.is(Math.fround(v), v)));
    if (!plain)
        return;
    network.biases = perceptrons.map((p) => p[n]);
    network.perceptrons = perceptrons.map((p) => Float32Array.from(p.slice(0, n)));
}
function featureIndex(intentFeatures, features) {
    if (!intentFeatures || !features)
        return undefined;
    const at = new Map(features.map((f, i) => [f, i]));
    const index = {};
    for (const [intent, own] of Object.entries(intentFeatures)) {
        const keys = Object.keys(own);
        if (!keys.every((k) => own[k] === 1 && at.has(k)))
            return undefined;
        Object.defineProperty(index, intent, { value: Int32Array.from(keys, (k) => at.get(k)), enumerable: true, writable: true, configurable: true });
    }
    return index;
}
/**
 * node-nlp's `intentFeatures` from `featureIndex`: each intent's object is built on first
 * access (then kept as a plain property), with its features in their saved order.
 */
function lazyIntentFeatures(features, index) {
    const out = {};
    for (const [intent, positions] of Object.entries(index)) {
        Object.defineProperty(out, intent, {
            enumerable: true,
            configurable: true,
            get: () => {
                const own = {};
                for (const i of positions)
                    own[features[i]] = 1;
                Object.defineProperty(out, intent, { value: own, enumerable: true, writable: true, configurable: true });
                return own;
            },
        });
    }
    return out;
}
/**
 * node-nlp's `NeuralNetwork.run` (@nlpjs/neural), the same numbers faster. node-nlp looks
 * each input feature up in an object, builds an object of its values keyed by position, then
 * for every perceptron sums value × weight over the features (starting from the bias) in a
 * `reduce` reading both objects: 75 perceptrons × a letter's ~150 features of look-ups in
 * objects, each perceptron's 6,680 weights an array of its own (a cache miss per feature).
 * Here the features are looked up once in a Map, and the weights are kept feature-major
 * (a feature's weights for all perceptrons side by side, built on first use: 2 MB), so each
 * perceptron's sum is the same additions in the same order — the same doubles — for all
 * perceptrons in one pass. Returns node-nlp's own `outputs` object, filled as node-nlp does.
 * `test/nlu/engine.test.ts` compares it with node-nlp's `run` on random inputs.
 */
export function fastRun(network) {
    const perceptrons = network.perceptrons ?? [];
    const features = network.lookup?.inputLookup?.items ?? [];
    const dict = network.lookup?.inputLookup?.dict ?? {};
    const own = network.run?.bind(network);
    const P = perceptrons.length;
    let byFeature;
    let position;
    const sums = new Float64Array(P);
    let idx = new Int32Array(256);
    let val = new Float64Array(256);
    const build = () => {
        const F = features.length;
        const t = new Float32Array(F * P);
        perceptrons.forEach((p, i) => {
            const w = p.weights;
            for (let j = 0; j < F; j += 1)
                t[j * P + i] = w[j];
        });
        position = new Map(features.map((f, j) => [f, j]));
        return t;
    };
    return (input) => {
        if (!network.numPerceptrons)
            return undefined;
        const t = (byFeature ??= build());
        const at = position;
        // lookup.transformInput: the known features, in the order of the input's keys.
        const keys = Object.keys(input);
        if (keys.length > idx.length) {
            idx = new Int32Array(keys.length * 2);
            val = new Float64Array(keys.length * 2);
        }
        let n = 0;
        for (const key of keys) {
            const j = at.get(key);
            if (j === undefined) {
                // node-nlp's look-up object also "finds" what objects inherit ("constructor"): its own way.
                if (dict[key] !== undefined && own)
                    return own(input);
                continue;
            }
            idx[n] = j;
            val[n] = input[key];
            n += 1;
        }
        for (let i = 0; i < P; i += 1)
            sums[i] = perceptrons[i].bias;
        for (let k = 0; k < n; k += 1) {
            const base = idx[k] * P;
            const v = val[k];
            for (let i = 0; i < P; i += 1)
                sums[i] = sums[i] + v * t[base + i];
        }
        const outputs = (network.outputs ??= {});
        const alpha = network.settings?.alpha;
        for (let i = 0; i < P; i += 1) {
            const sum = sums[i];
            outputs[perceptrons[i].name] = sum <= 0 ? 0 : alpha * sum;
        }
        return outputs;
    };
}
/**
 * node-nlp's model for its `import`, each compacted network (`compactDomain`) without its
 * weights: no features and, per perceptron, only its bias (node-nlp's `fromJSON` takes the
 * last element as the bias, here the only one, exactly). The saved model is not changed.
 */
function splitWeights(nlp) {
    const networks = [];
    const managers = nlp.nluManager?.domainManagers;
    if (!nlp.nluManager || !managers)
        return { nlp, networks };
    const domainManagers = {};
    for (const [locale, dm] of Object.entries(managers)) {
        const domains = {};
        for (const [name, saved] of Object.entries(dm.domains ?? {})) {
            let domain = saved;
            const network = domain.neuralNetwork;
            const { features, intents, biases, perceptrons } = network ?? {};
            if (domain.intentFeatureIndex) {
                if (!features)
                    throw new Error('not a pufa model file');
                const { intentFeatureIndex, ...rest } = domain;
                domain = { ...rest, intentFeatures: lazyIntentFeatures(features, intentFeatureIndex) };
            }
            const typed = perceptrons?.every((p) => p instanceof Float32Array && p.length === features?.length);
            if (network && features && intents && biases && perceptrons && typed && biases.length === perceptrons.length) {
                networks.push({ locale, domain: name, features, intents, weights: perceptrons });
                domain = { ...domain, neuralNetwork: { ...network, features: [], perceptrons: biases.map((b) => [b]) } };
            }
            domains[name] = domain;
        }
        domainManagers[locale] = { ...dm, domains };
    }
    return { nlp: { ...nlp, nluManager: { ...nlp.nluManager, domainManagers } }, networks };
}
/**
 * Two steps of node-nlp's classification, the same results with less work (a long letter
 * has ~150 tokens; test/nlu/engine.test.ts compares with node-nlp's own steps):
 * - the exact-match look-up (domain-manager.js `classifyByStemDict`, run twice per text)
 *   builds the text's key by sorting and joining all its tokens; a text with more distinct
 *   tokens than any training utterance's key has parts cannot match, so it is not built;
 * - `filterNonActivated` asked `Object.keys(tokens)` again for every intent (75 arrays of a
 *   letter's tokens); here once, and its sort compares without a heap number per comparison.
 */
function leanClassification(manager) {
    for (const dm of Object.values(manager.nluManager.domainManagers)) {
        const exact = dm.classifyByStemDict.bind(dm);
        let dict;
        let most = 0;
        dm.classifyByStemDict = async (utterance, domainName, allowList) => {
            if (typeof utterance === 'string' && dm.stemDict) {
                if (dm.stemDict !== dict) {
                    dict = dm.stemDict;
                    most = 0;
                    // Parts of each key (a token holding a comma counts more than once: never too few).
                    for (const key of Object.keys(dict))
                        most = Math.max(most, key.split(',').length);
                }
                const tokens = await dm.prepare(utterance);
                if (tokens !== null && typeof tokens === 'object' && !Array.isArray(tokens)) {
                    let n = 0;
                    for (const _ in tokens)
                        if ((n += 1) > most)
                            return undefined;
                }
            }
            return exact(utterance, domainName, allowList);
        };
        for (const nlu of Object.values(dm.domains)) {
            const filter = nlu.filterNonActivated.bind(nlu);
            nlu.filterNonActivated = (input) => {
                const all = input.classifications;
                if (!nlu.intentFeatures || !all || input.settings?.allowList)
                    return filter(input);
                const keys = Object.keys(input.tokens);
                let modified = false;
                for (const c of all) {
                    if (c.intent === 'None')
                        continue;
                    const features = nlu.intentFeatures[c.intent];
                    let active = false;
                    if (features) {
                        for (const k of keys) {
                            if (features[k]) {
                                active = true;
                                break;
                            }
                        }
                    }
                    if (!active) {
                        c.score = 0;
                        modified = true;
                    }
                }
                if (modified)
                    all.sort((a, b) => (b.score > a.score ? 1 : b.score < a.score ? -1 : 0));
                return input;
            };
        }
    }
}
export class IntentEngine {
    kind;
    manager;
    tokenizer;
    /** token → number of intents whose utterances contain it. */
    intentFrequency = new Map();
    intentCount = 0;
    plainNodeNlp;
    constructor(options) {
        this.kind = options.kind;
        this.plainNodeNlp = options.plainNodeNlp === true;
        this.manager = createNlp(options.kind, options.log);
        if (options.kind === 'domain') {
            const tokenizer = new ChineseTokenizer({ terms: options.terms });
            this.tokenizer = tokenizer;
            const container = this.manager.container;
            container.register(`normalizer-${LOCALE}`, { normalize: (text) => text }, true);
            container.register(`tokenizer-${LOCALE}`, { tokenize: (text) => tokenizer.tokenize(text) }, true);
            container.register(`stemmer-${LOCALE}`, { stem: (tokens) => tokens }, true);
            const nlu = this.manager.nluManager.domainManagers[LOCALE]?.addDomain('master_domain');
            if (nlu)
                nlu.settings.iterations = DOMAIN_TRAINING_ITERATIONS;
        }
    }
    /** Load now what would load text by text (jieba's dictionary): for a long-running process. */
    preload() {
        this.tokenizer?.loadAll();
    }
    /** Forget the tokens of the texts done so far (a new message begins). */
    forget() {
        this.tokenizer?.forget();
    }
    /** Tokens as the engine sees them (for debugging and the README). */
    tokens(text) {
        return this.tokenizer ? this.tokenizer.tokenize(text) : [];
    }
    /** True when `word` is a word of the tokenizer's dictionary (`ChineseTokenizer.isWord`). */
    isWord(word) {
        return this.tokenizer?.isWord(word) ?? false;
    }
    async train(intents) {
        const frequency = new Map();
        for (const intent of intents) {
            const seen = new Set();
            for (const utterance of intent.utterances) {
                this.manager.addDocument(LOCALE, utterance, intent.id);
                for (const token of this.tokens(utterance))
                    seen.add(token);
            }
            for (const token of seen)
                frequency.set(token, (frequency.get(token) ?? 0) + 1);
        }
        this.intentFrequency = frequency;
        this.intentCount = intents.length;
        // nlp.js's messages (utterances made only of stop words, 👍) go to the container's logger above.
        await this.manager.train();
        if (!this.plainNodeNlp)
            leanClassification(this.manager);
    }
    /** node-nlp's own model (its toJSON) and our token statistics, as plain data (src/nlu/cache.ts saves it). */
    export() {
        // Through JSON, as node-nlp's own export: plain data only, whatever its toJSON holds.
        const nlp = JSON.parse(this.manager.export(true));
        // Left out, as classifying never reads them: the training sentences again, for guessing
        // the language (we always give the locale; rebuilding their trigrams took ~0.2 s of
        // every start) and for retraining (an imported engine is never retrained).
        if (nlp.nluManager) {
            nlp.nluManager.extraSentences = [];
            for (const dm of Object.values(nlp.nluManager.domainManagers ?? {}))
                dm.sentences = [];
        }
        for (const domain of savedDomains(nlp))
            compactDomain(domain);
        return { nlp, intentCount: this.intentCount, intentTokens: [...this.intentFrequency.keys()], intentTokenCounts: Int32Array.from(this.intentFrequency.values()) };
    }
    import(model) {
        const data = model;
        if (data?.nlp === null || typeof data?.nlp !== 'object' || !Array.isArray(data.intentTokens) || !(data.intentTokenCounts instanceof Int32Array) || data.intentTokens.length !== data.intentTokenCounts.length) {
            throw new Error('not a pufa model file');
        }
        const { nlp, networks } = splitWeights(data.nlp);
        this.manager.import(nlp);
        this.restoreWeights(networks);
        this.restoreNoneIntent();
        if (!this.plainNodeNlp)
            leanClassification(this.manager);
        const counts = data.intentTokenCounts;
        this.intentFrequency = new Map(data.intentTokens.map((token, i) => [token, counts[i]]));
        this.intentCount = data.intentCount;
    }
    /**
     * The networks' weights, as saved (see `compactDomain`), put in place after node-nlp's
     * `fromJSON` built each network without them (`splitWeights`): the same lookup of
     * features node-nlp's `fromJSON` builds (its own class), and each perceptron's weights
     * the saved Float32Array itself. node-nlp's `fromJSON` copied 501,000 weights one by one
     * into new arrays (with as many of the `changes` only training uses): ~0.05 s and 4 MB of
     * every start. An imported network is never trained further (node-nlp's `train` builds a
     * new one), so its `changes` stay empty.
     */
    restoreWeights(networks) {
        for (const saved of networks) {
            const live = this.manager.nluManager.domainManagers[saved.locale]?.domains[saved.domain]?.neuralNetwork;
            if (!live?.lookup || live.perceptrons?.length !== saved.weights.length)
                throw new Error('not a pufa model file');
            const Lookup = live.lookup.constructor;
            live.lookup = new Lookup(saved.features, saved.intents);
            live.perceptrons.forEach((p, i) => {
                p.weights = saved.weights[i];
            });
            live.run = fastRun(live);
        }
    }
    /**
     * nlp.js drops the `None` class when it imports a model (fromJSON rebuilds its intent
     * list from the trained intents only), so an imported model renormalises scores that the
     * freshly trained one reported with some mass on `None`. Put it back so that a cached
     * model scores exactly like the trained one (the thresholds are calibrated on the latter).
     */
    restoreNoneIntent() {
        for (const domainManager of Object.values(this.manager.nluManager.domainManagers)) {
            for (const nlu of Object.values(domainManager.domains)) {
                if (nlu.intentsArr && !nlu.intentsArr.includes('None'))
                    nlu.intentsArr.push('None');
            }
        }
    }
    /**
     * Tokens of `text` that are evidence for some intent: known from training and not
     * spread over many intents. Always 1 for the vanilla engine (no tokenizer of ours).
     */
    evidence(text) {
        if (!this.tokenizer)
            return 1;
        const limit = Math.max(2, this.intentCount * WEAK_TOKEN_SHARE);
        const tokens = new Set(this.tokens(text));
        let specific = 0;
        let unknown = 0;
        for (const token of tokens) {
            const df = this.intentFrequency.get(token) ?? 0;
            if (df === 0)
                unknown += 1;
            else if (df <= limit)
                specific += 1;
        }
        // A message made only of words we know (你好, 你能做什么) is in vocabulary even when each
        // word is common; one with unknown words needs at least one specific word.
        if (specific === 0 && unknown === 0)
            return tokens.size;
        return specific;
    }
    /** Ranked intent scores (highest first); `None` when nothing matched. */
    async classify(text) {
        try {
            const out = await this.manager.nluManager.process({ locale: LOCALE, utterance: text, settings: {} });
            // Highest first; a comparator of -1/0/1 (as rankers.ts `byScore`): no heap number per comparison.
            return (out.classifications ?? []).slice().sort((a, b) => (b.score > a.score ? 1 : b.score < a.score ? -1 : 0));
        }
        finally {
            this.forgetTexts();
        }
    }
    /**
     * node-nlp's NLU keeps the tokens of every text it classified, keyed by the text, for an
     * hour (nlu.js `defaultPipelinePrepare`, `cache.results`): citizens' messages held in
     * memory for no use of ours (our tokenizer remembers what one message repeats), and the
     * bulk of what a running bot promoted to the old space. Emptied after each classification;
     * within one, node-nlp still reads the text's tokens twice from it (the exact-match key
     * and the network's input), as before. No setting of node-nlp turns it off.
     */
    forgetTexts() {
        for (const dm of Object.values(this.manager.nluManager.domainManagers)) {
            for (const nlu of Object.values(dm.domains)) {
                if (nlu.cache?.results)
                    nlu.cache.results = {};
            }
        }
    }
}
//# sourceMappingURL=engine.js.map