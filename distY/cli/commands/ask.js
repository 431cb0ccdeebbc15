import { PufaError } from '../../core/errors.js';
import { ask } from '../../nlu/ask.js';
import { loadBrain, loadRuntime } from '../runtime.js';
const CHANNELS = ['private', 'room', 'console'];
export function registerAskCommand(program) {
    program
        .command('ask')
        .description('回答一条咨询，显示群众会收到的回复 (answer one question)')
        .argument('<text...>', '群众的问题，例如 "占道经营怎么处罚"')
        .option('--json', '输出 JSON：intent, topic, score, action, reply, citations')
        .option('--channel <channel>', '按哪种会话回答：private（完整）| room（群内简短）| console', 'private')
        .action(async (words, opts) => {
        const text = words.join(' ');
        if (!CHANNELS.includes(opts.channel)) {
            throw new PufaError('PUFA_ERR_INPUT', `--channel must be one of ${CHANNELS.join(', ')} (got "${opts.channel}")`);
        }
        if (text.length > 100_000)
            throw new PufaError('PUFA_ERR_INPUT', 'the question is longer than 100,000 characters');
        const runtime = loadRuntime();
        const brain = await loadBrain(runtime);
        const result = await ask(brain, text, opts.channel);
        process.stdout.write(opts.json ? `${JSON.stringify(result)}\n` : `${result.reply}\n`);
    });
}
//# sourceMappingURL=ask.js.map