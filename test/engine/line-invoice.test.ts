import { describe, expect, it } from 'vitest';
import { post, teamcropOrder } from '../helpers/fixtures.js';
import { startServe } from '../helpers/serve-process.js';
import { tempDir } from '../helpers/temp-dir.js';

/*
 * A shopkeeper's walk: a Teamcrop order.additem row read "Thêm sản phẩm vào đơn · 3000003 · …", Teamcrop's internal
 * order id, where the shopkeeper knows the invoice number. A line is named by its order's invoice number: its own,
 * else its order's, stored earlier from the same source.
 */
const as = (type: string) => ({ 'content-type': 'application/json', 'Tc-Webhook-Event': type });
const line = (fields: Record<string, unknown>) =>
  JSON.stringify({ id: 71, sku: 'SKU-71', product_name: 'Áo dài lụa', quantity: 1, price: 509000, ...fields });

describe('an order line in the live log (real serve)', () => {
  it('is named by its order’s invoice number, not Teamcrop’s internal order id', async () => {
    const serve = await startServe(tempDir());
    const pos = await serve.posUrl();
    const other = await serve.api('createSource', { body: { name: 'Quầy 2', kind: 'teamcrop' } });
    const summaryOf = async (id: unknown) => (await serve.api('getEvent', { params: { id: String(id) } })).summary;

    const invoice = 'SPIRAL-021226-0003-AA03';
    expect(
      (await post(pos, JSON.stringify({ ...teamcropOrder, id: 3000003, invoice_id: invoice }), as('order.add'))).status,
    ).toBe(200);
    // Other orders came after it: the line still finds its own.
    for (let i = 0; i < 5; i++)
      await post(pos, JSON.stringify({ ...teamcropOrder, id: 3000100 + i, invoice_id: `OTHER-${i}` }), as('order.add'));
    const added = await post(pos, line({ order_id: 3000003 }), as('order.additem'));
    expect(await summaryOf(added.json.id)).toBe(`order.additem · ${invoice} · 509.000 ₫ · Áo dài lụa`);
    // An edited order renamed: the newest version's number.
    await post(pos, JSON.stringify({ ...teamcropOrder, id: 3000003, invoice_id: `${invoice}-B` }), as('order.edit'));
    const edited = await post(pos, line({ order_id: '3000003', quantity: 2 }), as('order.edititem'));
    expect(await summaryOf(edited.json.id)).toBe(`order.edititem · ${invoice}-B · 509.000 ₫ · Áo dài lụa`);

    // The line's own invoice number, when it carries one.
    const own = await post(pos, line({ order_id: 999, invoice_id: 'SPIRAL-021226-0004-AA04' }), as('order.additem'));
    expect(await summaryOf(own.json.id)).toBe('order.additem · SPIRAL-021226-0004-AA04 · 509.000 ₫ · Áo dài lụa');
    // No order stored (or only another source's): the id, as before, rather than a guess.
    const orphan = await post(pos, line({ order_id: 4000001 }), as('order.additem'));
    expect(await summaryOf(orphan.json.id)).toBe('order.additem · 4000001 · 509.000 ₫ · Áo dài lụa');
    const elsewhere = await post(other.ingestUrl, line({ order_id: 3000003 }), as('order.additem'));
    expect(await summaryOf(elsewhere.json.id)).toBe('order.additem · 3000003 · 509.000 ₫ · Áo dài lụa');

    // An order of 16 KB or more is read off the engine's thread, never at a line's intake: its lines keep the id.
    const large = { ...teamcropOrder, id: 3000200, invoice_id: 'LARGE-1', note: 'x'.repeat(20_000) };
    expect((await post(pos, JSON.stringify(large), as('order.add'))).status).toBe(200);
    const ofLarge = await post(pos, line({ order_id: 3000200 }), as('order.additem'));
    expect(await summaryOf(ofLarge.json.id)).toBe('order.additem · 3000200 · 509.000 ₫ · Áo dài lụa');

    // The live log lists it so, and finds it by the invoice number with its order.
    const found = await serve.api('listEvents', { query: { q: `${invoice}-B` } });
    expect(found.items.map((item) => item.type)).toEqual(['order.edititem', 'order.edit']);
    await serve.stop();
  });
});
