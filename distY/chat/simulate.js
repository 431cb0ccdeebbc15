import { readFile } from 'node:fs/promises';
import path from 'node:path';
import cliProgress from 'cli-progress';
import { z } from 'zod';
import { resolveHashSalt } from '../config/salt.js';
import { PufaError } from '../core/errors.js';
import { createBrain } from '../nlu/brain.js';
import { createPipeline } from './pipeline.js';
import { MemorySessionStore } from './session.js';
import { openStatsRecorder } from '../stats/open.js';
import { parseDateTime } from '../stats/time.js';
import { renderTable } from '../stats/table.js';
import { figuresLine, OUTCOME_KEYS, tallyConsultations } from '../stats/definitions.js';
import { asTestData } from '../stats/types.js';
/**
 * `pufa simulate <file.jsonl>`: every line `{"text", "user"?, "room"?, "at"?}` goes through
 * the answer steps of the chat service (src/chat/pipeline.ts), recording included — for demos, load tests and
 * back-filling. Malformed lines are reported with their line number and skipped.
 */
export const simulateLineSchema = z.object({
    text: z.string().min(1, 'text must not be empty'),
    user: z.string().min(1).optional(),
    room: z.string().min(1).optional(),
    /** ISO date-time; without an offset it is read in STATS_TIMEZONE. */
    at: z.string().min(1).optional(),
});
/** The exit code of `pufa simulate`: 1 when any consultation was lost, 2 for malformed lines, else 0. */
export function simulateExitCode(result) {
    if (result.lost > 0)
        return 1;
    return result.problems.length > 0 ? 2 : 0;
}
function backpressureOf(recorder) {
    const r = recorder;
    return typeof r.hasRoom === 'function' && typeof r.waitForRoom === 'function' ? r : undefined;
}
export async function readSimulateFile(file, timeZone = 'Asia/Shanghai') {
    let text;
    try {
        text = await readFile(file, 'utf8');
    }
    catch (err) {
        throw new PufaError('PUFA_ERR_INPUT', `无法读取文件 / cannot read ${file}: ${err.code ?? (err instanceof Error ? err.message : String(err))}`, { cause: err });
    }
    const items = [];
    const problems = [];
    let lines = 0;
    text
        .replace(/^\uFEFF/, '')
        .split(/\r?\n/)
        .forEach((raw, i) => {
        const line = i + 1;
        if (raw.trim() === '')
            return;
        lines += 1;
        let json;
        try {
            json = JSON.parse(raw);
        }
        catch (err) {
            problems.push({ line, message: `不是合法的 JSON / not valid JSON: ${err instanceof Error ? err.message : String(err)}` });
            return;
        }
        const parsed = simulateLineSchema.safeParse(json);
        if (!parsed.success) {
            problems.push({ line, message: parsed.error.issues.map((iss) => `${iss.path.join('.') || '(line)'}: ${iss.message}`).join('; ') });
            return;
        }
        let at;
        if (parsed.data.at !== undefined) {
            at = parseDateTime(parsed.data.at, timeZone);
            if (!at) {
                problems.push({ line, message: `at: 不是有效的时间 / not a valid ISO date-time such as 2026-03-01T09:30:00+08:00 (got ${JSON.stringify(parsed.data.at)})` });
                return;
            }
        }
        items.push({ line, value: parsed.data, ...(at ? { at } : {}) });
    });
    return { items, problems, lines };
}
/** The message a line stands for: channel room when `room` is given, else private. */
export function lineToMessage(value, line, fileId, at) {
    const msg = {
        text: value.text,
        kind: 'text',
        channel: value.room ? 'room' : 'private',
        // An anonymous citizen per line when no user is given.
        userId: value.user ?? `simulate:${fileId}:${line}`,
        at,
    };
    if (value.room) {
        msg.roomId = value.room;
        msg.roomName = value.room;
    }
    return msg;
}
/** The library form of `pufa simulate`. */
export async function simulateFile(options) {
    const { config, logger } = options;
    const started = performance.now();
    const { items, problems, lines } = await readSimulateFile(options.file, config.STATS_TIMEZONE);
    for (const p of problems)
        options.onBadLine?.(p);
    const brain = options.brain ?? (await createBrain({ config, logger }));
    const opened = options.recorder ? undefined : await openStatsRecorder(config, logger, { requireConnection: true });
    const recorder = options.recorder ?? opened.recorder;
    const test = options.official !== true;
    const pipeline = createPipeline(brain, { config, logger, recorder: test ? asTestData(recorder) : recorder, sessions: new MemorySessionStore(), salt: resolveHashSalt(config, logger).salt });
    const showBar = options.progress === true || ((options.progress ?? 'auto') === 'auto' && process.stderr.isTTY === true && items.length >= 200);
    const bar = showBar ? new cliProgress.SingleBar({ stream: process.stderr, format: '模拟 simulate [{bar}] {percentage}% | {value}/{total} | {eta_formatted}', hideCursor: true }, cliProgress.Presets.shades_classic) : undefined;
    bar?.start(items.length, 0);
    const result = { file: options.file, lines, handled: 0, consultations: 0, problems, tally: tallyConsultations([]), byAction: {}, byTopic: {}, test, ms: 0, pipelineMs: 0, lost: 0 };
    const produced = [];
    // Wait for Redis (bounded by REDIS_BATCH_WAIT_SEC) instead of dropping when the buffer is full.
    const waitMs = config.REDIS_BATCH_WAIT_SEC * 1000;
    const pressure = backpressureOf(recorder);
    let waitedOut = false;
    const fileId = path.basename(options.file);
    const now = options.now ?? (() => new Date());
    try {
        const loopStart = performance.now();
        for (const { line, value, at } of items) {
            if (pressure && !waitedOut && !pressure.hasRoom()) {
                logger.warn({ waitSec: config.REDIS_BATCH_WAIT_SEC }, 'Redis is not taking consultations: waiting for it (REDIS_BATCH_WAIT_SEC)');
                if (await pressure.waitForRoom(waitMs))
                    logger.info('Redis took the buffered consultations; going on');
                else {
                    waitedOut = true;
                    logger.error({ waitSec: config.REDIS_BATCH_WAIT_SEC }, 'Redis did not come back in time: further consultations are dropped and counted; the exit code will be 1');
                }
            }
            const out = await pipeline.handle(lineToMessage(value, line, fileId, at ?? now()));
            result.handled += 1;
            if (out.consultation)
                produced.push(out.consultation);
            if (bar && result.handled % 50 === 0)
                bar.update(result.handled);
        }
        bar?.update(result.handled);
        result.pipelineMs = performance.now() - loopStart;
        result.tally = tallyConsultations(produced);
        result.consultations = result.tally.totals.total;
        for (const [action, key] of Object.entries(OUTCOME_KEYS))
            if (result.tally.totals[key] > 0)
                result.byAction[action] = result.tally.totals[key];
        for (const [topic, counts] of result.tally.byTopic)
            result.byTopic[topic] = counts.total;
    }
    finally {
        bar?.stop();
        const waiting = recorder;
        if (waiting.waitUntilStored) {
            if (!(await waiting.waitUntilStored(Math.max(waitMs, 1000))))
                logger.error({ pending: waiting.status?.().pending, waitSec: config.REDIS_BATCH_WAIT_SEC }, 'Redis did not take every consultation in time (REDIS_BATCH_WAIT_SEC)');
        }
        else {
            await recorder.flush();
        }
        const status = recorder.status?.();
        if (status) {
            result.recorder = status;
            result.lost = status.dropped + status.pending;
        }
        await opened?.close();
    }
    result.ms = performance.now() - started;
    return result;
}
const ACTION_NAMES = { answer: '解答', clarify: '追问澄清', out_of_scope: '非城管事项' };
export function renderSimulateSummary(result, topicNames = new Map()) {
    const out = [];
    const perSec = result.pipelineMs > 0 ? Math.round((result.handled / result.pipelineMs) * 1000) : 0;
    out.push(`模拟完成 / done: ${result.file}`);
    out.push(`共 ${result.lines} 行，处理 ${result.handled} 条，格式错误 ${result.problems.length} 行；用时 ${(result.ms / 1000).toFixed(1)} 秒（含加载模型；处理 ${perSec} 条/秒）`);
    out.push(figuresLine(result.tally.totals, result.tally.chitchat));
    if (result.tally.resolvedClarifications > 0)
        out.push(`（其中 ${result.tally.resolvedClarifications} 次追问经群众回复选项后解答，与原问题合计为一次咨询）`);
    out.push(result.test ? '已记为测试数据：正式统计不计入；查看用 pufa stats --include-test，删除用 pufa stats purge。' : '已记为正式数据。');
    out.push('');
    out.push(renderTable(['处理结果', '次数'], Object.entries(result.byAction).sort((a, b) => b[1] - a[1]).map(([a, n]) => [ACTION_NAMES[a] ?? a, n])));
    out.push('');
    out.push(renderTable(['话题', '次数'], Object.entries(result.byTopic).sort((a, b) => b[1] - a[1]).map(([t, n]) => [topicNames.get(t) ?? t, n])));
    if (result.tally.secondary.size > 0) {
        out.push('');
        out.push(renderTable(['兼涉话题', '次数'], [...result.tally.secondary.entries()].sort((a, b) => b[1] - a[1]).map(([t, n]) => [topicNames.get(t) ?? t, n])));
    }
    if (result.recorder) {
        const r = result.recorder;
        out.push('');
        out.push(`统计写入 Redis: 新增 ${r.stored}，重复 ${r.duplicates}，未写入 ${r.pending}，丢弃 ${r.dropped}`);
    }
    if (result.lost > 0) {
        out.push('');
        out.push(`有 ${result.lost} 次咨询未能写入统计（Redis 在 REDIS_BATCH_WAIT_SEC 内没有恢复），退出码 1。/ ${result.lost} consultations were not stored; exit code 1.`);
    }
    if (result.problems.length > 0) {
        out.push('');
        out.push(`有 ${result.problems.length} 行格式错误，已跳过（见上方 / see stderr above）。`);
    }
    return `${out.join('\n')}\n`;
}
//# sourceMappingURL=simulate.js.map