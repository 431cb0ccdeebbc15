import { rmSync } from 'node:fs';
import { PassThrough, Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type Config } from '../../src/config/config.js';
import { createLogger } from '../../src/core/logger.js';
import { createBrain, type Brain } from '../../src/nlu/brain.js';
import { MemoryRecorder } from '../../src/stats/types.js';
import { runChat } from '../../src/terminal/chat.js';
import { writeFixtureKb, type FixtureDirs } from '../helpers/fixture-kb.js';

/**
 * The terminal as a chat platform, in process: lines in, `助手>` replies out, through the
 * chat service's one step list; consultations counted as test data (channel console).
 */
let dirs: FixtureDirs;
let config: Config;
let brain: Brain;

beforeAll(async () => {
  dirs = writeFixtureKb();
  config = loadConfig({ PUFA_INTENTS_DIR: dirs.intentsDir, PUFA_KNOWLEDGE_DIR: dirs.knowledgeDir, PUFA_CACHE_DIR: dirs.cacheDir, PUFA_DATA_DIR: dirs.root, HASH_SALT: 'terminal-test-salt-0123456789', LOG_LEVEL: 'silent' });
  brain = await createBrain({ config });
});

afterAll(() => {
  if (dirs) rmSync(dirs.root, { recursive: true, force: true });
});

describe('terminal chat', () => {
  it('answers each line in order, lets #… through as a question, counts console test data, and says goodbye', async () => {
    const input = new PassThrough();
    let out = '';
    const output = new Writable({ write: (c: Buffer, _e, cb) => ((out += c.toString('utf8')), cb()) });
    const recorder = new MemoryRecorder();
    const logger = createLogger({ LOG_LEVEL: 'silent', LOG_FORMAT: 'json' }, { destination: new Writable({ write: (_c, _e, cb) => cb() }) });
    const done = runChat({ config, logger, brain, recorder, input, output });
    input.write('占道经营罚多少钱\n');
    input.write('\n');
    input.write('#统计\n');
    input.write('夜间施工太吵找谁投诉\n');
    input.end('退出\n');
    await done;
    const replies = out.split('助手> ').slice(1);
    expect(out).toContain('本地终端对话');
    expect(replies).toHaveLength(3);
    expect(replies[0]).toContain('依据');
    // No staff commands in the terminal: `#统计` is a question like any other, never a refusal.
    expect(replies[1]).not.toContain('没有使用权限');
    expect(out.trimEnd().endsWith('再见！如需人工服务请拨打城管热线 12319。')).toBe(true);
    expect(recorder.items.map((c) => c.channel)).toEqual(['console', 'console', 'console']);
    expect(recorder.items.every((c) => c.test === true)).toBe(true);
  });
});
