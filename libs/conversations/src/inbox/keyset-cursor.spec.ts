import { describe, expect, it } from 'vitest';
import { cursorParam, decodeCursor, encodeCursor } from './keyset-cursor.js';

describe('keyset cursor', () => {
  const position = { micros: '1764000000123456', id: '0b9c6f1e-6a43-4d0e-9a51-2f1f4f0c8e11' };

  it('round-trips a position, microseconds exact', () => {
    expect(decodeCursor(encodeCursor(position))).toEqual(position);
  });

  it('refuses garbage, other encodings and ids that are not uuids', () => {
    for (const bad of ['', 'not a cursor', '%%%', Buffer.from('12.not-a-uuid').toString('base64url')])
      expect(decodeCursor(bad)).toBeNull();
    expect(cursorParam.safeParse('zzz').success).toBe(false);
    expect(cursorParam.safeParse(encodeCursor(position)).data).toEqual(position);
  });
});
