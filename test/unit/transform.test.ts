import { describe, expect, it } from 'vitest';
import { nodeChildOptions } from '../../main/lib/node-child.js';
import { applyTransform, expressionProblem } from '../../main/delivery/transform.js';
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

  it('fails on "nothing" (a field the body does not have) with a sentence, and keeps a null written on purpose', async () => {
    expect(await applyTransform('no_such_field', teamcropOrder)).toMatchObject({
      ok: false,
      position: null,
      reason: { code: 'delivery.transformGivesNothing', params: {} },
      error: expect.stringMatching(/^The transformation gave nothing for this event/),
    });
    expect(await applyTransform('null', teamcropOrder)).toEqual({ ok: true, output: null });
  });

  it('fails on an empty {}, [] or text of only spaces (every field it names missing from this event), and keeps a partly filled one', async () => {
    const wooOrder = { id: 1043, number: '1043', total: '250000.00', billing: { first_name: 'Lan' } };
    for (const expression of [
      '{"don": invoice_id, "tong": price_final, "khach": billing_full_name}',
      '[line_items.sku]',
      '{}',
      '""',
      '"  "',
      'billing_first_name & " " & billing_last_name',
    ])
      expect(await applyTransform(expression, wooOrder), expression).toMatchObject({
        ok: false,
        position: null,
        reason: { code: 'delivery.transformGivesEmpty', params: {} },
        error: expect.stringMatching(/^The transformation made only an empty \{\} or \[\], or an empty text /),
      });
    expect(await applyTransform('{"don": invoice_id, "so": number}', wooOrder)).toEqual({
      ok: true,
      output: { so: '1043' },
    });
  });

  it('reports a syntax error with its position', async () => {
    const result = await applyTransform('{"a": price_final +}', teamcropOrder);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.position).toBe(20);
    expect(result.error).toMatch(/^The transformation failed \(at character 20\): /);
  });

  it('counts a mistake’s position from 1, at the start of what is wrong, the same when checking and when running', async () => {
    const cases: [string, number][] = [
      ['a + foo bar', 9], // JSONata points past `bar` (11)
      ['"abc" "defg"', 7], // a string starts at its quote
      ['{"a": }', 7],
      ['{ "order": invoice_id', 22], // what is missing goes right after the end
      ['{ "order": invoice_id   \n', 22], // whatever spaces follow
      ['  $number("x")', 3], // a call starts at its $ (found only when it runs)
      ['$sqrt(-1)', 1],
      ['x + 1', 3],
    ];
    for (const [expression, position] of cases) {
      const result = await applyTransform(expression, { x: 'text' });
      expect([expression, result]).toEqual([expression, expect.objectContaining({ ok: false, position })]);
      const problem = expressionProblem(expression);
      if (problem) expect([expression, problem.params.position]).toEqual([expression, position]);
    }
  });

  it('says the line and the column of a mistake in an expression of several lines, the same when checking and running', async () => {
    const expression = '{\n  "order": invoice_id,\n  "total": price_final +\n}';
    const result = await applyTransform(expression, teamcropOrder);
    expect(result).toMatchObject({
      ok: false,
      error: 'The transformation failed (at line 4, column 1): The symbol "}" cannot be used as a unary operator',
      reason: { code: 'delivery.transformFailedAtLine', params: { line: 4, column: 1 } },
    });
    expect(expressionProblem(expression)).toMatchObject({
      text: 'The transformation has a mistake (at line 4, column 1): The symbol "}" cannot be used as a unary operator. Fix it before saving.',
      reason: 'transformAtLine',
      params: { line: 4, column: 1 },
    });
  });

  it('reports an error that only this event triggers', async () => {
    const result = await applyTransform('$number(invoice_id)', teamcropOrder);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/The transformation failed.*number/i);
  });
});

describe('the transformation process', () => {
  it('is started as plain Node even from the Electron binary, with its own heap limit', () => {
    // In the desktop app the engine runs in an Electron utility process: process.execPath is Electron there.
    const options = nodeChildOptions(256, { PATH: '/usr/bin' });
    expect(options.env).toEqual({ PATH: '/usr/bin', ELECTRON_RUN_AS_NODE: '1' });
    expect(options.execArgv).toContain('--max-old-space-size=256');
    expect(options.stdio).toContain('ipc');
  });
});
