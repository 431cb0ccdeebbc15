import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { PufaError } from '../core/errors.js';
import { CHITCHAT_TOPIC } from '../core/types.js';

/**
 * Topic ids and the Chinese names staff see in exports, from `knowledge/topics.yaml`.
 * A deliberately tiny reader: exports only need id → name (the full knowledge loader
 * lives in src/knowledge/).
 */
export interface TopicInfo {
  id: string;
  name: string;
  /** Small talk: counted apart, left out of exports. */
  chitchat: boolean;
}

/** The ids and names of ../shared/topics.md, used when topics.yaml cannot be read. */
export const DEFAULT_TOPICS: readonly TopicInfo[] = [
  ['street_vending', '占道经营'],
  ['outdoor_ads', '户外广告与店招'],
  ['illegal_construction', '违法建设'],
  ['construction_waste', '渣土与建筑垃圾'],
  ['fumes_bbq', '油烟与露天烧烤'],
  ['noise', '噪声扰民'],
  ['greenery', '园林绿化'],
  ['parking', '非机动车停放'],
  ['gas_safety', '燃气安全'],
  ['waste_sorting', '垃圾分类'],
  ['city_appearance', '市容环境卫生'],
  ['seized_items', '暂扣物品'],
  ['penalty_rights', '处罚与救济'],
  ['hotline_report', '投诉举报'],
  ['enforcement_conduct', '执法规范'],
  ['out_of_scope', '非城管事项'],
  ['chitchat', '闲聊'],
].map(([id, name]) => ({ id: id!, name: name!, chitchat: id === CHITCHAT_TOPIC }));

/** Read `${knowledgeDir}/topics.yaml`. Throws PUFA_ERR_KNOWLEDGE when it exists but is malformed. */
export function loadTopics(knowledgeDir: string): TopicInfo[] {
  const file = path.join(knowledgeDir, 'topics.yaml');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return DEFAULT_TOPICS.map((t) => ({ ...t }));
  }
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (err) {
    throw new PufaError('PUFA_ERR_KNOWLEDGE', `${file}: not valid YAML: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
  const list = (doc as { topics?: unknown } | null)?.topics;
  if (!Array.isArray(list)) throw new PufaError('PUFA_ERR_KNOWLEDGE', `${file}: expected a list under "topics"`);
  const out: TopicInfo[] = [];
  list.forEach((entry: unknown, i) => {
    const e = entry as { id?: unknown; name?: unknown; chitchat?: unknown } | null;
    if (!e || typeof e.id !== 'string' || typeof e.name !== 'string') {
      throw new PufaError('PUFA_ERR_KNOWLEDGE', `${file}: topic #${i + 1} needs string "id" and "name"`);
    }
    out.push({ id: e.id, name: e.name, chitchat: e.chitchat === true || e.id === CHITCHAT_TOPIC });
  });
  return out;
}
