import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/core/logger.js';
import { hashId, maskSecrets, redactPii, registerSecret, stripFormatControls } from '../../src/core/privacy.js';

describe('redactPii', () => {
  it('removes phone numbers, landlines, ID-card numbers, plates and e-mail addresses', () => {
    const text = '我叫张三，电话13912345678，座机027-85551234，身份证42010619900307123X，车牌鄂A12345，邮箱zs@example.com，卡号6222021234567890123';
    const out = redactPii(text);
    for (const raw of ['13912345678', '027-85551234', '42010619900307123X', '鄂A12345', 'zs@example.com', '6222021234567890123']) expect(out).not.toContain(raw);
    expect(out).toContain('[手机号]');
    expect(out).toContain('[电话]');
    expect(out).toContain('[身份证号]');
    expect(out).toContain('[车牌]');
    expect(out).toContain('[邮箱]');
  });

  it('handles +86 and separators, and is idempotent', () => {
    const once = redactPii('请联系 +86 139-1234-5678 或 139 1234 5678');
    expect(once).not.toMatch(/\d{4}/);
    expect(redactPii(once)).toBe(once);
  });

  it('leaves our own hashed ids, hotline numbers and amounts alone', () => {
    const h = '0360837004d5f00b';
    expect(redactPii(`user ${h}`)).toBe(`user ${h}`);
    expect(redactPii('拨打12319或12345，罚款2万元以下')).toBe('拨打12319或12345，罚款2万元以下');
  });
});

describe('hashId', () => {
  it('is stable per salt, differs across salts, and does not contain the id', () => {
    expect(hashId('salt-aaaaaaaaaaaaaaaa', 'wxid_abc')).toBe(hashId('salt-aaaaaaaaaaaaaaaa', 'wxid_abc'));
    expect(hashId('salt-aaaaaaaaaaaaaaaa', 'wxid_abc')).not.toBe(hashId('salt-bbbbbbbbbbbbbbbb', 'wxid_abc'));
    expect(hashId('salt-aaaaaaaaaaaaaaaa', 'wxid_abc')).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe('logger', () => {
  it('never writes raw ids, phone numbers or ID-card numbers', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, cb) {
        lines.push(chunk.toString());
        cb();
      },
    });
    const logger = createLogger({ LOG_LEVEL: 'info', LOG_FORMAT: 'json' }, { destination: sink });
    logger.info({ userId: 'wxid_secret_1', msg2: { roomId: '123@chatroom', nickname: '张三' }, text: '我电话13912345678' }, '来自 13812345678 的消息 42010619900307123X');
    logger.warn({ err: new Error('failed for 13712345678') }, 'oops');
    await new Promise((r) => setImmediate(r));
    const out = lines.join('');
    for (const raw of ['wxid_secret_1', '123@chatroom', '张三', '13912345678', '13812345678', '13712345678', '42010619900307123X']) expect(out, raw).not.toContain(raw);
    expect(out).toContain('[redacted]');
    expect(out).toContain('[手机号]');
  });
});

describe('redactPii: the issue\'s probes', () => {
  it.each([
    ['tel13812345678', '13812345678'],
    ['13812345678abc', '13812345678'],
    ['手机138.1234.5678请回电', '138.1234.5678'],
    ['电话：一三八一二三四五六七八', '一三八一二三四五六七八'],
    ['电话 幺三八 一二三四 五六七八', '幺三八 一二三四 五六七八'],
    ['号码１３８１２３４５６７８', '１３８１２３４５６７８'],
    ['+8613812345678', '13812345678'],
    ['护照号E12345678', 'E12345678'],
    ['passport: EA1234567', 'EA1234567'],
    ['我的护照是G87654321', 'G87654321'],
    ['港澳通行证C12345678', 'C12345678'],
  ])('%s loses %s', (input, raw) => {
    const out = redactPii(input);
    expect(out).not.toContain(raw);
    expect(out).toMatch(/\[(手机号|证件号|号码)\]/u);
    expect(redactPii(out)).toBe(out);
  });

  it('keeps ordinary numbers, amounts, dates and article numbers', () => {
    for (const t of ['第一百三十二条', '2026年10月1日', '罚款一万元以上五万元以下', '拨打12319', '处5000元以上3万元以下罚款', '三十日内', '一二三四五六七八九十']) expect(redactPii(t)).toBe(t);
  });
});

describe('stripFormatControls and maskSecrets', () => {
  it('removes bidi overrides, isolates, zero-width and C0/C1 controls, keeping line breaks', () => {
    const evil = '摆摊\u202e罚多少\u2066x\u2069\u200b\u200e\u0007\u0085\n下一行';
    const out = stripFormatControls(evil);
    expect(out).toBe('摆摊罚多少x\n下一行');
    expect(redactPii(evil)).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u200b-\u200f]/u);
  });

  it('masks passwords in URLs, keyed secrets and registered secrets', () => {
    expect(maskSecrets('REDIS_URL http://:S3cretPw@host:6379')).not.toContain('S3cretPw');
    expect(maskSecrets('redis://user:p%40ss@h/0')).toBe('redis://user:***@h/0');
    expect(maskSecrets('{"token":"puppet_workpro_abcdef123456"}')).not.toContain('puppet_workpro_abcdef123456');
    registerSecret('my-very-secret-salt-value');
    expect(maskSecrets('salt is my-very-secret-salt-value!')).toBe('salt is ***!');
  });
});
