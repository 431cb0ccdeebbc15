import { characters, clauses, sentences } from '../core/normalize.js';
import { CHITCHAT_TOPIC, OUT_OF_SCOPE_TOPIC, PENALTY_TOPIC, type IntentScore } from '../core/types.js';
import { askedSentences, BUILDING_SOUND, complainsOfConduct, tellsOfMisconduct, CONDUCT_TOPIC, HOW_OFTEN, NOISE_TOPIC, questionSentences, SOMEONE_DOES, withEvidenceFor } from './acts.js';
import { asksToPay, GENERAL_FINES_INTENT } from './context.js';
import { GENERAL_REDIRECT, topicScores } from './decide.js';
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
const MOTOR = /(?<!非)机动车(?!道)|小?汽车(?!站)|(?<![推拉着])小车|轿车|私家车|面包车|货车|卡车|出租车|的士|网约车|越野车|商务车|皮卡|SUV|公交车(?!站)|大巴|客车|校车/iu;
/**
 * Non-motor vehicles, and 摩托车 (a motor vehicle, but parked with the e-bikes): the parking
 * topic's own. A lane is not a vehicle: "非机动车道被小汽车占了" names only the cars.
 */
const NON_MOTOR = /非机动车(?!道)|电动车(?!道)|电瓶车|电单车|电驴|自行车(?!道)|单车(?!道)|三轮|摩托|滑板车|平衡车|助力车/u;

export const PARKING_TOPIC = 'parking';
export const TRAFFIC_INTENT = `${OUT_OF_SCOPE_TOPIC}.traffic`;

/** A clause telling of riding ("骑电动车的人都被挤到机动车道上去了"), or of parking. */
const RIDDEN = /骑|走|跑|挤|逼|开|绕|行驶|通行/u;
const PARKED = /停|放|堆|占/u;

/**
 * True when the text names a motor vehicle and no vehicle of the parking topic, or names the
 * parking topic's vehicles only as ridden, in clauses of their own, while the cars are parked
 * ("路边车位总是停满了小汽车，骑电动车的人都被挤到机动车道上去"): the cars are what is parked.
 */
export function namesOnlyMotorVehicles(normalized: string): boolean {
  if (!MOTOR.test(normalized)) return false;
  if (!NON_MOTOR.test(normalized)) return true;
  const parts = clauses(normalized);
  const bikes = parts.filter((c) => NON_MOTOR.test(c));
  return bikes.every((c) => RIDDEN.test(c) && !PARKED.test(c)) && parts.some((c) => MOTOR.test(c) && PARKED.test(c));
}

/**
 * The ranking with the parking topic's scores moved to the traffic redirect when the text
 * names only motor vehicles (highest first; the total is unchanged). Any other text: as is.
 */
export function withVehicleScope(ranking: IntentScore[], normalized: string): IntentScore[] {
  if (!namesOnlyMotorVehicles(normalized)) return ranking;
  return movedTo(ranking, carsParkedOnly(normalized) ? PARKED_CAR_TOPICS : PARKING_TOPICS, TRAFFIC_INTENT);
}
const PARKING_TOPICS: ReadonlySet<string> = new Set([PARKING_TOPIC]);

/**
 * Cars parked on the pavement, with nothing sold from them ("阳逻街XX路汽车天天停在人行道上，行人
 * 只能走马路"): the model read 人行道 as a stall's 占道 too. A lorry selling watermelons at a
 * crossing is a stall and stays.
 */
const SELLING = /卖|售|摊|摆|叫卖|兜售|生意/u;
const WALKWAY = /人行道|盲道|便道|路边|马路|路口|门口/u;
const PARKED_CAR_TOPICS: ReadonlySet<string> = new Set([PARKING_TOPIC, 'street_vending']);

/** True when a clause tells of a motor vehicle parked on a walkway or a roadside and the text tells of nothing sold. */
function carsParkedOnly(normalized: string): boolean {
  return !SELLING.test(normalized) && clauses(normalized).some((c) => MOTOR.test(c) && PARKED.test(c) && WALKWAY.test(c));
}

/**
 * How a bike is ridden or registered — a passenger or a child on the back, a helmet, riding
 * against the traffic or through a red light, a number plate, a modified or speeding e-bike,
 * riding fast or on the pavement ("骑电动车带人违法吗", "电动车不戴头盔罚多少", "电动车上牌要去哪里办",
 * "外卖电动车天天在人行道上横冲直撞") — is road traffic, the
 * traffic police's (道路交通安全法 第八章; Wuhan's e-bike rules), not where bikes are parked:
 * the parking topic's words (电动车, 罚) ranked such questions 0.6–0.9 on parking. Not when
 * the text also tells of bikes parked, left or stacked (`PARKED_OR_LEFT`): that part is ours.
 */
const RIDING_RULE = /带人|载人|带(?:了个|个|着)?(?:小孩|孩子|伢|娃)|头盔|逆行|闯红灯|闯灯|上牌|挂牌|牌照|上户|改装|超速|限速|酒驾|醉驾|驾照|驾驶证|横冲直撞|乱窜|飙车|骑得(?:飞快|好快|很快|蛮快)|(?:在|上|到)(?:人行道|盲道)(?:上)?(?:骑|开|跑)|骑(?:上|到|进)(?:了)?(?:人行道|盲道)/u;
const PARKED_OR_LEFT = /停|放|堆|占|扔|丢|摆|锁/u;

/** True when the text names a bike of the parking topic and tells of a riding or registration rule, and of no bike parked or left. */
export function tellsOfRidingRules(normalized: string): boolean {
  return NON_MOTOR.test(normalized) && RIDING_RULE.test(normalized) && !PARKED_OR_LEFT.test(normalized);
}

/**
 * Riding about anyhow (到处乱窜) shares 乱 with the litter answer, which the model ranked above the
 * parking topic once open burning joined the city-appearance topic (twenty-second session): with no
 * litter named (垃圾, 倒, 泼, 吐 — 扔 and 丢 already keep the text from being read as riding), the
 * city-appearance topic's score goes to the traffic redirect too.
 */
const LITTER_NAMED = /垃圾|倒|泼|吐|脏/u;
const CITY_APPEARANCE_TOPIC = 'city_appearance';

/** The ranking with the parking topic's scores (and, no litter named, the city-appearance topic's) moved to the traffic redirect when the text tells of how a bike is ridden (`tellsOfRidingRules`). */
export function withRidingScope(ranking: IntentScore[], normalized: string): IntentScore[] {
  if (!tellsOfRidingRules(normalized)) return ranking;
  const litter = LITTER_NAMED.test(normalized);
  return movedWhere(ranking, (s) => PARKING_TOPICS.has(s.topic) || (!litter && s.topic === CITY_APPEARANCE_TOPIC), TRAFFIC_INTENT);
}

/**
 * The police, named without the bureau ("派出所罚了我五百块不给收据", "被公安行政拘留五天想申请
 * 复议", "警察把我手机扣了一个月不还"): the fine, the seizure, the officers' conduct are the
 * police's, whose decisions our answers on 城管's (处罚与救济, 暂扣物品, 执法规范) do not describe.
 * 110 is not the police named: citizens call it about every kind of matter. A 交通协管员 is the
 * traffic police's auxiliary, not the bureau's 协管员.
 */
const POLICE = /公安|派出所|警察|民警|辅警|交警|交通协管|警官|警员|特警|刑警|治安大队/u;
/** The bureau named too ("城管和交警一起来扣了我的三轮车"): the bureau's topics stay. */
const BUREAU = /城管|执法局|执法队|执法中队|综合执法|(?<!交通)协管|中队/u;
const POLICE_TOPICS: ReadonlySet<string> = new Set(['penalty_rights', 'seized_items', 'enforcement_conduct']);
const POLICE_INTENT = `${OUT_OF_SCOPE_TOPIC}.police_conduct`;

/** True when the text names the police and not the bureau. */
export function namesOnlyPolice(normalized: string): boolean {
  return POLICE.test(normalized) && !BUREAU.test(normalized);
}

/** The ranking with the fines, seizure and conduct topics' scores moved to the police redirect when the text names only the police. */
export function withPoliceScope(ranking: IntentScore[], normalized: string): IntentScore[] {
  return namesOnlyPolice(normalized) ? movedTo(ranking, POLICE_TOPICS, POLICE_INTENT) : ranking;
}

/**
 * Another department named as the one that fined, seized or inspected, without the bureau:
 * "市场监管局说我卖的食品过期了，罚款五千…能申请行政复议吗", "卫健委罚了美容店", "税务局罚了滞纳金".
 * Our fines, seizure and conduct answers describe the bureau's decisions (who decides, where
 * to appeal), not theirs; the general redirect says where such a decision is contested. The
 * same for a traffic penalty told without naming the police ("闯了红灯被拍，扣了6分罚款200"):
 * points and licences are the traffic police's alone. A 个体工商户 is a shop, not the 工商 office.
 */
const OTHER_AGENCY =
  /市场监管|市场监督|市监局|(?<!个体)工商(?:局|所|部门)|食药监|质监局|卫健委|卫生健康(?:委|局|部门)|卫生监督|卫生局|疾控|税务|生态环境(?:局|部门)|环保(?:局|部门)|环境执法|交通运输(?:局|部门)|运管|路政|海事|人社局|劳动监察|消防救援|消防大队|烟草(?:局|专卖)|文化(?:市场)?执法|文旅局|农业执法|林业局|水务局|自然资源(?:局|部门)/u;
