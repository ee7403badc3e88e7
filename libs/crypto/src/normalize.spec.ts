import { describe, expect, it } from 'vitest';
import { normalizeEmail, normalizeName, normalizePhone } from './normalize.js';

describe('normalizePhone', () => {
  it.each([
    ['+1 (555) 123-4567', 'US', '+15551234567'],
    ['5551234567', 'US', '+15551234567'],
    ['(555) 123-4567', 'US', '+15551234567'],
    ['1-555-123-4567', 'US', '+15551234567'],
    ['  +1.555.123.4567  ', 'US', '+15551234567'],
    ['+15551234567', 'GB', '+15551234567'],
    ['+44 20 7946 0958', 'US', '+442079460958'],
    ['020 7946 0958', 'GB', '+442079460958'],
    ['+1 555 123 4567 ext. 12', 'US', '+15551234567'],
  ])('%s (%s) -> %s', (raw, region, expected) => {
    expect(normalizePhone(raw, region)).toBe(expected);
  });

  it.each([
    ['garbage'],
    [''],
    ['   '],
    ['123'],
    ['555-1234'],
    ['5551234567abc'],
    ['call 5551234567'],
    ['+1555123456789012'],
  ])('%j -> null', (raw) => {
    expect(normalizePhone(raw, 'US')).toBeNull();
  });

  it('maps null and undefined to null', () => {
    expect(normalizePhone(null, 'US')).toBeNull();
    expect(normalizePhone(undefined, 'US')).toBeNull();
  });
});

describe('normalizeEmail', () => {
  it.each([
    ['  Jane.Doe@Example.COM ', 'jane.doe@example.com'],
    ['a+tag@sub.example.org', 'a+tag@sub.example.org'],
  ])('%j -> %s', (raw, expected) => {
    expect(normalizeEmail(raw)).toBe(expected);
  });

  it.each([
    ['jane'],
    ['jane@'],
    ['@example.com'],
    ['jane@example'],
    ['ja ne@example.com'],
    ['a@b@example.com'],
    // Control characters (issue 19): a NUL would reach Postgres (a 500) or be stored in an address.
    ['jane\u0000@example.com'],
    ['jane@exam\u0000ple.com'],
    ['jane@example.com\u0000'],
    ['ja\u0007ne@example.com'],
    ['jane@example.com\u007f'],
    [''],
    [null],
  ])('%j -> null', (raw) => {
    expect(normalizeEmail(raw)).toBeNull();
  });
});

describe('normalizeName', () => {
  it.each([
    ['  José   ÁLVAREZ ', 'jose alvarez'],
    ['Zoë\tO’Brien', 'zoe o’brien'],
    ['ＪＡＮＥ　ＤＯＥ', 'jane doe'], // full-width letters and ideographic space (NFKC)
    ['Jose\u0301 Alvarez', 'jose alvarez'], // combining accent
    ['İlker', 'ilker'],
    ['Müller', 'muller'],
  ])('%j -> %j', (raw, expected) => {
    expect(normalizeName(raw)).toBe(expected);
  });

  it('gives one form for different spellings of the same name', () => {
    expect(normalizeName('JOSÉ ÁLVAREZ')).toBe(normalizeName('jose  alvarez'));
  });

  it.each([[''], ['  \n '], [null]])('%j -> null', (raw) => {
    expect(normalizeName(raw)).toBeNull();
  });
});
