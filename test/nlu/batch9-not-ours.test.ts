import { describe, expect, it } from 'vitest';
import { shippedReplyTable, type ReplyCase } from '../helpers/replies.js';

/**
 * Issue 7, batch 9: other agencies' matters that borrow the bureau's words (广告, 垃圾, 噪音,
 * 执法, 罚款, 油烟, 施工 …), written by us, each misread on the data before (what it got in the
 * comment): answered with a bureau topic, asked back with bureau choices, or declined with
 * another agency's redirect. Each is now declined with the redirect naming the right agency
 * (or, for small talk, answered as small talk). Where a fault has two messages, the second is
 * a phrasing of our own that is not a training utterance. None of these lines is taken from
 * ../shared/eval.
 */
type Case = ReplyCase;

const FAULTS: Case[] = [
  // police and auxiliary police conduct: express / enforcement_conduct.complain / asked back with 执法规范 / loan
  ['派出所的辅警态度太差了还推了我一把', 'out_of_scope', 'out_of_scope.police_conduct', '12389'],
  ['交警执法的时候骂人 投诉到哪里', 'out_of_scope', 'out_of_scope.police_conduct', '督察'],
  ['辅警冇穿制服也冇亮证就要查我身份证', 'out_of_scope', 'out_of_scope.police_conduct', '12389'],
  ['警察把我手机扣了一个月不还', 'out_of_scope', 'out_of_scope.police_conduct', '12389'],
  ['民警处理纠纷偏袒对方 我要投诉他', 'out_of_scope', 'out_of_scope.police_conduct', '12389'],
  ['街上的巡逻辅警骂人还动手 么样投诉', 'out_of_scope', 'out_of_scope.police_conduct', '12389'],
  // advertising content (广告法 is the market regulator's): asked back with 户外广告, or answered as 户外广告
  ['电视上天天播保健品广告 说能治高血压 这是不是虚假广告', 'out_of_scope', 'out_of_scope.advertising', '12315'],
  ['网上广告说三天瘦十斤 买了一点用都冇得', 'out_of_scope', 'out_of_scope.advertising', '市场监管'],
  ['朋友圈刷到医美广告 说无痛无创 违不违法', 'out_of_scope', 'out_of_scope.advertising', '12315'],
  ['收音机里卖药的广告一天到晚放', 'out_of_scope', 'out_of_scope.advertising', '12315'],
  ['手机上的开屏广告关都关不掉 找谁', 'out_of_scope', 'out_of_scope.advertising', '一键关闭'],
  ['商家广告写全国第一 最好 这种违反广告法吧 谁来罚', 'out_of_scope', 'out_of_scope.advertising', '市场监管'],
  ['电视里的广告比节目还长 能投诉吗', 'out_of_scope', 'out_of_scope.advertising', '广播电视'],
  ['抖音上刷到的广告是骗人的', 'out_of_scope', 'out_of_scope.advertising', '12315'],
  ['淘宝页面上的广告夸大效果 向哪里举报', 'out_of_scope', 'out_of_scope.advertising', '12315'],
  ['广播里天天说某某医院治不孕百分百成功 可信吗', 'out_of_scope', 'out_of_scope.advertising', '12315'],
  // telephone, broadband, spam texts: hotline_report.hotline / asked back with 小广告 / the express redirect
  ['天天接到推销电话 怎么举报', 'out_of_scope', 'out_of_scope.telecom', '12321'],
  ['天天收到短信广告 推销贷款的 烦死了', 'out_of_scope', 'out_of_scope.telecom', '12321'],
  ['家里宽带老是断网 投诉哪个', 'out_of_scope', 'out_of_scope.telecom', '12300'],
  ['骚扰电话一天打好几个 么样屏蔽举报', 'out_of_scope', 'out_of_scope.telecom', '12321'],
  ['垃圾短信天天收 找谁', 'out_of_scope', 'out_of_scope.telecom', '12321'],
  // games and group chats (垃圾 as an insult, 广告 spam): asked back with 市容 / 户外广告, or the utilities redirect
  ['游戏里有人一直骂我垃圾 怎么举报他', 'out_of_scope', 'out_of_scope.online', '12377'],
  ['群里有人天天发广告刷屏 踢了又来', 'out_of_scope', 'out_of_scope.online', '群主'],
  ['网络游戏充值退不了 孩子偷偷充了几千', 'out_of_scope', 'out_of_scope.online', '退款'],
  ['打王者的时候队友骂我垃圾 能举报吗', 'out_of_scope', 'out_of_scope.online', '12377'],
  ['微信群里总有人发广告链接 怎么办', 'out_of_scope', 'out_of_scope.online', '群主'],
  // small talk with 垃圾 / 广告: asked back with 垃圾分类 / answered as 垃圾分类, 户外广告, 环境卫生
  ['你就是个垃圾机器人', 'answer', 'chitchat.feedback', '换个说法'],
  ['你真是垃圾 什么都不会', 'answer', 'chitchat.feedback', '换个说法'],
  ['垃圾助手 问了半天答非所问', 'answer', 'chitchat.feedback', '12319'],
  ['这个广告真好笑', 'answer', 'chitchat'],
  // 黑车 at the station (运管): asked back with 非机动车停放
  ['火车站门口的黑车天天拉客没人管', 'out_of_scope', 'out_of_scope.traffic', '12328'],
  ['汽车站外面好多黑摩的拉客', 'out_of_scope', 'out_of_scope.traffic', '12328'],
  // a new home's flue as designed by the developer (住建): asked back with 油烟 / the appliance redirect
  ['新房子的烟道设计有问题 一做饭油烟就倒灌 开发商不管', 'out_of_scope', 'out_of_scope.housing', '烟道'],
  ['开发商设计的公共烟道太窄 楼上家家串味', 'out_of_scope', 'out_of_scope.housing', '烟道'],
  // a factory's machines (工业噪声, 生态环境): asked back with 夜间施工
  ['隔壁化工厂晚上机器轰隆隆的噪音', 'out_of_scope', 'out_of_scope.environment', '12369'],
  ['厂房里的冲压机白天晚上咚咚响', 'out_of_scope', 'out_of_scope.environment', '12369'],
  // wages owed on a building site (人社): asked back with 工地扬尘
  ['工地的包工头拖欠我们农民工工资', 'out_of_scope', 'out_of_scope.labor', '劳动保障监察'],
  ['在工地上搬砖干了三个月 老板一分钱没给', 'out_of_scope', 'out_of_scope.labor', '劳动保障监察'],
  // medical waste (卫健): asked back with 垃圾分类
  ['诊所把用过的针头纱布混在生活垃圾里扔', 'out_of_scope', 'out_of_scope.health', '医疗废物'],
  // power installations (供电): answered as 夜间施工
  ['小区配电房的电流声好大 一晚上都在响', 'out_of_scope', 'out_of_scope.utilities', '95598'],
  // a cemetery's prices (民政): the medical-insurance redirect
  ['公墓乱收费 一个墓地要十几万', 'out_of_scope', 'out_of_scope.civil_affairs', '民政'],
  // a security guard hitting an owner (公安, 110): the family redirect
  ['物业保安动手打业主', 'out_of_scope', 'out_of_scope.police', '110'],
  // a school canteen (食品安全): the general redirect
  ['学校食堂的饭菜不干净 伢吃了拉肚子', 'out_of_scope', 'out_of_scope.consumer', '学校'],
];

