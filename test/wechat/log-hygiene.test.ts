import { describe, expect, it } from 'vitest';

describe('log hygiene', () => {
  it('scrubs WeChat ids out of puppet error messages', async () => {
    const { scrubIds } = await import('../../src/wechat/wechaty-platform.js');
    expect(scrubIds('MockContact.load(): wxid_abc123 not exist')).toBe('MockContact.load(): [id] not exist');
    expect(scrubIds('room 12345678@chatroom gone; @@0123456789abcdef0123 left')).toBe('room [id] gone; [id] left');
    expect(scrubIds('contact cmwxwj7rw00010q7dcdsb7s7x missing')).toBe('contact [id] missing');
  });
});
