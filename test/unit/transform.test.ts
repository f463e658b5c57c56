import { describe, expect, it } from 'vitest';
import { applyTransform } from '../../main/delivery/transform.js';
import { teamcropOrder } from '../helpers/fixtures.js';

describe('JSONata transformations', () => {
  it('reshapes a parsed body into plain JSON', async () => {
    const result = await applyTransform(
      '{"order": invoice_id, "total": price_final, "who": $uppercase(billing_full_name)}',
      teamcropOrder,
    );
    expect(result).toEqual({
      ok: true,
      output: { order: 'SPIRAL-170623-1017-DC92', total: 936200, who: 'NGUYỄN THÚY LINH' },
    });
  });

  it('makes "nothing" null rather than undefined', async () => {
    expect(await applyTransform('no_such_field', teamcropOrder)).toEqual({ ok: true, output: null });
  });

  it('reports a syntax error with its position', async () => {
    const result = await applyTransform('{"a": price_final +}', teamcropOrder);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.position).toBe(20);
    expect(result.error).toMatch(/^The transformation failed \(at character 20\): /);
  });

  it('reports an error that only this event triggers', async () => {
    const result = await applyTransform('$number(invoice_id)', teamcropOrder);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/The transformation failed.*number/i);
  });
});
