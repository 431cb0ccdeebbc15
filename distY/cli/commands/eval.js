import { createBrain } from '../../nlu/brain.js';
import { ANCHOR_THRESHOLDS } from '../../nlu/decide.js';
import { evaluate, parseEvalFile, readInputFile } from '../../nlu/eval-file.js';
import { loadBrain, loadRuntime } from '../runtime.js';
import { evaluateConversations, formatConversationReport, isConversationFile, parseConversations } from '../../chat/eval-conversations.js';
const pct = (x) => `${(x * 100).toFixed(1)}%`;
export function formatReport(r) {
    const lines = [];
    lines.push('topic                  support  pred  correct  precision  recall    f1');
    for (const t of r.topics) {
        lines.push(`${t.topic.padEnd(22)} ${String(t.support).padStart(7)} ${String(t.predicted).padStart(5)} ${String(t.correct).padStart(8)} ${pct(t.precision).padStart(10)} ${pct(t.recall).padStart(7)} ${pct(t.f1).padStart(6)}`);
    }
    lines.push('');
    lines.push('confusions (label → predicted: count):');
    for (const c of r.confusions.slice(0, 25))
        lines.push(`  ${c.label} → ${c.predicted}: ${c.count}`);
    lines.push('');
    const sub = (name, s) => `${name}: ${s.correct}/${s.total} = ${pct(s.accuracy)} (clarify ${pct(s.clarifyRate)}, right topic among choices ${pct(s.clarifyHitRate)})`;
    lines.push(sub('certain-only accuracy', r.certain));
    lines.push(sub('uncertain accuracy', r.uncertain));
    lines.push(sub('overall accuracy', r));
    const extra = (name, s) => `${name}: top-1 ${pct(s.top1)}, top-3 ${pct(s.top3)}, coverage ${pct(s.coverage)}, answered precision ${pct(s.answeredPrecision)}${s.outOfScopeDeclined === null ? '' : `, out_of_scope declined ${pct(s.outOfScopeDeclined)} of ${s.outOfScope}`}`;
    lines.push(extra('certain-only', r.certain));
    lines.push(extra('overall', r));
    return lines.join('\n');
}
/** The rows `pufa eval --compare` and the bench show for each brain. */
export const COMPARE_ROWS = [
    { name: 'accuracy (clarify counts wrong)', value: (s) => s.accuracy },
    { name: 'top-1 topic (no thresholds)', value: (s) => s.top1 },
    { name: 'top-3 topic', value: (s) => s.top3 },
    { name: 'coverage (committed)', value: (s) => s.coverage },
    { name: 'answered precision', value: (s) => s.answeredPrecision },
    { name: 'right topic among choices', value: (s) => s.clarifyHitRate },
    { name: 'out_of_scope lines declined', value: (s) => s.outOfScopeDeclined },
];
/** Side-by-side table of several brains' reports. */
export function formatComparison(named) {
    const lines = [];
    const head = (title) => `${title.padEnd(34)}${named.map((n) => n.name.padStart(12)).join('')}`;
    for (const [title, pick] of [
        [`certain-only lines (${named[0]?.report.certain.total ?? 0})`, (r) => r.certain],
        [`all lines (${named[0]?.report.total ?? 0})`, (r) => r],
    ]) {
        lines.push(head(title));
        for (const row of COMPARE_ROWS) {
            lines.push(`  ${row.name.padEnd(32)}${named
                .map((n) => {
                const v = row.value(pick(n.report));
                return (v === null ? '—' : pct(v)).padStart(12);
            })
                .join('')}`);
        }
        lines.push('');
    }
    return lines.join('\n');
}
/** The shipped brain and the anchor (issue 7) on the same knowledge base. */
export async function compareBrains(runtime, items) {
    const out = [];
    const shipped = await loadBrain(runtime);
    out.push({ name: 'pufa', report: (await evaluate(shipped, items)).report });
    const anchor = await createBrain({ config: runtime.config, logger: runtime.logger, ranker: 'anchor', thresholds: ANCHOR_THRESHOLDS });
    out.push({ name: 'anchor', report: (await evaluate(anchor, items)).report });
    return out;
}
/** `pufa eval` on a conversations file: every turn asked with the chat's state (src/chat/eval-conversations.ts). */
async function evalConversations(conversations, opts) {
    const runtime = loadRuntime();
    const brains = [{ name: 'pufa', brain: await loadBrain(runtime) }];
    if (opts.compare)
        brains.push({ name: 'anchor', brain: await createBrain({ config: runtime.config, logger: runtime.logger, ranker: 'anchor', thresholds: ANCHOR_THRESHOLDS }) });
    const reports = [];
    for (const b of brains)
        reports.push({ name: b.name, report: await evaluateConversations(b.brain, conversations) });
    if (opts.json) {
        const strip = (r) => (opts.errors ? r : { ...r, results: undefined });
        process.stdout.write(`${JSON.stringify(opts.compare ? Object.fromEntries(reports.map((r) => [r.name, strip(r.report)])) : strip(reports[0].report))}\n`);
        return;
    }
    for (const r of reports)
        process.stdout.write(`${opts.compare ? `${r.name}:\n` : ''}${formatConversationReport(r.report, opts.errors === true && r.name === 'pufa')}\n`);
}
export function registerEvalCommand(program) {
    program
        .command('eval')
        .description('用带标签的问题集评估意图识别准确率 (evaluate on a labelled JSONL file)')
        .argument('<file>', 'JSONL 文件，每行 {"text", "topic", "uncertain"?}；或每行一段对话 {"turns": [{"text", "topic"}, …]}')
        .option('--json', '输出 JSON：total, correct, accuracy, top1, top3, coverage, answeredPrecision, clarifyHitRate, outOfScopeDeclined, certain, uncertain, topics, confusions')
        .option('--errors', '列出每条判错的问题 (list every mistake)')
        .option('--compare', '与基线模型（字符 n-gram 逻辑回归）并排比较 (the shipped brain and the anchor side by side)')
        .action(async (file, opts) => {
        const raw = readInputFile(file);
        if (isConversationFile(raw)) {
            await evalConversations(parseConversations(raw, file), opts);
            return;
        }
        const items = parseEvalFile(raw, file);
        if (opts.compare) {
            const named = await compareBrains(loadRuntime(), items);
            if (opts.json)
                process.stdout.write(`${JSON.stringify(Object.fromEntries(named.map((n) => [n.name, n.report])))}\n`);
            else
                process.stdout.write(`${formatComparison(named)}\n`);
            return;
        }
        const brain = await loadBrain(loadRuntime());
        const { report, predictions } = await evaluate(brain, items);
        if (opts.json) {
            process.stdout.write(`${JSON.stringify(report)}\n`);
            return;
        }
        if (opts.errors) {
            for (const p of predictions) {
                if (p.predicted !== p.item.topic) {
                    process.stdout.write(`[${p.item.topic} → ${p.predicted} ${p.reply.intent ?? ''} ${p.reply.score.toFixed(2)}] ${p.item.text.slice(0, 100)}\n`);
                }
            }
            process.stdout.write('\n');
        }
        process.stdout.write(`${formatReport(report)}\n`);
    });
}
//# sourceMappingURL=eval.js.map