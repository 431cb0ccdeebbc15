import { describe, it } from 'vitest';
import { shippedReplyTable, type ReplyCase } from '../helpers/replies.js';

/**
 * Issue 7, batch 15: long letters as citizens post them on government message boards (领导留言板,
 * 市长信箱, 12345 工单, 网络问政): 尊敬的领导, the place and how long, earlier calls, the request
 * last, other departments named in passing. The faults were found with
 * test/nlu/data/letters15-diag.jsonl (written by us before any fix) and probes of our own; each
 * row here is our own wording, none is a training utterance, none comes from ../shared/eval.
 * The first row of a fault is the one that found it; the second is another letter of the same
 * kind written for this test. What each got before batch 15 is in the comment of its group.
 */
const FAULTS: ReplyCase[] = [
  // a garage turned into a home with a kitchen built on in front: asked back (违法建设 / …)
  [
    '尊敬的领导：我们小区车库被人改成了住人的房子，还在车库门口接出一截搭了厨房，车库前面的通道被堵死了。开发商早就走了，物业不作为。我们向12345反映，回复说属于违法建设要城管处理。请问领导什么时候能安排人来查？',
    'answer',
    'illegal_construction',
    '举报',
  ],
  [
    '领导您好，我们单元楼下的自行车库被一户人家隔开改成了卧室住人，门口还用彩钢板加搭了一间做饭的棚子，过道都堵了，物业说管不了，请问这个违建找谁查处？',
    'answer',
    'illegal_construction',
    '举报',
  ],
  // the complainant's name and number passed to the one complained about: asked back
  [
    '尊敬的局长：我之前投诉过某某工地夜间施工，结果第二天工地的人就找上门来，说是城管告诉他们是我投诉的，还威胁我。我很气愤，我的个人信息怎么会被泄露？请领导查清楚是谁泄露的，给我一个说法。',
    'answer',
    'hotline_report.anonymous',
    '保密',
  ],
  [
    '尊敬的领导：我打热线反映小区门口夜宵摊占道，第三天摊主就找到我家门口，说有人告诉他是我打的电话，还威胁我。我想知道投诉人的电话为什么会被透露出去，请领导严查并保护投诉人。',
    'answer',
    'hotline_report.anonymous',
    '保密',
  ],
  // bricks and tiles of a pulled-down old house left on the road: asked back with 乱堆乱放 first
  [
    '领导您好 我们村有人拆老屋 砖块水泥块就倒在村道边上不运走 堆了好久 雨一下泥水横流 请城管督促他们清走这些拆房垃圾',
    'answer',
    'construction_waste',
    '建筑垃圾',
  ],
  [
    '尊敬的领导：我们巷子口有户人家把旧瓦房推了准备重建，推下来的土坯、断砖和碎瓦全卸在巷子里，一个多月没动，三轮车都过不去。请问拆房子的垃圾谁负责清走？',
    'answer',
    'construction_waste',
    '建筑垃圾',
  ],
];

/**
 * The other side: bureau letters that name 征收, a garage, a bus stop or a complaint's secrecy in
 * passing keep their bureau topic (the new utterances must not take them).
 */
const OURS: ReplyCase[] = [
  [
    '尊敬的领导：我们村征收以后还没拆的几栋空房子，最近被人在院子里又加盖了铁皮棚子出租，说是等拆迁时多要补偿。请问这种抢建的违建城管管不管，能不能及时制止？',
    'answer',
    'illegal_construction',
  ],
  [
    '领导好，某某路公交站台边上每天早上有四五个早点摊推车占着候车的地方，油锅就架在站台上，等车的人只能站到马路上，请城管来清理这些占道的摊子。',
    'answer',
    'street_vending',
  ],
  [
    '尊敬的领导：我们小区地下车库入口被人倒了一大堆装修垃圾和旧瓷砖，车子进出都要绕，物业说不知道是谁倒的，请问乱倒装修垃圾城管能不能查？',
    'answer',
    'construction_waste',
  ],
];

const table = shippedReplyTable();
const repliesWith = table.repliesWith;

describe('hand-found faults, batch 15: message-board letters', () => {
  it.each(FAULTS)('%s → %s %s', repliesWith, 60_000);
});

describe('batch 15, the other side: bureau letters that name 征收, a garage or a bus stop keep their topic', () => {
  it.each(OURS)('%s → %s %s', repliesWith, 60_000);
});
