import { describe, expect, it } from 'vitest';
import { sourceKinds } from '../../main/api/contract.js';
import { startServe } from '../helpers/serve-process.js';
import { tempDir } from '../helpers/temp-dir.js';

describe('sender catalogue (real serve process)', () => {
  it('serves every sender kind with its guide, verification defaults and event groups, to the owner only', async () => {
    const serve = await startServe(tempDir());
    try {
      const url = `${serve.runtime.adminUrl}/api/catalog/senders`;
      expect((await fetch(url)).status).toBe(401);

      const catalog = await serve.api('listSenders');
      expect(catalog.map((entry) => entry.kind)).toEqual([...sourceKinds]);
      const teamcrop = catalog.find((entry) => entry.kind === 'teamcrop')!;
      expect(teamcrop.label.en).toBe('Teamcrop POS');
      expect(teamcrop.groups.find((group) => group.id === 'orders')).toMatchObject({
        label: { en: 'Orders', vi: 'Đơn hàng' },
        events: expect.arrayContaining(['order.add', 'order.additem']) as unknown,
      });
      expect(teamcrop.groups.find((group) => group.id === 'promotions')).toEqual({
        id: 'promotions',
        label: { en: 'Promotions', vi: 'Khuyến mãi' },
        events: ['promotion.add', 'promotion.edit'],
      });
      expect(teamcrop.guide.vi).toContain('Webhook');
      // Nothing the intake keeps for itself (rules, functions) leaves the engine.
      expect(Object.keys(teamcrop).sort()).toEqual(['groups', 'guide', 'kind', 'label', 'verification']);

      // The defaults served are the ones the engine applies: a Shopify source given only its secret.
      const shopify = catalog.find((entry) => entry.kind === 'shopify')!;
      const source = await serve.api('createSource', {
        body: { name: 'Shop', kind: 'shopify', verification: { type: 'hmac', secret: 'shpss_123456' } },
      });
      expect(source.verification).toEqual({ type: 'hmac', ...shopify.verification.signature, secretSet: true });
    } finally {
      await serve.stop();
    }
  });
});
