import { describe, expect, it } from 'vitest';
import { renderDecline } from '../../src/render/render.js';
import { serviceNotices } from '../../src/render/notices.js';

/** The hotline lives in knowledge/_common.yaml only: every notice names what that file says, and no number of its own. */
describe('service notices and the hotline of _common.yaml', () => {
  const common = { bureau: '某区城管局', hotline: '城管热线 96310', disclaimer: '仅供参考。' };

  it('every notice names the configured hotline and carries no other number', () => {
    for (const [name, text] of Object.entries(serviceNotices(common))) {
      expect(text, name).toContain('城管热线 96310');
      expect(text.replace(common.hotline, ''), name).not.toMatch(/\d/u);
    }
  });

  it('the decline names where to ask about other matters only when _common.yaml says so', () => {
    expect(renderDecline({ ...common, otherMatters: '12345 市民服务热线' })).toContain('非城管事项可拨打12345 市民服务热线咨询');
    const without = renderDecline(common);
    expect(without).toContain('非城管事项请向相关主管部门咨询');
    expect(without.replace(common.hotline, '')).not.toMatch(/\d/u);
  });
});
