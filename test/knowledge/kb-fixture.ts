import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT, SHARED_DIR } from '../helpers/run-cli.js';

export { REPO_ROOT };
/** The real law texts, next to the repository: ../shared/laws. */
export const LAWS_DIR = path.join(SHARED_DIR, 'laws');

/** Fifteen distinct utterances starting with `stem`. */
export function utterances(stem: string, n = 15): string[] {
  return Array.from({ length: n }, (_, i) => `${stem}问题${i + 1}`);
}

/** A YAML block list, indented for `utterances:` under an intent. */
export function yamlList(items: readonly string[], indent = '      '): string {
  return items.map((u) => `${indent}- ${u}`).join('\n');
}

export const TOPICS_YAML = `topics:
  - { id: street_vending, name: 占道经营 }
  - { id: out_of_scope, name: 非城管事项 }
  - { id: chitchat, name: 闲聊, chitchat: true }
`;

export const COMMON_YAML = `bureau: 新洲区城市管理执法局
hotline: 城管热线 12319
disclaimer: 以上为普法参考。
`;

export const INTENTS_STREET = `topic: street_vending
terms: [占道经营, 摆摊]
intents:
  - id: street_vending.penalty
    utterances:
${yamlList(utterances('占道经营罚款'))}
`;

export const INTENTS_OOS = `topic: out_of_scope
terms: [摆摊, 油烟机]
intents:
  - id: out_of_scope.appliance
    utterances:
${yamlList(utterances('油烟机坏了'))}
`;

export const ANSWER_PENALTY_OK = `  - intent: street_vending.penalty
    title: 占道经营的处罚
    points:
      - say: >-
          在城市道路上占道摆摊，
          可以处2万元以下罚款。
        short: true
        cite:
          - { law: 城市道路管理条例, article: 42 }
          - { law: 中华人民共和国行政复议法, article: 第二十条 }
          - { law: 武汉市市容环境卫生管理条例, local: true }
      - say: 占道经营影响通行的，责令限期改正，可以处以2万元以下的罚款。
        cite: [城市道路管理条例 42]
    next_steps:
      - 有异议可以在六十日内申请行政复议。
`;

/** The same answer in the older form: plain short/full text and one list of citations. */
export const ANSWER_PENALTY_TEXT = `  - intent: street_vending.penalty
    title: 占道经营的处罚
    short: >-
      在城市道路上占道摆摊，
      可以处2万元以下罚款。
    full: 占道经营影响通行的，责令限期改正，可以处以2万元以下的罚款。
    next_steps:
      - 有异议可以在六十日内申请行政复议。
    citations:
      - { law: 城市道路管理条例, article: 42 }
      - { law: 中华人民共和国行政复议法, article: 第二十条 }
      - { law: 武汉市市容环境卫生管理条例, local: true }
`;

export const KNOWLEDGE_STREET = `topic: street_vending
answers:
${ANSWER_PENALTY_OK}`;

export const KNOWLEDGE_OOS = `topic: out_of_scope
answers:
  - intent: out_of_scope.appliance
    title: 家电维修
    short: 家电维修不归城管管，请联系厂家售后或拨打12345。
    full: 家电维修不归城管管，请联系厂家售后或拨打12345。
    next_steps:
      - 拨打12345市民热线。
`;

export interface KbFixture {
  root: string;
  intentsDir: string;
  knowledgeDir: string;
  /** Write (or overwrite) `intents/<name>` or `knowledge/<name>`. */
  write(folder: 'intents' | 'knowledge', name: string, text: string): string;
  remove(): void;
}

/**
 * A small valid knowledge base in a temp dir; pass `overrides` (`'intents/x.yaml': text`,
 * or `null` to leave a file out) to break it on purpose.
 */
export function makeKb(overrides: Record<string, string | null> = {}): KbFixture {
  const root = mkdtempSync(path.join(os.tmpdir(), 'pufa-kb-'));
  const intentsDir = path.join(root, 'intents');
  const knowledgeDir = path.join(root, 'knowledge');
  mkdirSync(intentsDir);
  mkdirSync(knowledgeDir);
  const files: Record<string, string | null> = {
    'knowledge/topics.yaml': TOPICS_YAML,
    'knowledge/_common.yaml': COMMON_YAML,
    'intents/street_vending.yaml': INTENTS_STREET,
    'intents/out_of_scope.yaml': INTENTS_OOS,
    'knowledge/street_vending.yaml': KNOWLEDGE_STREET,
    'knowledge/out_of_scope.yaml': KNOWLEDGE_OOS,
    ...overrides,
  };
  const write = (folder: 'intents' | 'knowledge', name: string, text: string) => {
    const file = path.join(root, folder, name);
    writeFileSync(file, text);
    return file;
  };
  for (const [rel, text] of Object.entries(files)) {
    if (text === null) continue;
    const [folder, name] = rel.split('/') as ['intents' | 'knowledge', string];
    write(folder, name, text);
  }
  return { root, intentsDir, knowledgeDir, write, remove: () => rmSync(root, { recursive: true, force: true }) };
}

/** 1-based line of the first line of `text` containing `needle`. */
export function lineOf(text: string, needle: string, from = 0): number {
  const lines = text.split('\n');
  for (let i = from; i < lines.length; i++) if ((lines[i] as string).includes(needle)) return i + 1;
  throw new Error(`"${needle}" not in fixture`);
}
