import { loadConfig } from '../../config/config.js';
import { loadLaws } from '../../knowledge/laws.js';
import { collectKbProblems } from '../../knowledge/load.js';
import { compareProblems, errorsOf, formatProblem } from '../../knowledge/problems.js';
import { readFileSync, writeFileSync } from 'node:fs';
import { PufaError } from '../../core/errors.js';
import { buildReviewList, renderReviewList } from '../../knowledge/review.js';
import { verifyKnowledgeWithStats } from '../../knowledge/verify.js';
/** Check both data folders (schema, ids, answers for every intent, lengths …). */
export function runKbLint(opts = {}) {
    const dirs = resolveDirs(opts);
    const { problems, draft } = collectKbProblems(dirs);
    const counts = countsOf(draft, problems);
    const summary = `kb lint: ${counts.topics} topics, ${counts.intents} intents, ${counts.utterances} utterances, ${counts.answers} answers — ${tally(counts)}`;
    return { problems, summary, counts };
}
/**
 * Lint, then check every answer's citations and figures against the laws in `lawsDir`.
 * Answers that could be read are verified even when the lint found errors elsewhere.
 * Throws `PUFA_ERR_LAWS` when the law folder cannot be read.
 */
export function runKbVerify(opts) {
    const laws = loadLaws(opts.lawsDir);
    const dirs = resolveDirs(opts);
    const { problems: lintProblems, draft } = collectKbProblems(dirs);
    const verified = draft ? verifyKnowledgeWithStats(draft, laws) : undefined;
    const problems = [...lintProblems, ...(verified?.problems ?? [])].sort(compareProblems);
    const counts = countsOf(draft, problems);
    counts.citations = verified?.stats.citations ?? 0;
    counts.figures = verified?.stats.figures ?? 0;
    const summary = `kb verify: ${counts.answers} answers, ${counts.citations} citations, ${counts.figures} figures checked against ${laws.laws.length} laws — ${tally(counts)}`;
    return { problems, summary, counts };
}
/** Register `kb lint` and `kb verify` on the `pufa` program. */
export function registerKbCommands(program) {
    const kb = program.command('kb').description('检查问答数据 / check the intent and answer data (intents/, knowledge/)');
    kb.command('lint')
        .description('检查意图与答案文件的格式和规则 / check the data files: format, ids, an answer per intent, lengths')
        .option('--intents <dir>', 'intents folder (default: PUFA_INTENTS_DIR or intents)')
        .option('--knowledge <dir>', 'knowledge folder (default: PUFA_KNOWLEDGE_DIR or knowledge)')
        .option('--json', 'print the problems as JSON')
        .addHelpText('after', '\n退出码 / exit code: 0 = no error (warnings allowed), 1 = errors found.\nExample: npx pufa kb lint')
        .action((options) => {
        const report = runKbLint(dirOptions(options));
        print(report, options.json === true);
    });
    kb.command('verify')
        .description('核对引用条文和数字（罚款、期限）是否与法律原文一致 / check every citation and figure against the law texts')
        .requiredOption('--laws <dir>', 'folder of the law texts, e.g. ../shared/laws')
        .option('--intents <dir>', 'intents folder (default: PUFA_INTENTS_DIR or intents)')
        .option('--knowledge <dir>', 'knowledge folder (default: PUFA_KNOWLEDGE_DIR or knowledge)')
        .option('--json', 'print the problems as JSON')
        .addHelpText('after', '\n退出码 / exit code: 0 = no error (warnings allowed), 1 = errors found, 2 = the law folder cannot be read.\nExample: npx pufa kb verify --laws ../shared/laws')
        .action((options) => {
        const report = runKbVerify({ lawsDir: options.laws, ...dirOptions(options) });
        print(report, options.json === true);
    });
    kb.command('review-list')
        .description('生成发布前人工法律核对清单 / the claims a person must check before release (docs/legal-review.md), from the data')
        .option('--intents <dir>', 'intents folder (default: PUFA_INTENTS_DIR or intents)')
        .option('--knowledge <dir>', 'knowledge folder (default: PUFA_KNOWLEDGE_DIR or knowledge)')
        .option('--out <file>', 'write the list to this file instead of printing it')
        .option('--check <file>', 'exit 1 when this file differs from the list the data gives (out of date)')
        .addHelpText('after', '\n退出码 / exit code: 0 = ok, 1 = --check file out of date, 2 = data errors.\nExample: npx pufa kb review-list --out docs/legal-review.md')
        .action((options) => {
        const text = runKbReviewList(dirOptions(options));
        if (options.check !== undefined) {
            let current = '';
            try {
                current = readFileSync(options.check, 'utf8');
            }
            catch {
                current = '';
            }
            if (current !== text) {
                process.stdout.write(`${options.check} is out of date: run npx pufa kb review-list --out ${options.check}\n`);
                process.exitCode = 1;
            }
            else
                process.stdout.write(`${options.check} is up to date\n`);
            return;
        }
        if (options.out !== undefined) {
            writeFileSync(options.out, text);
            process.stdout.write(`wrote ${options.out}\n`);
        }
        else
            process.stdout.write(text);
    });
}
/**
 * The legal review list as markdown (docs/legal-review.md), generated from the data.
 * Throws `PUFA_ERR_KNOWLEDGE` when the data has errors.
 */