/** Points or a licence: a motor vehicle's alone (a camera, 电子眼, is asked for against parked bikes too). */
const POINTS_OR_LICENCE = /扣\d+分|扣了?[一二三六十两\d]+分|驾照|驾驶证|行驶证/u;
const TRAFFIC_PENALTY = new RegExp(`${POINTS_OR_LICENCE.source}|闯红灯|电子眼|违章记录|压实线|超速`, 'u');
/** A parking ticket on a windscreen ("被贴了违停罚单罚200"): a car's, unless the text names a bike of the parking topic. */
const PARKING_TICKET = /违停罚单|违章罚单|贴了?(?:一张|张)?罚单|罚单贴/u;

/** The out-of-scope intent a text's fines, seizure and conduct belong to when it names only another department's decision; undefined otherwise. */
export function otherAgencyOf(normalized: string): string | undefined {
  // Points or a licence are the traffic police's even when the letter blames the bureau ("贴了一张罚单 罚两百 还扣三分 …
  // 你们城管是不是就靠罚款创收"): the bureau takes no points.
  if (POINTS_OR_LICENCE.test(normalized) && !NON_MOTOR.test(normalized)) return TRAFFIC_INTENT;
  if (BUREAU.test(normalized)) return undefined;
  if (TRAFFIC_PENALTY.test(normalized)) return TRAFFIC_INTENT;
  if (PARKING_TICKET.test(normalized) && !NON_MOTOR.test(normalized)) return TRAFFIC_INTENT;
  return OTHER_AGENCY.test(normalized) ? GENERAL_REDIRECT : undefined;
}

/**
 * Points and licences are a motor vehicle's: a traffic penalty with points or a licence ("停了一下车…
 * 违停罚单，要罚两百块、扣三分") moves the parking topic too, which no e-bike's fine is.
 */
const TRAFFIC_PENALTY_TOPICS: ReadonlySet<string> = new Set([...POLICE_TOPICS, PARKING_TOPIC]);

/** The ranking with the fines, seizure and conduct topics' scores (and, for a traffic penalty, parking's) moved to that department's redirect when the text names only another department's decision (`otherAgencyOf`). */
export function withAgencyScope(ranking: IntentScore[], normalized: string): IntentScore[] {
  const target = otherAgencyOf(normalized);
  if (!target) return ranking;
  return movedTo(ranking, target === TRAFFIC_INTENT && POINTS_OR_LICENCE.test(normalized) ? TRAFFIC_PENALTY_TOPICS : POLICE_TOPICS, target);
}

/**
 * Charging an e-bike in a stairwell or at home ("电动车停楼道里充电违法吗", 0.97 for the parking
 * topic) is a fire hazard — the fire service's, with the 物业 and the 社区 — not 非机动车停放:
 * the parking topic's probability is the fire-safety redirect's. A charging pile (充电桩) is
 * neither: the rule leaves it.
 */
const CHARGING = /充电(?!桩)|飞线/u;
const FIRE_SAFETY_INTENT = `${OUT_OF_SCOPE_TOPIC}.fire_safety`;

/**
 * True when the text tells of charging a vehicle of the parking topic, and every sentence of it
 * naming such a vehicle tells of charging: a letter about bikes on the pavement that mentions
 * charging in the stairwell in passing stays with parking.
 */
export function tellsOfCharging(normalized: string): boolean {
  if (!CHARGING.test(normalized)) return false;
  const bikes = sentences(normalized).filter((s) => NON_MOTOR.test(s));
  return bikes.length > 0 && bikes.every((s) => CHARGING.test(s));
}

/** The ranking with the parking topic's scores moved to the fire-safety redirect when the text tells of charging an e-bike (`tellsOfCharging`). */
export function withChargingScope(ranking: IntentScore[], normalized: string): IntentScore[] {
  return tellsOfCharging(normalized) ? movedTo(ranking, PARKING_TOPICS, FIRE_SAFETY_INTENT) : ranking;
}

/**
 * A stove or water heater that will not light ("燃气灶打不着火", 0.59 for the leak) is a repair
 * question, not a leak: the leak intent's score goes to the repair answer (the gas company
 * repairs; a smell means the emergency steps) — unless the text tells of a smell or a leak
 * ("打不着火 还有股煤气味": the leak's steps, as the emergency patterns of safety.ts say too).
 */
const WONT_LIGHT = /打不[着燃]|点不[着燃]|打不起火|不出火/u;
const LEAK_SIGN = /味|漏|泄|臭|呛|头晕|恶心/u;
const LEAK_INTENT = 'gas_safety.leak';
const REPAIR_INTENT = 'gas_safety.repair';

/** True when the text tells of a gas appliance that will not light, and of no smell or leak. */
export function tellsOfIgnitionOnly(normalized: string): boolean {
  return WONT_LIGHT.test(normalized) && !LEAK_SIGN.test(normalized);
}

/** The ranking with the leak intent's score added to the repair intent's when the text tells only of an appliance that will not light. */
export function withIgnitionScope(ranking: IntentScore[], normalized: string): IntentScore[] {
  if (!tellsOfIgnitionOnly(normalized)) return ranking;
  const leak = ranking.find((s) => s.intent === LEAK_INTENT);
  if (!leak) return ranking;
  const repair = ranking.find((s) => s.intent === REPAIR_INTENT);
  const merged: IntentScore = { ...(repair ?? leak), intent: REPAIR_INTENT, score: leak.score + (repair?.score ?? 0) };
  return [...ranking.filter((s) => s !== leak && s !== repair), merged].sort(byScore);
}

/**
 * A gas bill, meter, top-up or supply ("这两个月的燃气费比去年翻了一倍", "燃气卡充了钱还是没气",
 * "交房一年了燃气公司就是不通气") is the gas company's business — its customer service, the
 * price office, 12345 — not gas safety: the gas topic's words (燃气, 燃气公司, 燃气表) ranked
 * such letters 0.5–0.9 on safety. The gas topic's probability is the utilities redirect's,
 * unless the text tells of a smell, a leak or a danger (the emergency steps come first) or of
 * a safety inspection, its fees or those posing as inspectors, a hose or an alarm sold at the
 * door, or asks whether such a caller is genuine ("燃气公司的人上门说要换软管 收两百 是真的吗"):
 * gas_safety's own answer.
 */
const GAS_BILL = /(?:燃气|天然气|煤气)费|气费|气价|燃气卡|气卡|账单|充值|欠费|涨价|调价|配套费|公摊费|分摊费|开户|销户|过户|户名|停户|初装费|通气|抄表|补缴|表(?:不准|走得|转得|跑得)|校表|换表[^。！？!?]{0,8}收|(?:铺|建|接|通)(?:设|入)?(?:燃气|天然气)?管道|管道[^，。！？,!?]{0,4}(?:铺|建|接|通)到|(?:没有|没|冇得?)(?:通)?(?:燃气|天然气)管道|停气|收(?:了|我们?)?[\d一二两三四五六七八九十百千]+/u;
/** The gas named: a 过户 or 开户 of a house or a bank account is not the gas company's. */
const GAS = /燃气|天然气|煤气|液化气|气费|气卡|气表|通气/u;
const GAS_SAFETY_MATTER = /味|漏|泄|臭|呛|爆|炸|着火|起火|火灾|中毒|头晕|恶心|隐患|不安全|危险|安检|检测|检查|推销|冒充|骗|是真的吗|真的假的|是不是真的|挖断|挖破|挖坏|破损|断了|软管|胶管|报警器|自闭阀/u;
const GAS_TOPICS: ReadonlySet<string> = new Set(['gas_safety']);
const UTILITIES_INTENT = `${OUT_OF_SCOPE_TOPIC}.utilities`;

/**
 * Safety words a bill letter tells only to rule them out: a leak denied ("根本没漏", "没有异味"),
 * an inspection that found nothing ("上门安检，说一切正常"), a check for a leak the company asked
 * for ("让我自己查漏气"), and a meter tested for its reading ("能不能申请换表检测": the meter's accuracy, a bill matter).
 */
const SAFETY_RULED_OUT = /(?:没|没有|不|并没有?|根本没有?)(?:漏气?|泄漏|异味|味道?)|安检[^。！？!?]{0,8}(?:正常|没问题|合格|通过)|(?:检)?查(?:一下)?(?:有没有)?漏气?|(?:换表|燃气表|气表|表)的?(?:检测|检定|校验)|检测(?:一下)?(?:燃气表|气表|表)/gu;

/** True when the text names gas and tells of its bill, meter, top-up or supply, and of no danger or safety inspection. */
export function tellsOfGasBill(normalized: string): boolean {
  return GAS.test(normalized) && GAS_BILL.test(normalized) && !GAS_SAFETY_MATTER.test(normalized.replace(SAFETY_RULED_OUT, ''));
}

/** The ranking with the gas topic's scores moved to the utilities redirect when the text tells of a gas bill (`tellsOfGasBill`). */
export function withGasBillScope(ranking: IntentScore[], normalized: string): IntentScore[] {
  return tellsOfGasBill(normalized) ? movedTo(ranking, GAS_TOPICS, UTILITIES_INTENT) : ranking;
}