/**
 * The other side: bureau matters that name another agency (交警, 派出所, 市场监管, 环保, 住建,
 * 物业, 12345) keep their bureau topic.
 */
const OURS: Case[] = [
  ['城管和交警一起来扣了我的三轮车', 'answer', 'seized_items'],
  ['打了12345转给城管没人管', 'answer', 'hotline_report'],
  ['派出所说摆摊归城管管 让我来问 路边摆摊罚多少', 'answer', 'street_vending'],
  ['市场监管说门头招牌要找城管审批 去哪里办', 'answer', 'outdoor_ads'],
  ['环保局说饭店油烟归城管 我楼下饭馆油烟熏得受不了', 'answer', 'fumes_bbq'],
  ['物业说楼顶加建要城管来拆 一直没人来', 'answer', 'illegal_construction'],
  ['交警说人行道上乱停的电动车归城管 你们管不管', 'answer', 'parking'],
  ['城管的协管员动手打人 派出所说不管', 'answer', 'enforcement_conduct'],
  ['住建局说工地夜间施工噪音找城管 晚上十二点还在打桩', 'answer', 'noise'],
  ['城管执法不亮证 还骂人', 'answer', 'enforcement_conduct'],
  ['楼道口贴满了开锁办证的小广告', 'answer', 'city_appearance'],
];

const table = shippedReplyTable();
const repliesWith = table.repliesWith;

describe('hand-found faults, batch 9: other agencies\' matters in the bureau\'s words', () => {
  it.each(FAULTS)('%s → %s %s', repliesWith, 60_000);

  it('a police-conduct redirect says how to appeal a police penalty, and sends 城管 matters back to 执法规范', async () => {
    const r = await table.brain.ask('派出所的辅警态度太差了还推了我一把', { channel: 'private' });
    expect(r.reply).toMatch(/行政复议|行政诉讼/);
    expect(r.reply).toContain('执法规范');
    expect(r.citations).toEqual([]);
  }, 60_000);

  it('the advertising redirect cites 广告法 (the market regulator\'s) and still points 户外广告 to us', async () => {
    const r = await table.brain.ask('电视上天天播保健品广告 说能治高血压 这是不是虚假广告', { channel: 'private' });
    expect(r.citations.map((c) => c.law)).toContain('中华人民共和国广告法');
    expect(r.reply).toMatch(/户外广告/);
  }, 60_000);
});

describe('batch 9, the other side: bureau matters that name another agency keep their topic', () => {
  it.each(OURS)('%s → %s %s', repliesWith, 60_000);
});
