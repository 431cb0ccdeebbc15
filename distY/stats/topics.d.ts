/**
 * Topic ids and the Chinese names staff see in exports, from `knowledge/topics.yaml`, read
 * with the knowledge loader's own reader and schema (src/knowledge/) — one reader of the
 * file, and no built-in list to fall back on: a missing or malformed file is an error that
 * names the file and the setting.
 */
export interface TopicInfo {
    id: string;
    name: string;
    /** Small talk: counted apart, left out of exports. */
    chitchat: boolean;
}
/** Read `${knowledgeDir}/topics.yaml`. Throws PUFA_ERR_KNOWLEDGE (with the file, line and problem) when it is missing or malformed. */
export declare function loadTopics(knowledgeDir: string): TopicInfo[];