/**
 * Which bin an item goes in, asked without the word 垃圾 ("碎了的玻璃杯算哪一类", "过期的感冒药
 * 扔到么桶里", "用完的电池能不能跟其他的一起丢", "四个颜色的桶 哪个装剩饭剩菜"): waste sorting, whose
 * answer lists the four classes with their items. The model, with no word of the topic, read
 * them as not ours (0.3–0.5). When "not ours" leads, its scores are the sorting answer's.
 */
const WHICH_BIN = new RegExp(
  [
    '(?:扔|丢|倒|放|装|投)(?:到|在|进)?(?:哪|么|什么)(?:个|只|一个)?(?:桶|箱|颜色)',
    '哪个(?:桶|颜色)|哪个(?:装|放|丢|扔)',
    // "奶茶杯子 里头还剩点珍珠的 么样丢": how to throw it away, at the end
    '(?:么样|怎么|咋个?|如何)(?:丢|扔)(?:掉)?(?:啊|呢|哦)?[？?。]*$|(?:丢|扔)(?:到)?哪(?:里|儿)?(?:啊|呢)?[？?。]*$',
    '(?:算|属于|是|归)(?:哪|什么|么)一?(?:类|种垃圾)',
    '(?:能不能|可不可以|可以|能)(?:跟|和|与)[^，。？?,!！]{0,8}一起(?:丢|扔|倒)',
  ].join('|'),
  'u',
);
const SORTING_INTENT = 'waste_sorting.rules';

/** True when the text asks which bin or class an item goes in (`WHICH_BIN`). */
export function asksWhichBin(normalized: string): boolean {
  return WHICH_BIN.test(normalized);
}

/**
 * When the rubbish is taken, asked ("垃圾车一般什么时候来收", "垃圾车几点来收垃圾"): the sorting
 * answer, which says the times and places are set and posted by the estate or community and
 * where to ask — not the social-insurance redirect ("什么时候来收" read as 社保) nor what not
 * sorting costs, nor another topic named beside it. A lorry that did not come is a complaint, not
 * a question of when, and stays.
 */
const RUBBISH_ROUND = /垃圾车|环卫车|收垃圾|垃圾[^，。？?！!]{0,4}(?:收走|清运|收运|拉走|来收)|倒垃圾|扔垃圾|丢垃圾/u;
const ASKS_WHEN = new RegExp(`几点|什么时候|么时候|啥时候|哪天|几时|什么时间|么时间|${HOW_OFTEN}`, 'u');
/** A practical question, not a letter: a letter's "要等到什么时候" is a complaint. */
const TIMES_QUESTION_MAX_CHARS = 40;

/** True when a short text asks, in one sentence, when the rubbish is put out or taken (`RUBBISH_ROUND`, `ASKS_WHEN`). */
export function asksRubbishTimes(normalized: string): boolean {
  if ([...normalized].length > TIMES_QUESTION_MAX_CHARS) return false;
  return questionSentences(normalized).some((q) => RUBBISH_ROUND.test(q) && ASKS_WHEN.test(q));
}

/**
 * The ranking with "not ours" moved to the sorting answer when it leads (the sum of its intents)
 * and the text asks which bin an item goes in; when it asks when the rubbish is taken, every
 * topic's scores but small talk's move to it.
 */
export function withSortingScope(ranking: IntentScore[], normalized: string): IntentScore[] {
  if (asksRubbishTimes(normalized)) return movedWhere(ranking, (s) => s.topic !== CHITCHAT_TOPIC, SORTING_INTENT);
  if (!asksWhichBin(normalized)) return ranking;
  const topics = topicScores(ranking);
  const notOurs = topics.find((t) => t.topic === OUT_OF_SCOPE_TOPIC)?.score ?? 0;
  if (topics.some((t) => t.score > notOurs)) return ranking;
  return movedTo(ranking, NOT_OURS, SORTING_INTENT);
}
const NOT_OURS: ReadonlySet<string> = new Set([OUT_OF_SCOPE_TOPIC]);

/**
 * Noise whose source is not the bureau's (噪声污染防治法: industrial noise is the ecology and
 * environment department's, 第三十六条 on; traffic noise — horns, lorries, elevated roads, a
 * toll station — the traffic police's and the transport department's, 第四十五条 on): "木材加工厂
 * 电锯和刨床从早上六点响到晚上十点", "收费站夜间鸣笛扰民", "省道上大货车一辆接一辆，喇叭声不断". The
 * noise topic answers the bureau's sources (construction at night, shop speakers, square dancing,
 * KTV, the sanitation trucks); its score goes to the redirect of the source named, when the
 * text is about noise, unless it also names one of the bureau's (`BUREAU_NOISE`: "工厂旁边的工地
 * 半夜施工", "环卫车凌晨按喇叭", "修高架桥的吊车夜里不停" stay ours). Railways and airports count with the factories: their
 * noise is the ecology and environment department's to monitor too.
 */
const INDUSTRIAL_NOISE = /工厂|厂房|车间|加工厂|钢厂|轧钢|厂里|厂子|搅拌站|火车|铁路|高铁|飞机|机场/u;
const TRAFFIC_NOISE = /鸣笛|按喇叭|汽车喇叭|车喇叭|炸街|改装车|轰油门|货车|过往车辆|车流量|高架|省道|国道|高速|收费站|隔音墙|隔音屏/u;
/**
 * Building work told by its machines or its job, not by 施工 ("吊车、罐车夜里12点以后还在不停地干…
 * 修高架桥", "半夜还在浇混凝土"): construction noise, the bureau's, even beside an elevated road — but
 * not at a factory or a concrete plant (搅拌站), whose machines are the plant's.
 */
const BUILDING_WORK = /吊车|塔吊|罐车|泵车|挖机|挖掘机|铲车|铺路|修路|修桥|修高架|浇筑|浇混凝土|打混凝土|赶工期/u;
/** Decoration going on: not one finished ("装修好晾了几个月", "装修完了"), though "装修好吵" is loud. */
const DECORATION = /(?:装修|翻新)(?!好(?![吵烦大响闹])|完)/u;
const BUREAU_NOISE = new RegExp(`施工|工地|打桩|${DECORATION.source}|电钻|冲击钻|砸墙|敲墙|广场舞|音响|唱歌|卡拉|KTV|酒吧|烧烤|夜市|叫卖|商铺|门面|店|摆摊|小贩|跳舞|环卫|垃圾车|洒水车|清扫车|渣土车`, 'iu');
/** The text is about noise at all: a fumes letter that names a workshop is not. */
const NOISE_WORD = /噪|吵|响|声|鸣笛|喇叭|轰|安静|睡|扰民/u;
const NOISE_TOPICS: ReadonlySet<string> = new Set([NOISE_TOPIC]);
const ENVIRONMENT_INTENT = `${OUT_OF_SCOPE_TOPIC}.environment`;
/**
 * A neighbour's household noise ("楼上小伢天天半夜跑跳", "楼上每天晚上拖椅子", "隔壁家的狗天天叫"):
 * 社会生活噪声 in a home (噪声污染防治法 第六十五条), which the residents' committee, the owners'
 * committee and the 物业 are to stop or mediate (第七十条), and the police when it goes on
 * (第八十七条) — the neighbour redirect. Decoration (第六十六条) and the bureau's other sources
 * stay with the noise topic (`BUREAU_NOISE`), as does a business run next door (`NEIGHBOUR_BUSINESS`).
 */
const NEIGHBOUR = /楼上|楼下|隔壁|邻居|对门|邻里|上一层|上层住户/u;
const HOUSEHOLD_NOISE = /跑跳|跳绳|蹦|跺|咚咚|砰砰|哐哐|拖(?:椅子|凳子|桌子|家具|东西)|剁|弹珠|脚步|走路|高跟鞋|[狗犬鸟猫][^，。！？,!?]{0,4}[叫吠]|宠物|钢琴|弹琴|练琴|乐器|吵架|打麻将|麻将声|电视|洗衣机|小孩|小伢|孩子|娃/u;
const NEIGHBOUR_BUSINESS = /馆|厅|场|会所|公司|作坊|培训|工作室|棋牌|健身|瑜伽|舞蹈|琴行|商家|学校|驾校|幼儿园|单位/u;
/** Heard: the noise words without 影响 ("影响小孩玩" tells of no sound), or a din's sound ("咚咚咚的"). */
const HEARD = /噪|吵|(?<!影)响|声|安静|睡|扰民|咚|砰|哐|嘭/u;
/** The dead of night, heard when a din is done then ("邻居天天半夜蹦迪") — not when a child is only named ("楼下小孩半夜发烧"). */
const NIGHT_HOURS = /半夜|深夜|凌晨/u;
const CHILD = /小孩|小伢|孩子|娃/gu;
const NEIGHBOR_INTENT = `${OUT_OF_SCOPE_TOPIC}.neighbor`;

