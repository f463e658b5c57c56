import { describe, expect, it } from 'vitest';
import type { StreamMessage } from '../../main/api/contract.js';
import { LiveLog } from '../../main/live/live-log.js';

describe('the live log’s frames for the stream’s readers', () => {
  it('hands every reader the same frame, written once, and none once they leave', () => {
    const live = new LiveLog();
    const frames: string[][] = [[], [], []];
    const leave = frames.map((into) => live.subscribeFrames((frame) => into.push(frame)));
    const message: StreamMessage = { type: 'changed', what: 'settings' };
    live.publish(message);
    expect(frames.map((into) => into.length)).toEqual([1, 1, 1]);
    expect(frames[0]![0]).toBe(`data: ${JSON.stringify(message)}\n\n`);
    // One string for all: before, each reader wrote the message out again (300 readers, 300 JSON.stringify calls).
    expect(new Set(frames.map((into) => into[0])).size).toBe(1);
    for (const stop of leave) stop();
    live.publish(message);
    expect(frames.map((into) => into.length)).toEqual([1, 1, 1]);
  });
});
