import { describe, expect, it } from '@jest/globals';
import { maskIdNumber, normalizeResidentId, residentIdCheckCharacter, toHalfWidth, validateResidentId } from './id-number.js';

/**
 * Independent check-character computation for building vectors: ISO 7064 MOD 11-2 in its
 * recursive form (not the weight table the module uses), so a wrong weight would be caught.
 */
function iso7064Mod112(body: string): string {
  const remainder = [...body].reduce((acc, digit) => ((acc + Number(digit)) * 2) % 11, 0);
  const check = (12 - remainder) % 11;
  return check === 10 ? 'X' : String(check);
}

const withCheck = (body: string): string => body + iso7064Mod112(body);

/** A wrong check character for a body (the correct one rotated). */
function wrongCheck(body: string): string {
  const chars = '0123456789X';
  const right = iso7064Mod112(body);
  return body + chars.charAt((chars.indexOf(right) + 1) % chars.length);
}

const TODAY = '2026-11-23';
const validate = (value: string) => validateResidentId(value, { today: TODAY });

describe('validateResidentId: published valid numbers', () => {
  it.each([
    // GB 11643-1999 example (female, born 1949-12-31, Beijing 朝阳区).
    ['11010519491231002X', '1949-12-31', 'female', '110105'],
    ['11010519491231002x', '1949-12-31', 'female', '110105'],
  ])('%s', (id, birthDate, sex, regionCode) => {
    expect(validate(id)).toEqual({ ok: true, birthDate, sex, regionCode });
  });

  it('the GB 11643 example born in 1880 has a good check digit but predates 1900', () => {
    expect(residentIdCheckCharacter('44052418800101001')).toBe('4');
    expect(validate('440524188001010014')).toEqual({ ok: false, reason: 'birthdate' });
  });
});

describe('validateResidentId: computed valid numbers', () => {
  it.each([
    ['52038119900101123', '1990-01-01', 'male', '520381'],
    ['52038119851231002', '1985-12-31', 'female', '520381'],
    ['52038120000229004', '2000-02-29', 'female', '520381'],
    ['52038119000101001', '1900-01-01', 'male', '520381'],
    ['11010120261123007', '2026-11-23', 'male', '110101'],
    ['31011519700615321', '1970-06-15', 'male', '310115'],
    ['44030619880808456', '1988-08-08', 'female', '440306'],
    ['65010219961010888', '1996-10-10', 'female', '650102'],
    ['81000019751105001', '1975-11-05', 'male', '810000'],
    ['52010220160531999', '2016-05-31', 'male', '520102'],
    ['52032119400229002', '1940-02-29', 'female', '520321'],
    ['37020219591130567', '1959-11-30', 'male', '370202'],
  ])('%s + check', (body, birthDate, sex, regionCode) => {
    expect(validate(withCheck(body))).toEqual({ ok: true, birthDate, sex, regionCode });
  });

  it('covers every check character 0–9 and X', () => {
    const seen = new Set<string>();
    for (let seq = 0; seq < 200 && seen.size < 11; seq++) {
      const body = `520381199001011${String(seq).padStart(2, '0')}`;
      const id = withCheck(body);
      expect(residentIdCheckCharacter(body)).toBe(id.charAt(17));
      expect(validate(id).ok).toBe(true);
      seen.add(id.charAt(17));
    }
    expect([...seen].sort()).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'X']);
  });

  it('reads the sex from the 17th digit', () => {
    for (let digit = 0; digit <= 9; digit++) {
      const result = validate(withCheck(`5203811990010112${digit}`));
      expect(result).toMatchObject({ ok: true, sex: digit % 2 === 1 ? 'male' : 'female' });
    }
  });
});

describe('validateResidentId: invalid numbers', () => {
  it.each([
    ['wrong check digit', wrongCheck('52038119900101123')],
    ['wrong check digit (published example altered)', '110105194912310021'],
    ['X where a digit belongs', '52038119900101123X'],
    ['two digits swapped', '11010519491231020X'],
    ['one digit changed', '11010519491231003X'],
  ])('%s → checksum', (_label, id) => {
    expect(iso7064Mod112(id.slice(0, 17))).not.toBe(id.charAt(17));
    expect(validate(id)).toEqual({ ok: false, reason: 'checksum' });
  });

  it.each([
    ['17 characters', '11010519491231002'],
    ['19 characters', '11010519491231002X1'],
    ['15-digit first-generation number', '110105491231002'],
    ['letters in the body', '1101051949123100AX'],
    ['X not at the end', '1101051949X2310021'],
    ['empty', ''],
    ['spaces only', '   '],
    ['hyphens', '110105-19491231-002X'],
    ['Y as check', '11010519491231002Y'],
  ])('%s → format', (_label, id) => {
    expect(validate(id)).toEqual({ ok: false, reason: 'format' });
  });

  it.each([
    ['30 February', '52038119990230123'],
    ['29 February in a common year', '52038120230229123'],
    ['month 13', '52038119901301123'],
    ['month 00', '52038119900001123'],
    ['day 00', '52038119900100123'],
    ['day 32', '52038119900132123'],
    ['31 April', '52038119900431123'],
    ['1899', '52038118991231123'],
    ['tomorrow in China', '52038120261124123'],
    ['next year', '52038120270101123'],
    ['year 0000', '52038100000101123'],
  ])('%s → birthdate', (_label, body) => {
    expect(validate(withCheck(body))).toEqual({ ok: false, reason: 'birthdate' });
  });

  it('uses China time for "today" by default', () => {
    // Born "tomorrow" relative to a fixed clock: always in the future, whatever the real date.
    expect(validateResidentId(withCheck('52038129991231123'))).toEqual({ ok: false, reason: 'birthdate' });
    expect(validateResidentId('11010519491231002X').ok).toBe(true);
  });

  it('answers format for a non-string at runtime', () => {
    expect(validateResidentId(12345 as unknown as string)).toEqual({ ok: false, reason: 'format' });
  });
});

describe('normalizeResidentId', () => {
  it.each([
    ['11010519491231002x', '11010519491231002X'],
    [' 11010519491231002X ', '11010519491231002X'],
    ['110105 19491231 002x', '11010519491231002X'],
    ['１１０１０５１９４９１２３１００２Ｘ', '11010519491231002X'],
    ['１１０１０５１９４９１２３１００２ｘ', '11010519491231002X'],
  ])('%p → %p', (input, expected) => {
    expect(normalizeResidentId(input)).toBe(expected);
    expect(validate(input).ok).toBe(true);
  });

  it('toHalfWidth maps full-width ASCII and the ideographic space', () => {
    expect(toHalfWidth('（２０２６）\u3000ＡＢｃ－１')).toBe('(2026) ABc-1');
  });
});

describe('residentIdCheckCharacter', () => {
  it('rejects a body that is not 17 digits', () => {
    expect(() => residentIdCheckCharacter('1234')).toThrow(RangeError);
    expect(() => residentIdCheckCharacter('1101051949123100X')).toThrow(RangeError);
  });
});

describe('maskIdNumber', () => {
  it.each([
    ['11010519491231002X', '110105********002X'],
    ['520381199001011236', '520381********1236'],
    ['91350100M000100Y43', '913501********0Y43'],
    [' 91110000802100433B ', '911100********433B'],
    ['12345678901', '123456*8901'],
    ['1234567890', '**********'],
    ['123', '***'],
    ['', ''],
  ])('%p → %p', (input, expected) => {
    expect(maskIdNumber(input)).toBe(expected);
  });
});