/** True when the text tells of a neighbour's household noise (`HOUSEHOLD_NOISE`), and of none of the bureau's sources or a business. */
export function tellsOfNeighbourNoise(normalized: string): boolean {
  if (!NEIGHBOUR.test(normalized) || !HOUSEHOLD_NOISE.test(normalized) || BUREAU_NOISE.test(normalized) || NEIGHBOUR_BUSINESS.test(normalized)) return false;
  return HEARD.test(normalized) || (NIGHT_HOURS.test(normalized) && HOUSEHOLD_NOISE.test(normalized.replace(CHILD, '')));
}

/** The redirect for noise from a source that is not the bureau's (`INDUSTRIAL_NOISE`, `TRAFFIC_NOISE`, a neighbour's home); undefined otherwise. */
export function noiseOwnerOf(normalized: string): string | undefined {
  if (BUREAU_NOISE.test(normalized)) return undefined;
  // A din told by its sound or its hour alone, no noise word ("楼上半夜剁肉 咚咚咚的", "邻居天天半夜蹦迪"), is
  // a neighbour's if anyone's: not a factory's or a building site's next door ("隔壁工厂半夜咚咚咚").
  const noiseSaid = NOISE_WORD.test(normalized);
  if (INDUSTRIAL_NOISE.test(normalized)) return noiseSaid ? ENVIRONMENT_INTENT : undefined;
  if (BUILDING_WORK.test(normalized)) return undefined;
  if (noiseSaid && TRAFFIC_NOISE.test(normalized)) return TRAFFIC_INTENT;
  if (tellsOfNeighbourNoise(normalized)) return NEIGHBOR_INTENT;
  return undefined;
}

/**
 * Building work heard at night ("而且半夜还在打桩 哐哐的", "凌晨还在电焊"): the bureau's night
 * construction noise (噪声污染防治法 第四十三条). The model read 半夜 and the din as a police matter
 * (0.37) or the weather; "not ours" gives its score to the night-construction answer when the text
 * names building work by its sound (`BUILDING_SOUND`) and the night, and no department's own word.
 */
const NIGHT = '半夜|深夜|夜里|夜间|凌晨|通宵';
/** The night before the sound, or after it (晚上 only before: "打桩到晚上" is the evening). */
const BUILDING_SOUND_AT_NIGHT = new RegExp(`(?:${NIGHT}|晚上)[^。！？!?]{0,10}(?:${BUILDING_SOUND.source})|(?:${BUILDING_SOUND.source})[^。！？!?]{0,10}(?:${NIGHT})`, 'u');
const NIGHT_CONSTRUCTION_INTENT = `${NOISE_TOPIC}.night_construction`;

/** True when the text hears building work at night (`BUILDING_SOUND_AT_NIGHT`): a matter of its own after a report on something else. */
export function hearsBuildingAtNight(normalized: string): boolean {
  return BUILDING_SOUND_AT_NIGHT.test(normalized) && !INDUSTRIAL_NOISE.test(normalized);
}

/** The ranking with "not ours" moved to night construction noise when building work is heard at night (`hearsBuildingAtNight`). */
export function withNightBuildingScope(ranking: IntentScore[], normalized: string): IntentScore[] {
  return hearsBuildingAtNight(normalized) ? movedTo(ranking, NOT_OURS, NIGHT_CONSTRUCTION_INTENT) : ranking;
}

/** The ranking with the noise topic's scores moved to the source's redirect (`noiseOwnerOf`). */
export function withNoiseSourceScope(ranking: IntentScore[], normalized: string): IntentScore[] {
  const target = noiseOwnerOf(normalized);
  if (!target) return ranking;
  // A neighbour's home is no other department's either ("楼上半夜剁肉 咚咚咚的 能管吗" was read as an online matter);
  // told in words no topic has ("邻居天天半夜蹦迪": no ranking at all), it is still the neighbour's.
  if (target === NEIGHBOR_INTENT) {
    if (ranking.length === 0) return [{ intent: target, topic: OUT_OF_SCOPE_TOPIC, score: 1, evidence: true }];
    return movedWhere(ranking, (s) => NOISE_TOPICS.has(s.topic) || s.topic === OUT_OF_SCOPE_TOPIC, target);
  }
  return movedTo(ranking, NOISE_TOPICS, target);
}

/**
 * A home being decorated next door ("楼上翻新天天电钻 中午都不停", "隔壁装修砸墙"): decoration noise
 * has its own rule (噪声污染防治法 第六十六条, the noise topic's decoration answer), which the model
 * read as a neighbour's household noise. The neighbour redirect's score goes to that answer.
 */
/** A decoration tool or work heard by its name ("天天电钻" tells of the sound). */
const DECORATION_SOUND = /电钻|冲击钻|砸墙|敲墙|打墙|切割机/u;
const DECORATION_INTENT = 'noise.decoration';

/** True when the text tells of decoration heard (`DECORATION` with `HEARD`, or `DECORATION_SOUND`). */
export function tellsOfDecorationNoise(normalized: string): boolean {
  return DECORATION_SOUND.test(normalized) || (DECORATION.test(normalized) && HEARD.test(normalized));
}

/** The ranking with the neighbour redirect's score moved to the decoration answer when the text tells of decoration heard. */
export function withDecorationScope(ranking: IntentScore[], normalized: string): IntentScore[] {
  return tellsOfDecorationNoise(normalized) ? movedWhere(ranking, (s) => s.intent === NEIGHBOR_INTENT, DECORATION_INTENT) : ranking;
}

/**
 * Another's matter, whatever bureau word the text also has: wages owed ("在工地开渣土车 老板欠我
 * 两个月工资": the labour inspectorate's, not 渣土), a fight or a theft among citizens ("烧烤店里两
 * 桌客人打起来了", "摆地摊的时候被人偷了钱包": the police's). The bureau's topics' scores go to that
 * redirect. Not a fear of losing one's wages ("担心…工资也拿不到", asked of reporting anonymously)
 * or wages owed to others, nor a fight or a theft of officers ("城管和摊贩打起来了": conduct) or of
 * a manhole cover, nor 偷倒 (dumping on the sly).
 */
const WAGES_OWED = /拖欠|欠(?:我|我们|了|他们)?[^，。！？,!?]{0,6}(?:工资|工钱)|(?:工资|工钱)[^，。！？,!?]{0,8}(?:不发|没发|不给|没给|拿不到|要不到|讨不到|不结|没结|被扣|扣了)|欠薪|讨薪/u;
const WAGES = /工资|工钱|薪/u;
const ONLY_A_FEAR = /担心|怕|万一|会不会/u;
const FIGHT_OR_THEFT = /打起来|打架|斗殴|互殴|偷了|被(?:人)?偷(?:了|走)|偷(?:电瓶|电池|电动车|自行车|单车|车|钱|手机)|被盗|撬(?:锁|门|车|了)|撬[^，。！？,!?]{1,6}(?:锁|门)/u;
/**
 * Thieves about, told of as what a bureau matter brings ("小贩占道经营…小偷明目张胆地偷东西"): the
 * police's only when the text names no bureau matter (`BUREAU_MATTER`); a theft suffered
 * ("摆地摊的时候被人偷了钱包") is `FIGHT_OR_THEFT`, whatever else it names.
 */
const THIEVES_ABOUT = /小偷|扒手|偷东西|盗窃/u;
const BUREAU_MATTER = /占道|摆摊|摊贩|小贩|违建|违章搭建|油烟|烧烤|噪音|渣土|绿化|广告|招牌|乱停|乱堆/u;
const OFFICERS_NAMED = /城管|执法|协管|队员|中队|大队/u;
/** Wages owed to others, told by a resident about what follows from it ("物业拖欠了她们半年工资。现在楼道没人扫"). */
const OWED_TO_OTHERS = /欠(?:了)?(?:她们|他们|她|他)/u;
/** A public facility stolen ("井盖被偷了 一个大窟窿"): the hole is the road department's first. */
const PUBLIC_FACILITY = /井盖|下水道|窨井|护栏|路灯|电缆|雨水篦/u;
/**
 * A manhole cover missing, loose or broken, in one clause ("门口的井盖翘起来了 电动车骑过去差点摔",
 * "下水道井盖缺了一块…孩子差点掉进去"; not "把草坪铲掉…私自打开窨井盖浇水"): the owner of the pipes under it and the road department repair it
 * (knowledge/out_of_scope.yaml, the municipal redirect), whatever bike or verge the text also
 * names. Not something poured or thrown into it ("往井盖里倒泔水"), which is the bureau's.
 */
const MANHOLE = /井盖|窨井|井口|雨水篦/u;
const FACILITY_FAULT = /缺|丢|没了|不见|翘|松|坏|破|碎|偷|塌|陷|掉|响|哐|翻|移位|不平|歪|裂|窟窿|洞/u;
/** Clause breaks, and the spaces chat messages put for them. */
const CLAUSE_OR_SPACE = /[\s。！？!?；;，,、]+/u;
const POURED_INTO = /往[^，。！？,!?]{0,8}[倒扔排泼]|[倒扔排泼](?:进|入|到|在)/u;
/**
 * A road's surface broken, or a street light out, in one clause ("马路上有个大坑", "人行道塌了一块",
 * "路灯坏了好久了"): the road department's and the facility owner's to repair (the municipal redirect
 * names both) — the model sent the hole to the police ("好危险") or to the general redirect. Not a
 * hole someone digs or the trucks that broke the road (the bureau's building sites and muck), nor
 * someone doing something beside it (`SOMEONE_DOES`: "路边有人摆摊 路面坑坑洼洼的" may tell a matter of the
 * bureau's too; left to the model).
 */
