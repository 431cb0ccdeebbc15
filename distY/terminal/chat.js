import { createChatService } from '../chat/service.js';
import { MemoryChatStore } from '../chat/store.js';
import { resolveHashSalt } from '../config/salt.js';
import { isPufaError } from '../core/errors.js';
import { createBrain } from '../nlu/brain.js';
import { serviceNotices } from '../render/notices.js';
import { openStatsRecorder } from '../stats/open.js';
import { MemoryRecorder } from '../stats/types.js';
import { TerminalPlatform } from './terminal-platform.js';
const BANNER = [
    '城管普法助手 · 本地终端对话（未配置微信时的默认模式）',
    '直接输入问题并回车，例如：占道经营怎么处罚 / 楼下烧烤油烟太大找谁 / 闻到煤气味怎么办',
    '机器人让您选择时，回复数字即可；输入“退出”或按 Ctrl+D 结束。',
    '',
].join('\n');
const LOADING = '城管普法助手正在加载问答模型，请稍候…\n';
/** The recorder of the chat: the one given, else Redis; without Redis the chat still works, and says so. */
async function chatRecorder(opening, output) {
    if (!opening)
        return { recorder: new MemoryRecorder() };
    try {
        return await opening;
    }
    catch (err) {
        if (!isPufaError(err))
            throw err;
        // The chat still works without statistics, but the user is told so, and how to fix it.
        output.write(`注意：咨询统计不可用，本次对话不会计入统计。\n${err.describe()}\n\n`);
        return { recorder: new MemoryRecorder() };
    }
}
/**
 * The local terminal conversation (what `npm start` runs with no WeChat configured): the
 * chat service with the terminal as its platform — the same steps as WeChat, channel
 * `console`, clarification follow-ups included.
 */
export async function runChat(options) {
    const { config, logger } = options;
    const input = options.input ?? process.stdin;
    const output = options.output ?? process.stdout;
    // Say at once that we are loading (the model, and the embedded Redis when there is no
    // REDIS_URL, take a moment), load both side by side, then say we are ready.
    const started = performance.now();
    if (!options.brain)
        output.write(LOADING);
    const opening = options.recorder ? Promise.resolve({ recorder: options.recorder, close: async () => undefined }) : openStatsRecorder(config, logger);
    // Handled below; without this an early brain failure would leave it unobserved.
    opening.catch(() => undefined);
    let brain;
    try {
        brain = options.brain ?? (await createBrain({ config, logger, longRunning: true }));
    }
    catch (err) {
        await opening.then((o) => o.close()).catch(() => undefined);
        throw err;
    }
    const { recorder, close } = await chatRecorder(opening, output);
    if (!options.brain)
        output.write(`已就绪（加载用时 ${((performance.now() - started) / 1000).toFixed(1)} 秒）。\n\n`);
    const platform = new TerminalPlatform({ input, output, banner: BANNER });
    const chat = createChatService({ platform, brain, store: new MemoryChatStore(), recorder, config, logger, salt: resolveHashSalt(config, logger).salt });
    await chat.start();
    await platform.closed();
    await chat.stop();
    await recorder.flush();
    await close?.();
    output.write(`${serviceNotices(brain.kb.common).goodbye}\n`);
}
//# sourceMappingURL=chat.js.map