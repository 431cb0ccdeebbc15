import { OUT_OF_SCOPE_TOPIC, type IntentScore } from '../core/types.js';
import { byScore } from './rankers.js';
import type { TopicScoreEntry } from './topic-model.js';

/**
 * The bureau's parking topic is 非机动车停放 (../shared/topics.md): e-bikes, bicycles and
 * shared bikes on pavements. A motor vehicle parked anywhere, pavement included, is the
 * traffic police's (道路交通安全法 第五十六条、第九十三条). The topic model learns the place
 * (人行道, 盲道, 乱停) far better than the vehicle, so "轿车停在盲道上" ranked parking at 0.95
 * and got the e-bike answer. The vehicle decides the department, so when the text names only
 * motor vehicles, the parking topic's probability is the traffic redirect's.
 */
const MOTOR = /(?<!非)机动车(?!道)|小?汽车(?!站)|(?<![推拉着])小车|轿车|私家车|面包车|货车|卡车|出租车|的士|网约车|越野车|商务车|皮卡|SUV/iu;
/** Non-motor vehicles, and 摩托车 (a motor vehicle, but parked with the e-bikes): the parking topic's own. */
const NON_MOTOR = /非机动车|电动车|电瓶车|电单车|自行车|单车|三轮|摩托|滑板车|平衡车|助力车/u;

export const PARKING_TOPIC = 'parking';
export const TRAFFIC_INTENT = `${OUT_OF_SCOPE_TOPIC}.traffic`;

/** True when the text names a motor vehicle and no vehicle of the parking topic. */
export function namesOnlyMotorVehicles(normalized: string): boolean {
  return MOTOR.test(normalized) && !NON_MOTOR.test(normalized);
}

/**
 * The ranking with the parking topic's scores moved to the traffic redirect when the text
 * names only motor vehicles (highest first; the total is unchanged). Any other text: as is.
 */
export function withVehicleScope(ranking: IntentScore[], normalized: string): IntentScore[] {
  if (!namesOnlyMotorVehicles(normalized)) return ranking;
  let moved = 0;
  for (const s of ranking) if (s.topic === PARKING_TOPIC) moved += s.score;
  if (moved === 0) return ranking;
  const traffic = ranking.find((s) => s.intent === TRAFFIC_INTENT)?.score ?? 0;
  const merged: IntentScore = { intent: TRAFFIC_INTENT, topic: OUT_OF_SCOPE_TOPIC, score: traffic + moved, evidence: true };
  return [...ranking.filter((s) => s.topic !== PARKING_TOPIC && s.intent !== TRAFFIC_INTENT), merged].sort(byScore);
}

/**
 * The same rule on a topic ranking (a sentence of a letter): the parking topic's score moves
 * to "not ours" when the text names only motor vehicles, so "门口人行道上停满了汽车" in a
 * fumes letter does not name the e-bike answer as another topic. Any other text: as is.
 */
export function topicsWithVehicleScope(ranking: TopicScoreEntry[], normalized: string): TopicScoreEntry[] {
  if (!namesOnlyMotorVehicles(normalized)) return ranking;
  const parking = ranking.find((t) => t.topic === PARKING_TOPIC);
  if (!parking) return ranking;
  const oos = ranking.find((t) => t.topic === OUT_OF_SCOPE_TOPIC);
  const merged: TopicScoreEntry = { topic: OUT_OF_SCOPE_TOPIC, score: (oos?.score ?? 0) + parking.score, evidence: true };
  return [...ranking.filter((t) => t !== parking && t !== oos), merged].sort(byScore);
}
