/**
 * Library entry of pufa-bot. The pure core (normalise, understand, answer) takes text and
 * returns data; chat platforms and Redis plug in at the edges.
 */
export { loadConfig } from './config/config.js';
export { PufaError, ERROR_CODES } from './core/errors.js';
export { normalizeText } from './core/normalize.js';
export { hashId, redactPii } from './core/privacy.js';
export { createLogger } from './core/logger.js';
export { createBrain } from './nlu/brain.js';
export { createChatService } from './chat/service.js';
export { CHAT_STEPS, ANSWER_STEPS } from './chat/steps.js';
export { compose } from './chat/compose.js';
export { Peer } from './chat/peer.js';
export { MemoryPlatform } from './chat/memory-platform.js';
export { MemoryChatStore } from './chat/store.js';
export { createPipeline } from './chat/pipeline.js';
export { MemorySessionStore } from './chat/session.js';
export { MemoryRecorder } from './stats/types.js';
export { loadKnowledgeBase } from './knowledge/load.js';
export { ask } from './nlu/ask.js';
export { evaluate, readEvalFile } from './nlu/eval-file.js';
export { runChat } from './terminal/chat.js';
export { RedisStatsRecorder } from './stats/redis-recorder.js';
export { openStatsRecorder } from './stats/open.js';
export { queryStats, readReview } from './stats/query.js';
export { defineSchema, STATS_SCHEMA } from './stats/schema.js';
export { exportConsultations } from './stats/export/consultations.js';
export { statsOverview } from './stats/overview.js';
export { simulateFile } from './chat/simulate.js';
export { createBot } from './bot/create-bot.js';
//# sourceMappingURL=index.js.map