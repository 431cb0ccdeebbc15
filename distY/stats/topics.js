import path from 'node:path';
import { PufaError } from '../core/errors.js';
import { CHITCHAT_TOPIC } from '../core/types.js';
import { formatProblem } from '../knowledge/problems.js';
import { topicsFileSchema } from '../knowledge/schema.js';
import { readYamlFile } from '../knowledge/yaml-file.js';
/** Read `${knowledgeDir}/topics.yaml`. Throws PUFA_ERR_KNOWLEDGE (with the file, line and problem) when it is missing or malformed. */
export function loadTopics(knowledgeDir) {
    const file = path.join(knowledgeDir, 'topics.yaml');
    const parsed = readYamlFile(file, topicsFileSchema);
    if (!parsed.data) {
        const problems = parsed.problems.map(formatProblem);
        throw new PufaError('PUFA_ERR_KNOWLEDGE', `无法读取话题表 / cannot read the topic list ${file} (PUFA_KNOWLEDGE_DIR=${knowledgeDir}): ${problems[0] ?? 'no data'}`, { problems });
    }
    return parsed.data.topics.map((t) => ({ id: t.id, name: t.name.trim(), chitchat: t.chitchat === true || t.id === CHITCHAT_TOPIC }));
}
//# sourceMappingURL=topics.js.map