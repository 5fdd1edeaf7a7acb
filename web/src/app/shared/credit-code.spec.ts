import { describe, expect, it } from 'vitest';
import { checkCreditCode, creditCodeCheckChar } from './credit-code';

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** The check character from the standard's definition: weights 3^(i-1) mod 31. */
function reference(body: string): string {
  let sum = 0;
  let weight = 1;
  for (const ch of body) {
    sum += ALPHABET.indexOf(ch) * weight;
    weight = (weight * 3) % 31;
  }
  return ALPHABET[(31 - (sum % 31)) % 31];
}

describe('checkCreditCode (GB 32100), same vectors as api/src/rules/credit-code.spec.ts', () => {
  it.each(['91350100M000100Y43', '91350100m000100y43', ' 91350100M000100Y43 ', '9135 0100 M000 100Y 43', '９１３５０１００Ｍ０００１００Ｙ４３'])(
    'accepts %s',
    (code) => expect(checkCreditCode(code)).toBeNull(),
  );

  it('matches the definition for computed codes', () => {
    for (const body of ['91520381MA6DX1234', '52520381MJ0000001', '12520000429000123', '91110000802100433']) {
      expect(creditCodeCheckChar(body)).toBe(reference(body));
      expect(checkCreditCode(body + reference(body))).toBeNull();
    }
  });

  it.each([
    ['wrong check character', '91350100M000100Y44'],
    ['two characters swapped', '91350100M000010Y43'],
    ['one character changed', '91350100N000100Y43'],
  ])('%s → checksum', (_label, code) => expect(checkCreditCode(code)).toBe('checksum'));

  it.each([
    ['17 characters', '91350100M000100Y4'],
    ['letter I', '91350100I000100Y43'],
    ['letter O', '91350100O000100Y43'],
    ['letter S', '91350100S000100Y43'],
    ['letter V', '91350100V000100Y43'],
    ['letter Z', '91350100Z000100Y43'],
    ['Chinese text', '赤水市某超市有限公司'],
    ['empty', ''],
  ])('%s → format', (_label, code) => expect(checkCreditCode(code)).toBe('format'));
});
