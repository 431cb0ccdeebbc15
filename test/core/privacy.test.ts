import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/core/logger.js';
import { hashId, redactPii } from '../../src/core/privacy.js';

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
