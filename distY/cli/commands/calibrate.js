import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PufaError } from '../../core/errors.js';
import { calibrate, thresholdEnv, UTILITY } from '../../nlu/calibrate.js';
import { readEvalFile } from '../../nlu/eval-file.js';
import { loadBrain, loadRuntime } from '../runtime.js';
/** Our own labelled sets (test/nlu/data/README.md), the default when no file is given. */
const OWN_SETS = ['test/nlu/data/holdout-set.jsonl', 'test/nlu/data/dev-set.jsonl'].map((f) => path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..', f));
/** Files that measure and must never choose: the evaluation file, and our blind set (test/nlu/data/README.md). */
const MEASURE_ONLY = [/\/shared\/eval\//, /\/fresh-set\.jsonl$/, /\/boards24-check\.jsonl$/];
const pct = (x) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);
function describe(r) {
    const t = r.thresholds;
    const f = r.figures;
    const share = (t.outOfScopeAlternatives ?? 1) >= 1 ? '总是婉拒' : String(t.outOfScopeAlternatives);
    return `${r.utility.toFixed(1).padStart(7)}  答复 ${t.answer} 领先 ${t.gap} 追问 ${t.clarify} 非城管让位 ${share}${t.letter ? ` 长信(≥${t.letter.chars}字)答复 ${t.letter.answer}` : ''}  | 准确率 ${pct(f.accuracy)} 答复准确 ${pct(f.answeredPrecision)} 追问命中 ${pct(f.clarifyHitRate)} 非城管婉拒 ${pct(f.outOfScopeDeclined)}`;
}
export function registerCalibrateCommand(program) {
    program
        .command('calibrate')
        .description('用带标签的真实风格留言选择答复/追问/婉拒阈值 (choose the decision thresholds on labelled messages)')
        .argument('[files...]', 'JSONL 文件，每行 {"text", "topic"}；默认用本项目自己的 test/nlu/data/holdout-set.jsonl 与 dev-set.jsonl')
        .option('--json', 'print JSON')
        .action(async (files, opts) => {
        const chosen = files.length > 0 ? files : OWN_SETS.filter((f) => existsSync(f));
        if (chosen.length === 0)
            throw new PufaError('PUFA_ERR_INPUT', 'no labelled file given, and the project\'s own sets (test/nlu/data/) are not here: pass a JSONL file of {"text","topic"} lines');
        // The evaluation file and our blind set measure; choosing anything on them would make their figures meaningless.
        const measuring = chosen.find((f) => MEASURE_ONLY.some((m) => m.test(path.resolve(f).split(path.sep).join('/'))));
        if (measuring)
            throw new PufaError('PUFA_ERR_INPUT', `${measuring} is for measuring only, never for choosing thresholds`);
        const items = chosen.flatMap((f) => readEvalFile(f));
        const brain = await loadBrain(loadRuntime());
        const progress = !opts.json && process.stderr.isTTY;
        const result = await calibrate(brain, items, {
            onProgress: progress ? (done, total) => process.stderr.write(`\r正在评估 ${done}/${total} 组阈值…`) : undefined,
        });
        if (progress)
            process.stderr.write('\n');
        if (opts.json) {
            process.stdout.write(`${JSON.stringify({ messages: result.messages, best: result.best, current: result.current, rows: result.rows })}\n`);
            return;
        }
        process.stdout.write([
            `${result.messages} 条带标签留言（${chosen.map((f) => path.relative(process.cwd(), f) || f).join('，')}），${result.rows.length} 组阈值。`,
            `效用：答对 +${UTILITY.right}，答错 ${UTILITY.wrongAnswer}，追问含正确主题 +${UTILITY.usefulChoice}，不含 ${UTILITY.uselessChoice}，错误婉拒 ${UTILITY.wrongDecline}。`,
            '最好的 10 组：',
            ...result.rows.slice(0, 10).map(describe),
            '当前配置：',
            describe(result.current),
            `推荐设置：${thresholdEnv(result.best.thresholds)}`,
        ].join('\n') + '\n');
    });
}
//# sourceMappingURL=calibrate.js.map