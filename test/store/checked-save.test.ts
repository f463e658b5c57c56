import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { DestinationCreate } from '../../main/api/contract.js';
import { CheckedExpressions } from '../../main/delivery/checked-expressions.js';
import { kindNamed } from '../../main/delivery/kinds/index.js';
import { createSecretBox } from '../../main/secrets/secret-box.js';
import { openDatabase } from '../../main/store/database.js';
import { DestinationStore } from '../../main/store/destinations.js';
import { tempDir } from '../helpers/temp-dir.js';

/** JSONata in the engine: any call is a compile on the engine's thread, which a save must never make. */
const compiled = vi.hoisted(() => [] as string[]);
vi.mock('jsonata', () => ({
  default: (expression: string) => {
    compiled.push(expression);
    throw new Error('compiled on the engine’s thread');
  },
}));

const store = () =>
  new DestinationStore(
    openDatabase(join(tempDir('hookferry-importcheck'), 'hookferry.db')),
    createSecretBox(randomBytes(32)),
    kindNamed,
    () => {},
  );
const input = (transform: string) =>
  DestinationCreate.parse({ name: 'Shop CRM', url: 'http://127.0.0.1:19373/hook', settings: { transform } });
const refusalOf = (save: () => unknown) => {
  try {
    save();
  } catch (error) {
    return error;
  }
  throw new Error('the save was not refused');
};

describe('a destination’s expressions on save (real SQLite)', () => {
  it('takes the mistake from what the transformation process answered, and never compiles an expression itself', () => {
    const destinations = store();
    const mistake = {
      text: 'The transformation has a mistake (at character 9): Expected ")". Fix it before saving.',
      reason: 'transformAt' as const,
      params: { position: 9, message: 'Expected ")"' },
    };
    const answered = new CheckedExpressions(new Map([['$sum(a', mistake]]));
    expect(refusalOf(() => destinations.create(input('$sum(a'), { checked: answered }))).toMatchObject({
      issues: [expect.objectContaining({ path: ['settings', 'transform'], message: mistake.text })],
    });
    // Nobody checked it: refused with a sentence, where the engine compiled it.
    expect(refusalOf(() => destinations.create(input('a.b'), { checked: new CheckedExpressions() }))).toMatchObject({
      issues: [
        expect.objectContaining({
          path: ['settings', 'transform'],
          message: 'Hookferry did not get to check this transformation, so nothing was saved. Save again.',
          params: { reason: 'transformUnchecked' },
        }),
      ],
    });
    expect(compiled).toEqual([]);
  });

  it('does not check a stored expression again when an update leaves it as it is (pausing waits on nothing)', () => {
    const destinations = store();
    const made = destinations.create(input('a.b'), { checked: new CheckedExpressions(new Map([['a.b', null]])) });
    const paused = destinations.update(made.id, { paused: true }, { checked: new CheckedExpressions() });
    expect(paused).toMatchObject({ paused: true, settings: { transform: 'a.b' } });
    expect(
      refusalOf(() =>
        destinations.update(made.id, { settings: { transform: 'a.c' } }, { checked: new CheckedExpressions() }),
      ),
    ).toMatchObject({
      issues: [expect.objectContaining({ params: { reason: 'transformUnchecked' } })],
    });
    expect(compiled).toEqual([]);
  });
});
