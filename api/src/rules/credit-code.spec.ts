import { describe, expect, it } from '@jest/globals';
import { CREDIT_CODE_ALPHABET, creditCodeCheckCharacter, normalizeCreditCode, validateCreditCode } from './credit-code.js';

/**
 * Independent check computation for building vectors: weights as 3^i mod 31 computed here
 * rather than copied from the module's table.
 */
function gb32100Check(body: string): string {
  const sum = [...body].reduce((acc, ch, i) => acc + CREDIT_CODE_ALPHABET.indexOf(ch) * (3 ** i % 31), 0);
  return CREDIT_CODE_ALPHABET.charAt((31 - (sum % 31)) % 31);
}

const withCheck = (body: string): string => body + gb32100Check(body);

describe('the alphabet', () => {
  it('has 31 symbols without I, O, Z, S, V', () => {
    expect(CREDIT_CODE_ALPHABET).toHaveLength(31);
    for (const banned of 'IOZSV') expect(CREDIT_CODE_ALPHABET).not.toContain(banned);
  });
});

describe('validateCreditCode: published codes', () => {
  it.each([
    '91350100M000100Y43', // the example of GB 32100-2015
    '91110000802100433B',
    '914403001922038216',
    '91110108551385082Q',
    '91440300708461136T',
    '91330100799655058B',
    '91110000100010433L',
  ])('%s is valid', (code) => {
    expect(validateCreditCode(code)).toEqual({ ok: true });
  });

  it.each([['91350100m000100y43'], [' 91350100M000100Y43 '], ['9135 0100 M000 100Y 43'], ['９１３５０１００Ｍ０００１００Ｙ４３']])(
    '%p is valid after normalisation',
    (code) => {
      expect(normalizeCreditCode(code)).toBe('91350100M000100Y43');
      expect(validateCreditCode(code)).toEqual({ ok: true });
    },
  );
});

describe('validateCreditCode: computed codes', () => {
  it.each([
    '91520381MA6DX1234',
    '52520381MJY000001',
    '12520381429000001',
    '11100000000013127',
    '31520000MD0200001',
    '93520381MA6H00001',
    '92520381MA6J1A2B3',
    'Y1520381MA6K0000Q',
    '51100000500019498',
    '81110000MC0012345',
  ])('%s + check', (body) => {
    const code = withCheck(body);
    expect(creditCodeCheckCharacter(body)).toBe(code.charAt(17));
    expect(validateCreditCode(code)).toEqual({ ok: true });
  });

  it('writes a check value of 31 as 0 and reaches every check symbol', () => {
    const seen = new Set<string>();
    for (let n = 0; n < 2000 && seen.size < 31; n++) {
      const body = `91520381MA6${String(n).padStart(6, '0')}`;
      const code = withCheck(body);
      expect(validateCreditCode(code)).toEqual({ ok: true });
      seen.add(code.charAt(17));
    }
    expect([...seen].sort().join('')).toBe([...CREDIT_CODE_ALPHABET].sort().join(''));
  });
});

describe('validateCreditCode: invalid codes', () => {
  it.each([
    ['wrong check character', '91350100M000100Y44'],
    ['wrong check letter', '91110000802100433C'],
    ['check 0 expected, other given', '914403001922038217'],
    ['two characters swapped', '91350100M000010Y43'],
    ['one character changed', '91350100N000100Y43'],
    ['computed code altered', `${withCheck('91520381MA6DX1234').slice(0, 16)}9${withCheck('91520381MA6DX1234').charAt(17)}`],
  ])('%s → checksum', (_label, code) => {
    expect(validateCreditCode(code)).toEqual({ ok: false, reason: 'checksum' });
  });

  it.each([
    ['17 characters', '91350100M000100Y4'],
    ['19 characters', '91350100M000100Y433'],
    ['letter I', '91350100I000100Y43'],
    ['letter O', '91350100O000100Y43'],
    ['letter Z', '91350100Z000100Y43'],
    ['letter S', '91350100S000100Y43'],
    ['letter V', '91350100V000100Y43'],
    ['punctuation', '91350100-M000100Y4'],
    ['Chinese text', '赤水市某超市有限公司'],
    ['empty', ''],
    ['15-digit old business licence number', '520381000012345'],
  ])('%s → format', (_label, code) => {
    expect(validateCreditCode(code)).toEqual({ ok: false, reason: 'format' });
  });

  it('answers format for a non-string at runtime', () => {
    expect(validateCreditCode(undefined as unknown as string)).toEqual({ ok: false, reason: 'format' });
  });

  it('creditCodeCheckCharacter rejects a malformed body', () => {
    expect(() => creditCodeCheckCharacter('91350100M000100Y')).toThrow(RangeError);
    expect(() => creditCodeCheckCharacter('91350100O000100Y4')).toThrow(RangeError);
  });
});
