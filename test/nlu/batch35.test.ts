import { beforeAll, describe, expect, it } from 'vitest';
import type { Brain } from '../../src/nlu/brain.js';
import { createShippedBrain } from '../helpers/shipped-brain.js';

/**
 * Batch 35 (eighteenth session): hand-found faults from trying the bot as a citizen, with
 * messages of our own (none from ../shared/eval or our sets). Before:
 * - a vendor asking where he may sell without a fine got the fines ("我卖烤红薯的 在哪里摆摊不会被罚"
 *   → street_vending.penalty): the model read 罚 as the penalty question;
 * - "城管可以打人吗" got the answer on who may enforce (enforcement_conduct.auxiliary), nothing on
 *   what to do when hit;
 * - "城管收了我的钱不给收据" was declined ("这个问题我暂时回答不了").
 * Rules on the wording (src/nlu/acts.ts `asksPermit`, `complaintFirst`, `MISCONDUCT`); no
 * utterance was added, so no other reply moved.
 */
let brain: Brain;
beforeAll(async () => {
  brain = await createShippedBrain();
}, 300_000);

describe('a vendor asking where selling is allowed gets where, not the fines', () => {
  it.each(['我卖烤红薯的 在哪里摆摊不会被罚', '我卖烤玉米的 摆在哪儿才不会被罚款', '想摆个水果摊 摆哪里不违法'])('%s', async (text) => {
    const r = await brain.ask(text, { channel: 'private' });
    expect(r).toMatchObject({ action: 'answer', intent: 'street_vending.permit' });
    expect(r.reply).toContain('疏导点、夜市、早市或便民市场');
    expect(r.reply).toContain('《城市市容和环境卫生管理条例》第十四条');
  });

  it.each(['在路边摆摊会被罚多少', '占道经营罚多少钱'])('a question about the fine itself still gets the fines: %s', async (text) => {
    const r = await brain.ask(text, { channel: 'private' });
    expect(r).toMatchObject({ action: 'answer', intent: 'street_vending.penalty' });
  });
});

describe("officers' misconduct named gets how to complain and be protected", () => {
  it.each(['城管可以打人吗', '城管有权利打老百姓吗', '执法人员可以动手吗', '城管收了我的钱不给收据'])('%s', async (text) => {
    const r = await brain.ask(text, { channel: 'private' });
    expect(r).toMatchObject({ action: 'answer', topic: 'enforcement_conduct', intent: 'enforcement_conduct.complain' });
    expect(r.reply).toContain('文明执法');
    expect(r.reply).toContain('受伤的先报警（110）');
    expect(r.reply).toContain('《中华人民共和国行政处罚法》第七条');
  });

  it('whether they are officers at all keeps the answer on checking their papers', async () => {
    const r = await brain.ask('穿便衣的人说是城管 要收我摊位费', { channel: 'private' });
    expect(r).toMatchObject({ action: 'answer', intent: 'enforcement_conduct.identity' });
    expect(r.reply).toContain('执法证件');
  });

  it('what auxiliary staff may do keeps the auxiliary staff\'s answer', async () => {
    const r = await brain.ask('协管员能动手推人吗', { channel: 'private' });
    expect(r).toMatchObject({ action: 'answer', intent: 'enforcement_conduct.auxiliary' });
  });
});