const ROAD = /马路|路上|路面|路边|人行道|街上|道路|路中间|路口/u;
const ROAD_FAULT = /大坑|有个坑|个坑|坑洼|坑坑洼洼|塌陷|塌了|陷下去|路面破|破损|不平/u;
const LIGHT_OUT = /路灯[^，。！？,!?]{0,6}(?:坏|不亮|黑|灭|闪)/u;
const DUG_OR_DRIVEN = /挖|渣土|土车|工地|施工|压坏|压烂/u;
/** Longest message the road rule reads: a letter tells more than a broken road, and is left to the model. */
const MAX_ROAD_FAULT_CHARS = 40;
/**
 * The compensation of a house expropriated ("老房子被征收，评估时把后来加盖的两间算成违法建筑不给
 * 钱…还能争取补偿吗"): the expropriation department's (the housing redirect), even where the
 * evaluation called a part of the house illegal. A demolition order for an illegal building
 * without expropriation ("街道发通知说要我们十五天内自己拆掉…能不能要求补偿") stays the bureau's.
 */
const EXPROPRIATION = /征收|征用/u;
const COMPENSATION = /补偿|评估|复核/u;
/** Building in a rush before demolition to be paid more ("等拆迁时多要补偿"): an illegal building reported, the bureau's. */
const RUSH_BUILT = /抢建|抢搭|抢盖|抢种|加盖[^。！？!?]{0,12}出租/u;

/**
 * Water from a neighbour's home ("楼上阳台的花盆往下滴水 滴到我晾的衣服上", "楼上卫生间漏水 渗到我家
 * 天花板了"): for the neighbours to settle, with the 物业 and mediation (the neighbour redirect),
 * whatever clothes, balcony or flower pot the text also names. An air conditioner's drip is left
 * to the model.
 */
const NEIGHBOUR_WATER = /(?:楼上|隔壁|邻居|上一层|上层住户)[^。！？!?]{0,16}(?:漏水|渗水|滴水|往下滴|水滴|渗到|泡了)/u;
const NOT_A_HOME_LEAK = /空调/u;
/**
 * How an owners' committee is chosen or removed ("业主们想罢免他，请问罢免业委会主任要走什么程序"):
 * the street office and the housing department guide it (the housing redirect), whatever the
 * committee's chair built on the roof. Asked, not told: "业委会主任在顶楼加盖了一间房 能举报吗" stays
 * an illegal building.
 */
const OWNERS_COMMITTEE = /业委会|业主委员会|业主大会/u;
/**
 * A buyer's claim on the seller, the agent or the developer ("前房东在露台搭了阳光房，中介一个字都
 * 没提，现在收到通知要拆，请问我能找中介和前房东赔钱吗"), asked: a civil claim under the sale
 * contract, the housing redirect's (协商, 住建部门, 法院), not how an illegal building is dealt with.
 */
const SELLER = /中介|前房东|原房东|原房主|前房主|卖家|卖房的|开发商/u;
const CLAIM = /赔|退|索赔|追责|起诉|负责/u;
/**
 * A dispute over a plot of land between villagers or kin ("宅基地被堂哥占了一半去盖房子…我该去法院
 * 起诉吗", "宅基地边上种了几棵杉树…这树归谁，村里能调解吗"): for the village, the township and the
 * court — the general redirect (12345, 12348) — not the bureau's building permits or trees.
 */
const LAND = /宅基地|地界|承包地|自留地/u;
const LAND_DISPUTE = /起诉|法院|调解|归谁|纠纷|打官司|律师|占了?[^，。！？,!?]{0,4}(?:一半|一块|地)/u;
const COMMITTEE_AFFAIRS = /罢免|选举|换届|改选|成立|备案|投票|辞职|任期/u;

/**
 * A dog walked off the lead ("小区里好多人遛狗不拴绳，我家伢被吓哭了"): dog keeping, the public
 * security organs' and the community's (the pet redirect names 遛狗不牵绳 and 12345), not the
 * littering answer the model gave it for 遛狗. A dog's mess left in the street stays with the
 * model (city appearance, or the pet redirect for one's own dog).
 */
const DOG = /狗|犬|泰迪|金毛|柯基|二哈|哈士奇/u;
const OFF_LEAD = /(?:不|没有?|冇得?|从来不)(?:拴|栓|牵|系)(?:绳|狗绳|链子)?|(?:拴|栓|牵|系)(?:个|根)?(?:绳|狗绳|链子)|狗绳|狗链|散养|放养|乱跑/u;
const DOG_MESS = /屎|粪|便便|尿/u;
const PET_INTENT = `${OUT_OF_SCOPE_TOPIC}.pet_injury`;

const LABOR_INTENT = `${OUT_OF_SCOPE_TOPIC}.labor`;
const POLICE_MATTER_INTENT = `${OUT_OF_SCOPE_TOPIC}.police`;
const MUNICIPAL_INTENT = `${OUT_OF_SCOPE_TOPIC}.municipal`;
const HOUSING_INTENT = `${OUT_OF_SCOPE_TOPIC}.housing`;

/** The redirect of another's matter the text tells of (wages, a fight or a theft, a manhole cover, a broken road or street light, an expropriation's compensation, a neighbour's water, a dog off the lead, an owners' committee's affairs, a buyer's claim on the seller, a land dispute); undefined otherwise. */
export function othersMatterOf(normalized: string): string | undefined {
  if (WAGES.test(normalized) && WAGES_OWED.test(normalized) && !ONLY_A_FEAR.test(normalized) && !OWED_TO_OTHERS.test(normalized)) return LABOR_INTENT;
  if ((FIGHT_OR_THEFT.test(normalized) || (THIEVES_ABOUT.test(normalized) && !BUREAU_MATTER.test(normalized))) && !OFFICERS_NAMED.test(normalized) && !PUBLIC_FACILITY.test(normalized)) return POLICE_MATTER_INTENT;
  const clauses = normalized.split(CLAUSE_OR_SPACE);
  if (clauses.some((c) => MANHOLE.test(c) && FACILITY_FAULT.test(c)) && !POURED_INTO.test(normalized)) return MUNICIPAL_INTENT;
  if (characters(normalized) <= MAX_ROAD_FAULT_CHARS && clauses.some((c) => (ROAD.test(c) && ROAD_FAULT.test(c)) || LIGHT_OUT.test(c)) && !DUG_OR_DRIVEN.test(normalized) && !SOMEONE_DOES.test(normalized)) return MUNICIPAL_INTENT;
  // Its questions, split once; what it asks is them, or the whole text when it asks nothing.
  const questions = questionSentences(normalized);
  const asked = askedSentences(normalized, questions);
  // The compensation asked about (its questions, or the whole text when it asks nothing).
  if (EXPROPRIATION.test(normalized) && asked.some((q) => COMPENSATION.test(q)) && !RUSH_BUILT.test(normalized)) return HOUSING_INTENT;
  if (NEIGHBOUR_WATER.test(normalized) && !NOT_A_HOME_LEAK.test(normalized)) return NEIGHBOR_INTENT;
  if (DOG.test(normalized) && OFF_LEAD.test(normalized) && !DOG_MESS.test(normalized)) return PET_INTENT;
  // Asked, not told: a letter that asks nothing ("业委会没成立解决不了…完全不作为") is not asking about these.
  if (questions.some((q) => OWNERS_COMMITTEE.test(q) && COMMITTEE_AFFAIRS.test(q))) return HOUSING_INTENT;
  if (questions.some((q) => SELLER.test(q) && CLAIM.test(q))) return HOUSING_INTENT;
  // A dispute over land told without a question is still one ("宅基地跟隔壁扯皮…村里调解了两回").
  if (LAND.test(normalized) && asked.some((q) => LAND_DISPUTE.test(q))) return GENERAL_REDIRECT;
  return undefined;
}

/**
 * A sentence that brings up a matter in passing ("顺便问一下，这条路上的井盖松动了找谁修？", "另外…"):
 * another's matter told there does not take the letter's own away from it.
 */
const IN_PASSING = /^\s*(?:顺便|另外|对了|再问|还想问|还有个事|还有一件事)/u;

/** The text without its sentences that bring a matter up in passing (`IN_PASSING`); the whole text when every sentence does. */
export function withoutAsides(normalized: string): string {
  const all = sentences(normalized);
  const kept = all.filter((s) => !IN_PASSING.test(s));
  return kept.length === 0 || kept.length === all.length ? normalized : kept.join('');
}

/** The ranking with every bureau topic's scores moved to the redirect of another's matter the text tells of (`othersMatterOf`), not in passing. */
export function withOthersMatterScope(ranking: IntentScore[], normalized: string): IntentScore[] {
  const target = othersMatterOf(withoutAsides(normalized));
  if (!target) return ranking;
  // A broken road or light is the road department's whatever danger it poses: the police's redirect ("好危险") moves too.
  if (target === MUNICIPAL_INTENT) return movedWhere(ranking, (s) => s.topic !== CHITCHAT_TOPIC, target);
  const bureau = new Set(ranking.map((s) => s.topic).filter((t) => t !== OUT_OF_SCOPE_TOPIC && t !== CHITCHAT_TOPIC));
  return movedTo(ranking, bureau, target);
}

