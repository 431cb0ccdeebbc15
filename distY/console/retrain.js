import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
/**
 * Retraining from the console, with a guard: the new model replaces the running one only
 * when the project's own check questions (`knowledge/_checks.yaml`: our acceptance questions,
 * one or two per topic, written by us) are answered at least as well as before. The result
 * shows both scores and, for every question staff assigned, whether it is answered now.
 */
export const CHECKS_FILE = '_checks.yaml';
const checksSchema = z.object({ checks: z.array(z.object({ topic: z.string().min(1), q: z.string().min(1) })) });
export function readChecks(knowledgeDir) {
    let text;
    try {
        text = readFileSync(path.join(knowledgeDir, CHECKS_FILE), 'utf8');
    }
    catch {
        return [];
    }
    const parsed = checksSchema.safeParse(parse(text));
    return parsed.success ? parsed.data.checks : [];
}
async function runCheck(brain, c) {
    const r = await brain.ask(c.q, { channel: 'private' });
    const ok = c.topic === 'out_of_scope' ? r.action === 'out_of_scope' : r.action === 'answer' && r.topic === c.topic;
    return { q: c.q, expected: c.topic, got: `${r.action}:${r.topic}`, ok };
}
export async function scoreChecks(brain, checks) {
    const failures = [];
    let passed = 0;
    for (const c of checks) {
        const o = await runCheck(brain, c);
        if (o.ok)
            passed += 1;
        else
            failures.push(o);
    }
    return { passed, total: checks.length, failures };
}
async function describe(brain, text) {
    const r = await brain.ask(text, { channel: 'private' });
    // Staff read the answer's title (Chinese), not the intent's id.
    const title = r.intent ? (brain.kb.answers.get(r.intent)?.title ?? r.intent) : '';
    return { label: r.action === 'answer' ? `解答：${title}` : r.action === 'clarify' ? '追问' : '未答', intent: r.intent, action: r.action };
}
/** Rebuild the brain (retraining as needed) and swap it in unless the checks got worse. */
export async function guardedRetrain(holder, knowledgeDir, assigned, by) {
    const checks = readChecks(knowledgeDir);
    const old = holder.brain;
    const before = await scoreChecks(old, checks);
    let after = before;
    let candidate;
    const { swapped, ms, brain } = await holder.reload(async (next) => {
        candidate = next;
        after = await scoreChecks(next, checks);
        return after.passed >= before.passed;
    });
    const judged = candidate ?? brain;
    const recent = assigned.slice(0, 20);
    const outcomes = [];
    for (const a of recent) {
        const b = await describe(old, a.text);
        const n = await describe(judged, a.text);
        outcomes.push({ text: a.text, intent: a.intent, before: b.label, after: n.label, answered: n.action === 'answer' && n.intent === a.intent });
    }
    const message = swapped
        ? `新模型已启用：检查题 ${after.passed}/${after.total}（之前 ${before.passed}/${before.total}），用时 ${(ms / 1000).toFixed(1)} 秒。`
        : `新模型未启用：检查题从 ${before.passed}/${before.total} 降到 ${after.passed}/${after.total}，仍使用原模型。请检查刚加入的问法。`;
    return { at: new Date().toISOString(), by, swapped, ms, before, after, assigned: outcomes, intents: judged.kb.intents.length, message };
}
//# sourceMappingURL=retrain.js.map