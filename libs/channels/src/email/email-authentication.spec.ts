import { describe, expect, it } from 'vitest';
import { aligned, authenticateSender, readDkim, readSpf } from './email-authentication.js';

// The field values below are SendGrid Inbound Parse's own formats: `SPF` is one result word,
// `dkim` is `{@domain : result}` per signature, comma separated, or `none`.
describe('authenticateSender', () => {
  const patient = 'pat@gmail.com';

  it('passes on a DKIM signature of the From domain', () => {
    expect(
      authenticateSender(patient, { spf: 'pass', dkim: '{@gmail.com : pass}', envelopeFrom: patient }),
    ).toEqual({
      result: 'pass',
      alignedBy: 'dkim',
      spf: { result: 'pass', aligned: true },
      dkim: [{ result: 'pass', aligned: true }],
    });
  });

  it('finds the aligned pass among several signatures (an ESP signs too)', () => {
    const verdict = authenticateSender(patient, {
      spf: 'softfail',
      dkim: '{@sendgrid.net : pass, @gmail.com : pass}',
      envelopeFrom: 'bounces+123@sendgrid.net',
    });
    expect(verdict).toMatchObject({ result: 'pass', alignedBy: 'dkim' });
    expect(verdict.dkim).toEqual([
      { result: 'pass', aligned: false },
      { result: 'pass', aligned: true },
    ]);
  });

  it('passes on SPF only for an envelope sender aligned with the From domain', () => {
    expect(
      authenticateSender('billing@clinic.example', {
        spf: 'pass',
        dkim: 'none',
        envelopeFrom: 'bounce@mail.clinic.example',
      }),
    ).toMatchObject({ result: 'pass', alignedBy: 'spf', dkim: [] });
    // SPF passing for the attacker's own envelope sender proves nothing about the From.
    expect(
      authenticateSender(patient, { spf: 'pass', dkim: 'none', envelopeFrom: 'x@attacker.example' }),
    ).toMatchObject({ result: 'fail', alignedBy: null, spf: { result: 'pass', aligned: false } });
  });

  it('fails a forged From: SPF fail or softfail, no signature or a failing one, or a pass elsewhere', () => {
    for (const checks of [
      { spf: 'fail', dkim: 'none', envelopeFrom: patient },
      { spf: 'softfail', dkim: '{@gmail.com : fail}', envelopeFrom: patient },
      { spf: 'neutral', dkim: '{@attacker.example : pass}', envelopeFrom: patient },
      { spf: 'none', dkim: '{@mail.attacker.example : pass}', envelopeFrom: null },
      { spf: 'temperror', dkim: '{@gmail.com : temperror}', envelopeFrom: patient },
    ]) {
      expect(authenticateSender(patient, checks)).toMatchObject({ result: 'fail', alignedBy: null });
    }
  });

  it('fails closed when SendGrid sent no results', () => {
    expect(authenticateSender(patient, { spf: null, dkim: null, envelopeFrom: patient })).toEqual({
      result: 'fail',
      alignedBy: null,
      spf: { result: 'missing', aligned: true },
      dkim: [],
    });
    expect(authenticateSender(patient, { spf: '', dkim: '', envelopeFrom: '' })).toMatchObject({
      result: 'fail',
      spf: { result: 'unknown', aligned: false },
    });
  });

  it('compares internationalized domains in one form', () => {
    expect(
      authenticateSender('pat@münchen.example', {
        spf: 'fail',
        dkim: '{@xn--mnchen-3ya.example : pass}',
        envelopeFrom: null,
      }),
    ).toMatchObject({ result: 'pass', alignedBy: 'dkim' });
  });
});

describe('readSpf', () => {
  it('takes the result word, whatever its case or comment', () => {
    expect(readSpf('pass')).toBe('pass');
    expect(readSpf(' Pass ')).toBe('pass');
    expect(readSpf('softfail (domain does not designate 192.0.2.1)')).toBe('softfail');
    expect(readSpf('permerror')).toBe('permerror');
    expect(readSpf('passed')).toBe('unknown');
    expect(readSpf('pass'.padEnd(300, ' '))).toBe('unknown');
  });
});

describe('readDkim', () => {
  it("reads SendGrid's dkim field", () => {
    expect(readDkim('{@gmail.com : pass}')).toEqual([{ domain: 'gmail.com', result: 'pass' }]);
    expect(readDkim('{@a.example : pass, @B.Example. : fail}')).toEqual([
      { domain: 'a.example', result: 'pass' },
      { domain: 'b.example', result: 'fail' },
    ]);
    expect(readDkim('{user@a.example : neutral (no key)}')).toEqual([
      { domain: 'a.example', result: 'neutral' },
    ]);
    expect(readDkim('none')).toEqual([]);
    expect(readDkim('')).toEqual([]);
    expect(readDkim(null)).toEqual([]);
    expect(readDkim('{garbage}')).toEqual([]);
  });

  it('reads a field of the largest size in linear time, and nothing of a larger one', () => {
    const hostile = `{@${'a'.repeat(8_000)} : pass}`;
    const started = performance.now();
    expect(readDkim(hostile)).toHaveLength(1);
    expect(readDkim(' ,:@'.repeat(2_000))).toEqual([]);
    expect(readDkim(`{${'@x.example : pass, '.repeat(1_000)}}`)).toHaveLength(0);
    expect(performance.now() - started).toBeLessThan(100);
  });
});

describe('aligned', () => {
  it('is the same domain or a parent with two labels or more', () => {
    expect(aligned('example.org', 'example.org')).toBe(true);
    expect(aligned('mail.example.org', 'example.org')).toBe(true);
    expect(aligned('example.org', 'mail.example.org')).toBe(true);
    expect(aligned('example.org', 'badexample.org')).toBe(false);
    expect(aligned('org', 'example.org')).toBe(false);
    expect(aligned('attacker.co.uk', 'victim.co.uk')).toBe(false);
    expect(aligned('', 'example.org')).toBe(false);
  });
});