/**
 * A place of entertainment heard ("KTV太吵了", "楼下酒吧吵到半夜", "麻将馆天天吵到凌晨"): its manager's
 * duty to keep the noise down (噪声污染防治法 第六十四条, the noise topic's entertainment answer).
 * The model read "KTV太吵了" as a neighbour's household noise (0.25) or the police's (0.24) and
 * declined it; their redirects' scores go to that answer. Not when the text tells of a fight or a
 * theft (the police's).
 */
const VENUE = /KTV|歌厅|歌舞厅|卡拉OK|K歌房|酒吧|清吧|迪厅|夜店|麻将馆|棋牌室/iu;
const ENTERTAINMENT_INTENT = `${NOISE_TOPIC}.entertainment`;
const GENERAL_POLICE_INTENT = `${OUT_OF_SCOPE_TOPIC}.police`;

/** True when the text tells of a place of entertainment heard (`VENUE` with `HEARD`), and of no fight or theft. */
export function tellsOfVenueNoise(normalized: string): boolean {
  return VENUE.test(normalized) && HEARD.test(normalized) && !FIGHT_OR_THEFT.test(normalized);
}

/** The ranking with the neighbour's and the police's redirects' scores moved to the entertainment-noise answer (`tellsOfVenueNoise`). */
export function withVenueScope(ranking: IntentScore[], normalized: string): IntentScore[] {
  return tellsOfVenueNoise(normalized) ? movedWhere(ranking, (s) => s.intent === NEIGHBOR_INTENT || s.intent === GENERAL_POLICE_INTENT, ENTERTAINMENT_INTENT) : ranking;
}

/**
 * Goods taken by the bureau, told as such ("城管把我摊子收了", "执法的把我三轮车拖走了"): how to get
 * them back (the seized-goods answer), not how to complain of the officers — the model read 城管
 * with 把我… as conduct (0.66 for the first, answered without a word of the text for it). Not
 * when the text tells of misconduct anywhere (a blow, abuse, a bribe: `tellsOfMisconduct`).
 */
const GOODS_TAKEN = /(?:城管|执法|协管|队员)[^，。！？,!?]{0,6}把(?:我|我们|我家|俺)的?[^，。！？,!?]{0,8}?(?:收|拿|扣|拖|搬|抬|没收|缴)(?:走|了|去)/u;
const RETRIEVE_INTENT = 'seized_items.retrieve';

/** True when the text tells of the citizen's goods taken by officers (`GOODS_TAKEN`), and of no misconduct. */
export function tellsOfGoodsTaken(normalized: string): boolean {
  return GOODS_TAKEN.test(normalized) && !complainsOfConduct(normalized) && !tellsOfMisconduct(normalized);
}

/**
 * Whether the bureau may seize, asked ("城管有没有权力扣车", "城管能扣我的车吗", "执法队凭什么收我的秤"):
 * the seized-goods answer, which says what the law lets it seize and how (行政强制法's 扣押). The first
 * was declined: 扣车 is a word of the traffic police's. Only a short question that names the bureau,
 * and not the police. Towing (拖车) is the parking topic's, which asks which vehicle (real-kb.test.ts);
 * money or points taken ("城管为什么收我的摊位费", "能扣分吗") are no seizure.
 */
const MAY_SEIZE = /(?:城管|执法队|执法局|执法人员|综合执法)[^，。！？,!?]{0,4}?(?:有没有权力?|有权力?|有没有资格|能不能|可不可以|可以|能|凭什么|为什么|有什么权力?)[^，。！？,!?]{0,3}?(?:扣押|暂扣|扣|没收|收(?:走|了|掉)?)(?![^，。！？,!?]{0,6}(?:钱|费|税|罚款|分))/u;
const MAX_MAY_SEIZE_CHARS = 30;

/** True when a short question asks whether (or by what right) the bureau may seize (`MAY_SEIZE`), the police unnamed. */
export function asksBureauMaySeize(normalized: string): boolean {
  return characters(normalized) <= MAX_MAY_SEIZE_CHARS && MAY_SEIZE.test(normalized) && !POLICE.test(normalized);
}

/** The ranking with the conduct topic's scores (and, asked whether the bureau may seize, "not ours") moved to the seized-goods answer on getting them back (`tellsOfGoodsTaken`, `asksBureauMaySeize`). */
export function withGoodsTakenScope(ranking: IntentScore[], normalized: string): IntentScore[] {
  // Asked whether it may: "not ours" (扣车, the traffic police's word) and conduct move to that answer too.
  if (asksBureauMaySeize(normalized) && !tellsOfMisconduct(normalized)) return movedWhere(ranking, (s) => s.topic === CONDUCT_TOPIC || s.topic === OUT_OF_SCOPE_TOPIC, RETRIEVE_INTENT);
  return tellsOfGoodsTaken(normalized) ? movedWhere(ranking, (s) => s.topic === CONDUCT_TOPIC, RETRIEVE_INTENT) : ranking;
}

/**
 * Paying a fine, in a short message of its own ("我收了张罚款单 两千块 要去哪里交", "罚了两千 去哪里交",
 * "能不能手机上交罚款"): the general fines answer (how, where and by when to pay), not another
 * department's bill — the model read 两千块 … 去哪里交 as a utility bill or social insurance, which
 * is how people ask where to pay those. Only "not ours" moves, and not when the fine may be another
 * department's (the police named at all, a motor vehicle, a ticket on a windscreen, a traffic penalty:
 * `otherAgencyOf`) or the money is another's due (社保, 税, 物业费 …).
 */
const FINE_NAMED = /罚款|罚单|罚金|罚了|被罚|罚我|罚钱|处罚决定/u;
const OTHER_DUES = /社保|医保|养老保险|税|电费|水费|燃气费|气费|物业费|滞纳金|违约金|学费|话费|车险|违章/u;
/** Longest message read as asking to pay a fine (a letter tells more than that). */
const MAX_PAYING_CHARS = 40;

/** True when a short text names a fine of the bureau's and asks how, where or whether to pay it. */
export function asksToPayFine(normalized: string): boolean {
  if (characters(normalized) > MAX_PAYING_CHARS || !FINE_NAMED.test(normalized) || !asksToPay(normalized)) return false;
  if (OTHER_DUES.test(normalized) || POLICE.test(normalized) || namesOnlyMotorVehicles(normalized)) return false;
  // A ticket on a windscreen is a car's ("我的车被贴了罚单 是城管贴的还是交警贴的"), unless a bike is named.
  return !(PARKING_TICKET.test(normalized) && !NON_MOTOR.test(normalized)) && otherAgencyOf(normalized) === undefined;
}

/** The ranking with "not ours" moved to the general fines answer when the text asks to pay a fine (`asksToPayFine`). */
export function withFinePaymentScope(ranking: IntentScore[], normalized: string): IntentScore[] {
  return asksToPayFine(normalized) ? movedWhere(ranking, (s) => s.topic === OUT_OF_SCOPE_TOPIC, GENERAL_FINES_INTENT) : ranking;
}

/**
 * A waste incinerator's siting or its emissions ("垃圾焚烧厂要建在镇上 环评报告去哪里看") is the ecology
 * and environment department's (its redirect), not someone burning rubbish in the open, which the
 * burning answer is about.
 */
const INCINERATOR = /焚烧(?:厂|站|发电|炉|项目|设施)|垃圾(?:电厂|发电厂)/u;
const BURNING_INTENT = `${CITY_APPEARANCE_TOPIC}.burning`;

/** The ranking with the open-burning answer's score moved to the environment redirect when the text names an incinerator. */
export function withIncineratorScope(ranking: IntentScore[], normalized: string): IntentScore[] {
  return INCINERATOR.test(normalized) ? movedWhere(ranking, (s) => s.intent === BURNING_INTENT, ENVIRONMENT_INTENT) : ranking;
}

/**
 * Meat grilled in the street ("小区门口有人烤羊肉串 就在马路边上"): an open-air barbecue (露天烧烤), even
 * without a word for its smoke. The city-appearance answers the text has no word for (the model's
 * lean on 门口, 马路边) give their scores to the barbecue answer; litter named (竹签扔一地) keeps its own.
 */
const STREET_GRILL = /烤(?:羊肉串|肉串|串串?|羊肉|鱿鱼|鸡翅|腰子|生蚝|韭菜|玉米|鱼)|撸串/u;
const BBQ_INTENT = 'fumes_bbq.bbq';

/** The ranking with the city-appearance answers the text has no word for moved to the barbecue answer when it tells of meat grilled (`STREET_GRILL`). */
export function withStreetGrillScope(ranking: IntentScore[], normalized: string): IntentScore[] {
  return STREET_GRILL.test(normalized) ? movedWhere(ranking, (s) => s.topic === CITY_APPEARANCE_TOPIC && s.evidence === false, BBQ_INTENT) : ranking;
}

