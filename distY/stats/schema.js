import { FIELD_SEP } from './keys.js';
export const CHANNEL_NAMES = { private: '私聊', room: '群聊', console: '终端' };
function pad2(n) {
    return String(n).padStart(2, '0');
}
/** `08:00-08:59` */
export function hourLabel(hour) {
    return `${pad2(hour)}:00-${pad2(hour)}:59`;
}
export const TOPIC = {
    name: 'topic',
    column: '话题',
    detail: true,
    value: (f) => f.topic,
    label: (v, ctx) => ctx.topicName(v),
};
export const CHANNEL = {
    name: 'channel',
    column: '渠道',
    detail: true,
    value: (f) => f.channel,
    label: (v) => CHANNEL_NAMES[v] ?? v,
};
export const ROOM = {
    name: 'room',
    column: '群',
    detail: true,
    hash: 'room',
    sheet: '按群',
    value: (f) => f.room,
    names: { key: 'rooms', of: (f) => f.roomName },
    label: (v, ctx) => ctx.storedNames('room')[v] ?? `群 ${v.slice(0, 6)}`,
};
export const HOUR = {
    name: 'hour',
    column: '时段',
    hash: 'hour',
    value: (f) => String(f.when.hour),
    label: (v) => hourLabel(v),
};
/** The dimensions the report has named tables for. */
export const BUILTIN_DIMENSIONS = ['topic', 'channel', 'room', 'hour'];
/** Key names (after `{stats}:` or `t:<channel>:`) a dimension's hash may not take. */
const RESERVED_KEYS = new Set(['day', 'sec', 'fb', 'ev', 'ex', 'seen', 'cl', 'hll', 'review', 'rooms', 'dropped', 'fbask', 't']);
/** Check a list of dimensions and index it. Throws on a schema that could not be stored or read back. */
export function defineSchema(dimensions) {
    const names = new Set();
    const hashes = new Set();
    for (const d of dimensions) {
        if (!/^[a-z][a-z0-9_]*$/.test(d.name))
            throw new Error(`statistics schema: dimension name ${JSON.stringify(d.name)} must be lower-case ascii`);
        if (names.has(d.name))
            throw new Error(`statistics schema: dimension ${d.name} is listed twice`);
        names.add(d.name);
        if (!d.detail && !d.hash)
            throw new Error(`statistics schema: dimension ${d.name} is stored nowhere (set detail or hash)`);
        if (d.hash !== undefined) {
            if (!/^[a-z][a-z0-9_]*$/.test(d.hash) || RESERVED_KEYS.has(d.hash))
                throw new Error(`statistics schema: dimension ${d.name}: hash name ${JSON.stringify(d.hash)} is not allowed`);
            if (hashes.has(d.hash))
                throw new Error(`statistics schema: two dimensions share the hash ${d.hash}`);
            hashes.add(d.hash);
        }
        if (d.sheet && !d.hash)
            throw new Error(`statistics schema: dimension ${d.name} has a sheet but no hash to fill it`);
        if (d.names && (!/^[a-z][a-z0-9_]*$/.test(d.names.key) || (RESERVED_KEYS.has(d.names.key) && !(d.name === 'room' && d.names.key === 'rooms')))) {
            throw new Error(`statistics schema: dimension ${d.name}: names key ${JSON.stringify(d.names.key)} is not allowed`);
        }
    }
    const detail = dimensions.filter((d) => d.detail);
    if (detail[0]?.name !== 'topic')
        throw new Error('statistics schema: the first detail dimension must be topic (field layout <topic>|<action>|…)');
    const byName = new Map(dimensions.map((d) => [d.name, d]));
    return Object.freeze({
        dimensions: Object.freeze([...dimensions]),
        detail: Object.freeze(detail),
        hashed: Object.freeze(dimensions.filter((d) => d.hash !== undefined)),
        byName: (name) => byName.get(name),
    });
}
/** The schema the bot records with and every tool reads. Add a dimension here (and its tests). */
export const STATS_SCHEMA = defineSchema([TOPIC, CHANNEL, ROOM, HOUR]);
/** The `day:` cross-tab field: `<topic>|<action>|<other detail values>`, trailing empty parts left out. */
export function detailField(schema, action, values) {
    const parts = [values.get('topic') ?? '', action, ...schema.detail.slice(1).map((d) => values.get(d.name) ?? '')];
    while (parts.length > 2 && parts[parts.length - 1] === '')
        parts.pop();
    return parts.join(FIELD_SEP);
}
/** Split a `day:` field back into the action and the detail values by name (missing parts are ''). */
export function parseDetailField(schema, field) {
    const [topic = '', action = '', ...rest] = field.split(FIELD_SEP);
    const values = new Map([['topic', topic]]);
    schema.detail.slice(1).forEach((d, i) => values.set(d.name, rest[i] ?? ''));
    return { action, values };
}
//# sourceMappingURL=schema.js.map