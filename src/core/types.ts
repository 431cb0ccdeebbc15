/** Shared data types of the pure core. Nothing here touches the network or the disk. */

/** One of the topic ids of ../shared/topics.md, or `chitchat` for small talk. */
export type TopicId = string;

export const OUT_OF_SCOPE_TOPIC = 'out_of_scope';
export const CHITCHAT_TOPIC = 'chitchat';
/** Fines and the rights against them (罚款与救济): their answers hold for any matter. */
export const PENALTY_TOPIC = 'penalty_rights';

/** What the bot decided to do with a message. */
export type Action = 'answer' | 'clarify' | 'out_of_scope';

/** Where a message came from. */
export type Channel = 'private' | 'room' | 'console';

export interface Topic {
  id: TopicId;
  /** Chinese name staff see in exports, e.g. 占道经营. */
  name: string;
}

/** One citation of an answer. `local` rules are Wuhan/Hubei texts we do not hold. */
export interface Citation {
  /** Full title without book-title marks, e.g. 城市市容和环境卫生管理条例. */
  law: string;
  /** Article number (1-based) — absent for a local rule cited as a whole. */
  article?: number;
  local: boolean;
}

/** One ranked intent candidate from the classifier. */
export interface IntentScore {
  intent: string;
  topic: TopicId;
  score: number;
  /**
   * False when the text has no word specific to this intent's topic (src/nlu/evidence.ts):
   * such a topic is never offered as a choice. Absent = not checked.
   */
  evidence?: boolean;
}

/** A choice offered when the bot asks the citizen to clarify. */
export interface ClarifyChoice {
  n: number;
  intent: string;
  topic: TopicId;
  label: string;
}

/** What the citizen's message does: asks, reports a problem, asks about a report's progress, or makes small talk. */
export type SpeechAct = 'question' | 'report' | 'progress' | 'smalltalk';

/** Another topic a long message also raises, named in one line after the main answer. */
export interface SecondaryTopic {
  topic: TopicId;
  intent: string;
  /** Short Chinese label of the intent (its answer's title). */
  label: string;
}

/** The complete outcome of understanding and answering one message. */
export interface BrainReply {
  action: Action;
  /** Answered intent; for clarify the top candidate; null when nothing matched. */
  intent: string | null;
  topic: TopicId;
  score: number;
  /** The text the citizen reads. */
  reply: string;
  citations: Citation[];
  choices: ClarifyChoice[];
  urgent: boolean;
  /** Normalised text, as the citizen wrote it (what is stored and quoted). */
  normalized: string;
  /** The text as understood, when it differs: homophone slips of domain terms read as the terms (违见 → 违建). */
  understood?: string;
  /** Secondary topics of a several-topic message (the primary one is `topic`). */
  secondary?: SecondaryTopic[];
  /** The message's speech act; absent means 'question'. */
  act?: SpeechAct;
  /**
   * How conversation state was used: a choice of a question back settled (a number picked, or
   * the citizen's next words joined to the question answer one of the topics offered), a
   * follow-up understood in the previous topic, or words added to a question back still open
   * (`detail`: the same choices offered again, counted with that question).
   */
  resolved?: 'choice' | 'followup' | 'detail';
  /** A follow-up whose own words moved the conversation's subject to this topic ("多久不领会被处理" after an answer on parking): the subject follows it. */
  moved?: true;
}

/** What the bot remembers about a citizen between messages (clarification follow-ups). */
export interface ConversationState {
  choices: ClarifyChoice[];
  /** The question the choices were offered for. */
  question: string;
  /** Id of the consultation recorded for the question (a clarification), so its reply is counted as the same consultation. */
  consultationId?: string;
  /** Topic and intent of the last answer, for follow-ups without a topic of their own ("那罚多少钱？"). */
  lastTopic?: string;
  lastIntent?: string;
  /**
   * What the message that named the subject did: a report of a problem ("楼下烧烤油烟太大了"),
   * a complaint's progress, or a question (the citizen's own case included). Details added next
   * ("晚上也有") get how to report the problem only after a report. Absent in older states.
   */
  lastAct?: SpeechAct;
  /** When the last answer was given (ms since epoch). */
  lastAt?: number;
  /**
   * The other department's matter the last reply sent the citizen to (a sure redirect's intent, e.g.
   * `out_of_scope.traffic`), kept with `lastAt` instead of a topic: a question about its steps next
   * ("在哪里交" after a traffic ticket) gets the same redirect, not a department guessed from 交.
   */
  lastRedirect?: string;
  /** What the choices are: a clarification's candidates, or the secondary topics named after an answer ("回复 2 查看"). */
  choicesFor?: 'clarify' | 'secondary';
  /**
   * The subjects answered before the last one in this conversation, most recent first (at most
   * three, topics and intents only), so that "那个唱歌的事呢" or "还是说回那个棚子" after another
   * subject goes back to the one it names. Absent in older states.
   */
  earlier?: EarlierSubject[];
}

/** A subject answered earlier in the conversation (`ConversationState.earlier`). */
export interface EarlierSubject {
  topic: string;
  intent: string;
}