/**
 * Two answers of the city-appearance topic are about one thing each: keeping poultry (animals) and
 * open burning (fire). A text that names neither leaned on them for words they share with every
 * complaint: "楼下那条路天天被人弄得又脏又乱…" got the poultry answer for 又脏又乱, and once open
 * burning joined the topic, its answer was next. Without its thing named, such an answer's score
 * goes to the topic's best answer that needs nothing named (the street's cleaning, litter, clutter);
 * the topic's total and its evidence are as they were.
 */
const ANSWER_NEEDS: ReadonlyMap<string, RegExp> = new Map([
  [`${CITY_APPEARANCE_TOPIC}.poultry`, /鸡|鸭|鹅|兔|羊|猪|牛|鸽|禽|畜|养殖|饲养|圈养|喂养|笼/u],
  [BURNING_INTENT, /烧|焚|点火|点了|火|烟|熏|呛/u],
]);

/** The ranking with each city-appearance answer whose thing the text does not name (`ANSWER_NEEDS`) giving its score to the topic's best answer that needs nothing named. */
export function withNamedThingScope(ranking: IntentScore[], normalized: string): IntentScore[] {
  const unnamed = (s: IntentScore): boolean => ANSWER_NEEDS.get(s.intent)?.test(normalized) === false;
  const next = ranking.find((s) => s.topic === CITY_APPEARANCE_TOPIC && !ANSWER_NEEDS.has(s.intent));
  return next ? movedWhere(ranking, unnamed, next.intent, 'kept') : ranking;
}

/**
 * A tent, a stage or an arch put up for a wedding, a funeral, an opening or another event
 * ("我家要办白事 能在楼下搭个棚子吗", "结婚那天想在小区门口放个拱门 要不要报备"): a structure in a
 * street or public place for a few days, which needs the sanitation authority's consent first
 * (城市市容和环境卫生管理条例 第十四条) — not a building without planning permission, which is
 * what the model reads 搭个棚子 as, nor the registry's marriage matter. The illegal-building
 * topic and "not ours" give their scores to the temporary-setup answer; a sign, a stall or a
 * noise keeps its own.
 */
const EVENT = /白事|丧事|喜事|红白|办酒|酒席|摆酒|流水席|婚礼|婚宴|结婚|庆典|开业|周年庆|满月酒|寿宴|升学宴|灵棚|灵堂/u;
const SETUP = /棚|帐篷|台子|舞台|展台|拱门|彩门|篷布/u;
const TEMPORARY_SETUP_INTENT = `${CITY_APPEARANCE_TOPIC}.temporary_setup`;
const ILLEGAL_BUILDING_TOPIC = 'illegal_construction';

/** True when the text tells of a structure put up for an event (`EVENT`, `SETUP`). */
export function tellsOfEventSetup(normalized: string): boolean {
  return EVENT.test(normalized) && SETUP.test(normalized);
}

/** The ranking with the illegal-building topic's and "not ours"' scores moved to the temporary-setup answer when the text tells of a structure for an event. */
export function withEventSetupScope(ranking: IntentScore[], normalized: string): IntentScore[] {
  return tellsOfEventSetup(normalized) ? movedWhere(ranking, (s) => s.topic === ILLEGAL_BUILDING_TOPIC || s.topic === OUT_OF_SCOPE_TOPIC, TEMPORARY_SETUP_INTENT) : ranking;
}

/**
 * An objection to a penalty said in general words ("我对处罚有意见找谁", "对这个罚款有异议",
 * "不认可处罚决定"): how to contest it (陈述申辩, 复议, 诉讼), not how to pay. 处罚 and 罚款 are
 * every topic's words, so the text had no word of the penalty-rights topic and was declined
 * though the model ranked that topic alone; within it, the payment answer led on 罚款. The
 * topic is marked as evidenced and its answers on paying and on the spot give their share to
 * the reconsideration answer (不服处罚怎么申请复议); statements, hearings and suits keep theirs.
 * Not when the penalty may be another department's (`otherAgencyOf`, the police) or the money
 * another due (`OTHER_DUES`).
 */
const OBJECTION =
  /(?:处罚|罚款|罚单|处罚决定|决定书)[^，,。！!？?；;]{0,6}?(?:有意见|有异议|不认可|不认同|不同意|不接受|不满意?|申诉)|(?:有意见|有异议|不认可|不认同|不同意|不接受|不满意?|申诉)[^，,。！!？?；;]{0,4}?(?:处罚|罚款|罚单|处罚决定)/u;
const RECONSIDERATION_INTENT = `${PENALTY_TOPIC}.reconsideration`;
/** Penalty-rights answers that say nothing of contesting a penalty. */
const NOT_CONTESTING: ReadonlySet<string> = new Set([GENERAL_FINES_INTENT, `${PENALTY_TOPIC}.on_the_spot`, `${PENALTY_TOPIC}.decision`, `${PENALTY_TOPIC}.no_penalty`]);

/** True when the text objects to a penalty of the bureau's (`OBJECTION`), no other department or due named. */
export function objectsToPenalty(normalized: string): boolean {
  return OBJECTION.test(normalized) && !OTHER_DUES.test(normalized) && !POLICE.test(normalized) && otherAgencyOf(normalized) === undefined;
}

/** The ranking with the penalty-rights topic evidenced and its paying answers moved to reconsideration when the text objects to a penalty. */
export function withObjectionScope(ranking: IntentScore[], normalized: string): IntentScore[] {
  if (!objectsToPenalty(normalized) || !ranking.some((s) => s.topic === PENALTY_TOPIC)) return ranking;
  return withEvidenceFor(movedWhere(ranking, (s) => NOT_CONTESTING.has(s.intent), RECONSIDERATION_INTENT), PENALTY_TOPIC);
}

/**
 * A livestock farm's smell, manure or sewage ("村旁边新建了个养猪场 每天臭气熏天", "养殖场的粪水直接
 * 排到沟里"): the ecology and environment department's (its redirect names 养殖场粪污), not the
 * bureau's rule on keeping poultry in the city or its street cleaning, which the model reads such
 * letters as. Only the city-appearance topic's score moves: a farm's illegal shed or its dumped
 * waste is still the bureau's. "小区里有人养鸡" names no farm and stays.
 */
const FARM = /养(?:猪|鸡|鸭|鹅|牛|羊)场|养殖场|养殖户|养殖基地|猪场|鸡场|鸭场|牛场|羊场/u;
const FARM_POLLUTION = /臭|味|粪|污|苍蝇|蚊|排|熏/u;
const CITY_APPEARANCE_TOPICS: ReadonlySet<string> = new Set([CITY_APPEARANCE_TOPIC]);

/** True when the text tells of a livestock farm's pollution (`FARM`, `FARM_POLLUTION`). */
export function tellsOfFarmPollution(normalized: string): boolean {
  return FARM.test(normalized) && FARM_POLLUTION.test(normalized);
}

/** The ranking with the city-appearance topic's scores moved to the environment redirect when the text tells of a farm's pollution. */
export function withFarmScope(ranking: IntentScore[], normalized: string): IntentScore[] {
  return tellsOfFarmPollution(normalized) ? movedTo(ranking, CITY_APPEARANCE_TOPICS, ENVIRONMENT_INTENT) : ranking;
}

/**
 * A complaint made to another body that came to nothing ("投诉了物业好几次 一直没人处理", "在网上
 * 投诉了那家网店 一直没人处理", "12315投诉了商家 一直没回复"): where to take it further is that
 * body's department, not how to chase a work order of the bureau's hotline. The body complained
 * to (or about), by its redirect; checked only when the text names no bureau matter (brain.ts
 * progressReply).
 */
const COMPLAINED_BODIES: readonly (readonly [RegExp, string])[] = [
  [/物业|开发商|房东|中介|业委会/u, 'housing'],
  [/网店|网购|淘宝|拼多多|京东|商家|超市|店家|12315|市场监管|消协|客服/u, 'consumer'],
  [/快递/u, 'express'],
  [/派出所|警察|民警|110/u, 'police'],
  [/交警|122/u, 'traffic'],
  [/学校|老师|教育局/u, 'education'],
  [/医院|医生|卫健/u, 'medical'],
  [/燃气公司|供电|电力公司|自来水|水务/u, 'utilities'],
  [/环保|12369|生态环境/u, 'environment'],
  [/社保|人社/u, 'social_security'],
];
const COMPLAINED = '(?:投诉|举报|反映|反应|告)';
const NEAR = '[^，。！？,!?；;]{0,8}?';
/** Complained to the bureau's own channels: its work order is what to chase ("物业和社区都说让我找热线"). */
const BUREAU_CHANNEL = /12345|12319|热线|城管|市长信箱|留言板/u;
const COMPLAINED_TO: readonly (readonly [RegExp, string])[] = COMPLAINED_BODIES.map(([body, redirect]) => [
  new RegExp(`${COMPLAINED}${NEAR}(?:${body.source})|(?:${body.source})${NEAR}${COMPLAINED}`, 'u'),
  `${OUT_OF_SCOPE_TOPIC}.${redirect}`,
]);

/** The redirect for a complaint made to (or about) another body (`COMPLAINED_BODIES`), named next to the complaint; undefined otherwise. */
export function otherBodyComplainedTo(normalized: string): string | undefined {
  if (BUREAU_CHANNEL.test(normalized)) return undefined;
  return COMPLAINED_TO.find(([pattern]) => pattern.test(normalized))?.[1];
}

