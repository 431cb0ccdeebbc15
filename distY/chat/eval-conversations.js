import { PufaError } from '../core/errors.js';
import { CHITCHAT_TOPIC } from '../core/types.js';
import { readInputFile } from '../nlu/eval-file.js';
import { predictedTopic } from '../nlu/evaluate.js';
import { nextState } from './session.js';
/** True when the first line of `raw` is a conversation ({"turns": […]}), not one labelled message. */
export function isConversationFile(raw) {
    const first = raw.split(/\r?\n/).find((l) => l.trim() !== '');
    if (!first)
        return false;
    try {
        return Array.isArray(JSON.parse(first).turns);
    }
    catch {
        return false;
    }
}
/** Read a conversations file; every bad line is named (file:line). */
export function parseConversations(raw, file) {
    const out = [];
    const problems = [];
    raw.split(/\r?\n/).forEach((line, i) => {
        if (line.trim() === '')
            return;
        try {
            const obj = JSON.parse(line);
            const turns = Array.isArray(obj.turns) ? obj.turns : [];
            if (turns.length === 0 || !turns.every((t) => typeof t?.text === 'string' && typeof t.topic === 'string')) {
                problems.push(`${file}:${i + 1}: needs "turns", a list of {"text", "topic"}`);
                return;
            }
            out.push({ turns: turns.map((t) => ({ text: t.text, topic: t.topic })) });
        }
        catch (err) {
            problems.push(`${file}:${i + 1}: not valid JSON (${err.message})`);
        }
    });
    if (problems.length > 0)
        throw new PufaError('PUFA_ERR_INPUT', `${problems.length} bad line(s) in ${file}`, { problems });
    if (out.length === 0)
        throw new PufaError('PUFA_ERR_INPUT', `${file} has no conversations`);
    return out;
}
export function readConversationFile(file) {
    return parseConversations(readInputFile(file), file);
}
/** What a reply was on, as a conversation's label names it: small talk and hints are `chitchat`. */
function replyTopic(reply) {
    if (reply.act === 'smalltalk' || (reply.intent === null && reply.action === 'answer'))
        return CHITCHAT_TOPIC;
    return predictedTopic(reply);
}
/**
 * The defaults of BOT_CLARIFY_TTL_SEC and BOT_CONTEXT_TTL_SEC. nextState only reports them as the
 * stored state's lifetime, which no store keeps here; how long the brain leans on a subject is its
 * own configuration's, and turns are one second apart.
 */
const TTLS = { clarifySec: 600, contextSec: 300 };
/** Ask every conversation's turns in order, with the chat's state between them, and score each reply. */
export async function evaluateConversations(brain, conversations) {
    const results = [];
    let allRight = 0;
    for (const [c, conversation] of conversations.entries()) {
        let state;
        let right = true;
        for (const [t, turn] of conversation.turns.entries()) {
            const at = (t + 1) * 1_000;
            const reply = await brain.ask(turn.text, { channel: 'private', pending: state, now: at });
            const got = replyTopic(reply);
            results.push({ conversation: c, turn: t, text: turn.text, label: turn.topic, got, intent: reply.intent });
            if (got !== turn.topic)
                right = false;
            const change = nextState(state, reply, { question: reply.normalized, consultationId: `eval-${c}-${t}`, at }, TTLS);
            if (change.kind === 'set')
                state = change.state;
            else if (change.kind === 'delete')
                state = undefined;
        }
        if (right)
            allRight += 1;
    }
    const later = results.filter((r) => r.turn > 0);
    return {
        conversations: conversations.length,
        turns: results.length,
        correct: results.filter((r) => r.got === r.label).length,
        later: { turns: later.length, correct: later.filter((r) => r.got === r.label).length },
        allRight,
        results,
    };
}
const pct = (a, b) => (b === 0 ? '—' : `${((a / b) * 100).toFixed(1)}%`);
/** The report as `pufa eval` prints it. */
export function formatConversationReport(r, errors = false) {
    const lines = [];
    if (errors) {
        for (const x of r.results)
            if (x.got !== x.label)
                lines.push(`[#${x.conversation + 1}.${x.turn + 1} ${x.label} → ${x.got} ${x.intent ?? ''}] ${x.text.slice(0, 80)}`);
        lines.push('');
    }
    lines.push(`conversations: ${r.conversations}, turns: ${r.turns}`);
    lines.push(`turns answered on the right topic: ${r.correct}/${r.turns} = ${pct(r.correct, r.turns)}`);
    lines.push(`  first turns: ${r.correct - r.later.correct}/${r.turns - r.later.turns} = ${pct(r.correct - r.later.correct, r.turns - r.later.turns)}`);
    lines.push(`  later turns (the conversation's state matters): ${r.later.correct}/${r.later.turns} = ${pct(r.later.correct, r.later.turns)}`);
    lines.push(`conversations with every turn right: ${r.allRight}/${r.conversations} = ${pct(r.allRight, r.conversations)}`);
    return lines.join('\n');
}
//# sourceMappingURL=eval-conversations.js.map