export function runKbReviewList(opts = {}) {
    const { kb, problems } = collectKbProblems(resolveDirs(opts));
    if (!kb) {
        throw new PufaError('PUFA_ERR_KNOWLEDGE', 'the knowledge base has errors — run `pufa kb lint` for details', { problems: errorsOf(problems).map(formatProblem) });
    }
    return renderReviewList(buildReviewList(kb));
}
function dirOptions(options) {
    return {
        ...(options.intents === undefined ? {} : { intentsDir: options.intents }),
        ...(options.knowledge === undefined ? {} : { knowledgeDir: options.knowledge }),
    };
}
function resolveDirs(opts) {
    // Read the config only when a folder is not given: a bad unrelated variable should
    // not stop a staff member from checking data with explicit folders.
    if (opts.intentsDir !== undefined && opts.knowledgeDir !== undefined) {
        return { intentsDir: opts.intentsDir, knowledgeDir: opts.knowledgeDir };
    }
    const config = loadConfig();
    return { intentsDir: opts.intentsDir ?? config.PUFA_INTENTS_DIR, knowledgeDir: opts.knowledgeDir ?? config.PUFA_KNOWLEDGE_DIR };
}
function countsOf(kb, problems) {
    const errors = errorsOf(problems).length;
    return {
        topics: kb?.topics.length ?? 0,
        intents: kb?.intents.length ?? 0,
        utterances: kb?.intents.reduce((n, i) => n + i.utterances.length, 0) ?? 0,
        answers: kb?.answers.size ?? 0,
        citations: kb ? [...kb.answers.values()].reduce((n, a) => n + a.citations.length, 0) : 0,
        figures: 0,
        errors,
        warnings: problems.length - errors,
    };
}
function tally(c) {
    return `${c.errors} error${c.errors === 1 ? '' : 's'}, ${c.warnings} warning${c.warnings === 1 ? '' : 's'}`;
}
function print(report, json) {
    if (json) {
        process.stdout.write(`${JSON.stringify({ ok: report.counts.errors === 0, summary: report.summary, counts: report.counts, problems: report.problems }, null, 2)}\n`);
    }
    else {
        for (const p of report.problems)
            process.stdout.write(`${p.severity === 'error' ? '错误' : '警告'} ${formatProblem(p)}\n`);
        process.stdout.write(`${report.summary}\n`);
    }
    if (report.counts.errors > 0)
        process.exitCode = 1;
}
//# sourceMappingURL=kb.js.map