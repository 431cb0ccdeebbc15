/**
 * Library entry of pufa-bot. The pure core (normalise, understand, answer) takes text and
 * returns data; chat platforms and Redis plug in at the edges.
 */
export { loadConfig, type Config } from './config/config.js';
export { PufaError, ERROR_CODES, type ErrorCode } from './core/errors.js';
export { normalizeText } from './core/normalize.js';
export { hashId, redactPii } from './core/privacy.js';
export { createLogger } from './core/logger.js';
export type * from './core/types.js';
export { createBrain, type Brain, type BrainOptions, type AskOptions } from './nlu/brain.js';
export { createChatService, type ChatService, type ChatServiceOptions } from './chat/service.js';
export { CHAT_STEPS, ANSWER_STEPS } from './chat/steps.js';
export { compose, type Middleware } from './chat/compose.js';
export type { MessageContext, ChatServices, Reply, Step, StaffCommands, IncomingMessage, PipelineDeps, HandleResult } from './chat/context.js';
export type { ChatPlatform, AccountPlatform, InboundMessage, Destination, Outgoing, Outbox, PlatformEvents } from './chat/platform.js';
export { Peer } from './chat/peer.js';
export { MemoryPlatform } from './chat/memory-platform.js';
export { MemoryChatStore, type ChatStore } from './chat/store.js';
export { createPipeline, type Pipeline } from './chat/pipeline.js';
export { MemorySessionStore, type SessionStore, type ConversationState } from './chat/session.js';
export { MemoryRecorder, type StatsRecorder, type Consultation } from './stats/types.js';
export { loadKnowledgeBase } from './knowledge/load.js';
export type { KnowledgeBase, AnswerEntry, IntentDef } from './knowledge/types.js';
export { ask } from './nlu/ask.js';
export { evaluate, readEvalFile } from './nlu/eval-file.js';
export { runChat } from './terminal/chat.js';
export { RedisStatsRecorder } from './stats/redis-recorder.js';
export { openStatsRecorder } from './stats/open.js';
export { queryStats, readReview } from './stats/query.js';
export { defineSchema, STATS_SCHEMA, type Dimension, type StatsSchema } from './stats/schema.js';
export { exportConsultations } from './stats/export/consultations.js';
export { statsOverview } from './stats/overview.js';
export { simulateFile } from './chat/simulate.js';
export { createBot, type Bot, type CreateBotOptions } from './bot/create-bot.js';