/**
 * Another department, by the name citizens give it (`name`), by the short name used in "找X吗"
 * (`short`, matched at the start of `WHETHER_DEPARTMENT`'s group), and the redirect that says how to
 * reach it. The gas company is left out: its repair line during a leak is the gas-safety answer's.
 */
const DEPARTMENTS: readonly { name: RegExp; short: RegExp; redirect: string }[] = [
  { name: /交警|交管|车管所/u, short: /^(?:交警|交管|车管所)/u, redirect: 'traffic' },
  { name: /派出所|公安局|公安分局|警察局/u, short: /^(?:派出所|公安|警察)/u, redirect: 'police' },
  { name: /环保局|环保部门|生态环境(?:局|部门)/u, short: /^(?:环保|生态环境)/u, redirect: 'environment' },
  { name: /住建局|住建部门|房管局|房管所|房产局|住房(?:和城乡建设|保障)?局/u, short: /^(?:住建|房管|房产|物业)/u, redirect: 'housing' },
  { name: /市场监管|市监局|工商局|工商所|消协/u, short: /^(?:市场监管|市监|工商|消协)/u, redirect: 'consumer' },
  { name: /税务/u, short: /^税务/u, redirect: 'tax' },
  { name: /劳动监察|劳动仲裁/u, short: /^劳动/u, redirect: 'labor' },
  { name: /人社局|社保局|社保中心|公积金中心/u, short: /^(?:人社|社保|公积金)/u, redirect: 'social_security' },
  { name: /医保局|医保中心/u, short: /^医保/u, redirect: 'medical' },
  { name: /卫健委|卫健局|卫生局/u, short: /^(?:卫健|卫生局)/u, redirect: 'health' },
  { name: /教育局/u, short: /^教育/u, redirect: 'education' },
  { name: /民政局|民政所/u, short: /^民政/u, redirect: 'civil_affairs' },
  { name: /消防队|消防大队|消防救援/u, short: /^消防/u, redirect: 'fire_safety' },
  { name: /供电所|供电公司|电力公司|自来水公司|水务公司|水务局/u, short: /^(?:供电|自来水|水务)/u, redirect: 'utilities' },
  { name: /邮政局|邮政管理/u, short: /^邮政/u, redirect: 'express' },
  // Buses and roads' transport side: no redirect of its own, 12345's.
  { name: /交通局|交通运输局|运管所|公交公司/u, short: /^(?:交通局|交通运输|运管|公交)/u, redirect: 'other' },
];
/**
 * The property manager named in a matter that is not ours ("物业要收钱合理吗", "物业费太贵了"): its
 * fees and services are the housing department's (the housing redirect names 物业服务、物业费), where
 * the model's words sent the first to the courier redirect (收钱) and the second to 12345's general
 * one. Those redirects' scores move to housing; not the redirects that do fit a property manager's
 * text (a neighbour's noise or leak, fire safety, water and power, appliances, roads), nor when the
 * text names another department. Short messages only: on our letters that name 物业 the rule moved
 * fitting redirects too (a neighbour's air conditioner, charging in the stairwell).
 */
const PROPERTY_MANAGER = /物业/u;
const NOT_PROPERTY_REDIRECTS: ReadonlySet<string> = new Set(['express', 'other', 'consumer', 'loan', 'online', 'telecom', 'tax'].map((r) => `${OUT_OF_SCOPE_TOPIC}.${r}`));

/** Longest message the rule reads: a letter tells enough of its matter for the model (a neighbour's air conditioner, charging in the stairwell). */
const PROPERTY_MAX_CHARS = 20;

/** True when a short text names the property manager and no other department (`DEPARTMENTS`). */
export function namesPropertyManager(normalized: string): boolean {
  return PROPERTY_MANAGER.test(normalized) && [...normalized].length <= PROPERTY_MAX_CHARS && !DEPARTMENTS.some((d) => d.name.test(normalized));
}

/** The ranking with the redirects that do not fit a property manager's matter moved to the housing redirect (`namesPropertyManager`). */
export function withPropertyScope(ranking: IntentScore[], normalized: string): IntentScore[] {
  return namesPropertyManager(normalized) ? movedWhere(ranking, (s) => NOT_PROPERTY_REDIRECTS.has(s.intent), HOUSING_INTENT) : ranking;
}

/** How to reach it: its phone, address or hours. */
const ASKS_CONTACT = /电话|号码|热线|联系方式|怎么联系|么样联系|如何联系|怎么找|在哪|地址|怎么走|几点上班|上班时间|办公时间/u;
/** Longest message read as asking how to reach a department. */
const MAX_CONTACT_CHARS = 20;

/**
 * "环保局电话多少", "那交通局电话多少", "房管局怎么联系": how to reach another department, as a whole
 * message — that department's redirect (which says where to go, or 12345), whatever came before;
 * undefined when no department is named or the bureau is. It was the hint to name the matter
 * after a redirect, or a decline that named no department.
 */
export function departmentAsked(normalized: string): string | undefined {
  if (characters(normalized) > MAX_CONTACT_CHARS || BUREAU.test(normalized)) return undefined;
  // "那是找环保吗", "要找交警是吧": whether to go to a department, by the short name people give it.
  const short = WHETHER_DEPARTMENT.exec(normalized.trim())?.[1];
  const byShort = short ? DEPARTMENTS.find((d) => d.short.test(short)) : undefined;
  if (byShort) return `${OUT_OF_SCOPE_TOPIC}.${byShort.redirect}`;
  if (!ASKS_CONTACT.test(normalized)) return undefined;
  const named = DEPARTMENTS.find((d) => d.name.test(normalized));
  return named ? `${OUT_OF_SCOPE_TOPIC}.${named.redirect}` : undefined;
}

/**
 * Whether to go to a department, as a whole message: "那是找环保吗", "要找交警是吧", "这个归房管管吧",
 * "是不是找劳动监察" — the short name in group 1. Asked after that department's redirect, it was the
 * hint to name the matter (a sure redirect ends the subject).
 */
const WHETHER_DEPARTMENT =
  /^(?:那|那么|哦|噢|好|好的)?[，, ]*(?:这个|那个|这种|那这个|那就)?(?:是不是|就是|那是|是|要|得|应该|该|只能|还是)*(?:去找|找|归|去|问|打给)([\p{Script=Han}]{2,6}?)(?:局|部门|那边|那里|所|中心|大队)?(?:管)?(?:吗|吧|是吧|对吧|对不对|不|么|冇|呢|咯|是不是|啊)[？?。.!！~]*$/u;

/**
 * What an advertisement claims ("店门口广告牌上写的全市最低价 进去根本不是这个价", "招牌上号称包治
 * 百病") is the market regulator's (广告法: false or misleading content), not where or how the
 * sign is put up, which is the bureau's: the outdoor-ads topic's score goes to the advertising
 * redirect. Its own words (宣传, 广告) alone are not a claim.
 */
const AD_CLAIM = /最低价|最便宜|虚假|夸大|不是这个价|名不副实|骗人|欺骗|误导|号称|宣称|包治/u;
const OUTDOOR_ADS_TOPICS: ReadonlySet<string> = new Set(['outdoor_ads']);
const ADVERTISING_INTENT = `${OUT_OF_SCOPE_TOPIC}.advertising`;

/** True when the text tells of what an advertisement claims (`AD_CLAIM`). */
export function tellsOfAdClaim(normalized: string): boolean {
  return AD_CLAIM.test(normalized);
}

/** The ranking with the outdoor-ads topic's scores moved to the advertising redirect when the text tells of what an advertisement claims. */
export function withAdClaimScope(ranking: IntentScore[], normalized: string): IntentScore[] {
  return tellsOfAdClaim(normalized) ? movedTo(ranking, OUTDOOR_ADS_TOPICS, ADVERTISING_INTENT) : ranking;
}

/**
 * The scores of `topics` added to the intent `target` — an out-of-scope redirect, or (the
 * which-bin rule) a bureau answer — with evidence: the text named whose matter it is. Highest
 * first; the total is unchanged.
 */
function movedTo(ranking: IntentScore[], topics: ReadonlySet<string>, target: string): IntentScore[] {
  return movedWhere(ranking, (s) => topics.has(s.topic), target);
}

/** `movedTo` for the entries `moves` picks (a topic's, or one intent's); the target's own entry is never counted twice. */
function movedWhere(ranking: IntentScore[], moves: (s: IntentScore) => boolean, target: string, evidence: 'named' | 'kept' = 'named'): IntentScore[] {
  const moving = (s: IntentScore): boolean => s.intent !== target && moves(s);
  let moved = 0;
  for (const s of ranking) if (moving(s)) moved += s.score;
  if (moved === 0) return ranking;
  const ownEntry = ranking.find((s) => s.intent === target);
  const own = ownEntry?.score ?? 0;
  // 'kept': only which answer of a topic leads changes (`withNamedThingScope`), so the target keeps its own evidence mark.
  const merged: IntentScore =
    evidence === 'kept' && ownEntry ? { ...ownEntry, score: own + moved } : { intent: target, topic: target.slice(0, target.indexOf('.')), score: own + moved, evidence: true };
  return [...ranking.filter((s) => !moving(s) && s.intent !== target), merged].sort(byScore);
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
