import { describe, expect, it } from 'vitest';
import { countSmsSegments } from './sms-segments.js';

describe('countSmsSegments', () => {
  it('fits 160 GSM-7 characters in one segment and splits longer text by 153', () => {
    expect(countSmsSegments('a'.repeat(160))).toBe(1);
    expect(countSmsSegments('a'.repeat(161))).toBe(2);
    expect(countSmsSegments('a'.repeat(306))).toBe(2);
    expect(countSmsSegments('a'.repeat(307))).toBe(3);
  });

  it('counts GSM extension characters twice', () => {
    expect(countSmsSegments('€'.repeat(80))).toBe(1);
    expect(countSmsSegments('€'.repeat(81))).toBe(2);
    expect(countSmsSegments('[]'.repeat(40))).toBe(1); // 160 septets
    expect(countSmsSegments('[]'.repeat(41))).toBe(2);
  });

  it('falls back to UCS-2 (70, then 67) for anything outside GSM-7', () => {
    expect(countSmsSegments('ü'.repeat(200))).toBe(2); // ü is GSM-7
    expect(countSmsSegments('ł'.repeat(70))).toBe(1);
    expect(countSmsSegments('ł'.repeat(71))).toBe(2);
    expect(countSmsSegments(`${'a'.repeat(60)}😀`)).toBe(1);
  });
});
