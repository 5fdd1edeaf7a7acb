import { describe, expect, it } from '@jest/globals';
import { isValidPhone, normalizePhone, parsePhone } from './phone.js';

describe('mobile numbers', () => {
  it.each([
    ['13800000000', '13800000000'],
    ['13912345678', '13912345678'],
    ['14512345678', '14512345678'],
    ['15012345678', '15012345678'],
    ['16612345678', '16612345678'],
    ['17712345678', '17712345678'],
    ['18885112345', '18885112345'],
    ['19912345678', '19912345678'],
    ['+8613800000000', '13800000000'],
    ['+86 138 0000 0000', '13800000000'],
    ['+86-138-0000-0000', '13800000000'],
    ['8613800000000', '13800000000'],
    ['008613800000000', '13800000000'],
    ['(+86) 13800000000', '13800000000'],
    ['138-0000-0000', '13800000000'],
    ['138 0000 0000', '13800000000'],
    [' 13800000000 ', '13800000000'],
    ['１３８００００００００', '13800000000'],
  ])('%p → %p', (input, expected) => {
    expect(isValidPhone(input)).toBe(true);
    expect(normalizePhone(input)).toBe(expected);
    expect(parsePhone(input)).toEqual({ kind: 'mobile', number: expected });
  });

  it.each([
    ['second digit 2', '12800000000'],
    ['second digit 1', '11800000000'],
    ['second digit 0', '10086000000'],
    ['10 digits', '1380000000'],
    ['12 digits', '138000000001'],
    ['country code 85', '+8513800000000'],
    ['country code 87', '8713800000000'],
    ['letters', '138abcd0000'],
    ['trunk 0 before a mobile', '013800000000'],
    ['mobile with an extension', '13800000000转123'],
  ])('%s: %p is rejected', (_label, input) => {
    expect(isValidPhone(input)).toBe(false);
    expect(normalizePhone(input)).toBeNull();
  });
});

describe('landline numbers', () => {
  it.each([
    ['0851-22800000', '0851-22800000'],
    ['010-12345678', '010-12345678'],
    ['02112345678', '021-12345678'],
    ['085122800000', '0851-22800000'],
    ['0851 22800000', '0851-22800000'],
    ['(0851)22800000', '0851-22800000'],
    ['（0851）22800000', '0851-22800000'],
    ['0851-2280000', '0851-2280000'],
    ['0852-2228888', '0852-2228888'],
    ['020-87654321', '020-87654321'],
    ['029-88888888', '029-88888888'],
    ['0371-66666666', '0371-66666666'],
    ['0991-1234567', '0991-1234567'],
    ['010-1234-5678', '010-12345678'],
    ['0851－22800000', '0851-22800000'],
    ['0851-22800000-123', '0851-22800000-123'],
    ['0851-22800000转123', '0851-22800000-123'],
    ['0851-22800000 转 8001', '0851-22800000-8001'],
    ['085122800000-1', '0851-22800000-1'],
    ['010-12345678-123456', '010-12345678-123456'],
    ['+86 851 22800000', '0851-22800000'],
    ['+86-10-12345678', '010-12345678'],
    ['+86 0851 22800000', '0851-22800000'],
    ['0086 21 12345678', '021-12345678'],
  ])('%p → %p', (input, expected) => {
    expect(isValidPhone(input)).toBe(true);
    expect(normalizePhone(input)).toBe(expected);
  });

  it('splits area code, number and extension', () => {
    expect(parsePhone('0851-22800000转123')).toEqual({
      kind: 'landline',
      areaCode: '0851',
      number: '22800000',
      extension: '123',
    });
    expect(parsePhone('02112345678')).toEqual({ kind: 'landline', areaCode: '021', number: '12345678' });
  });

  it.each([
    ['no area code', '22800000'],
    ['area code without trunk 0', '851-22800000'],
    ['local number of 6 digits', '0851-228000'],
    ['local number of 9 digits', '0851-228000001'],
    ['local number starting with 0', '0851-02280000'],
    ['unknown 01x area code', '0110-1234567'],
    ['00 is no area code', '00851-2280000'],
    ['extension of 7 digits', '0851-22800000-1234567'],
    ['empty extension', '0851-22800000转'],
    ['extension with letters', '0851-22800000转12a'],
    ['two 转', '0851-22800000转1转2'],
    ['service number 400', '400-800-8888'],
    ['short service number', '95588'],
    ['letters', '0851-2280abcd'],
    ['86 without + before a landline', '8685122800000'],
    ['empty', ''],
    ['spaces', '   '],
  ])('%s: %p is rejected', (_label, input) => {
    expect(isValidPhone(input)).toBe(false);
    expect(normalizePhone(input)).toBeNull();
  });

  it('rejects a non-string at runtime', () => {
    expect(isValidPhone(13800000000 as unknown as string)).toBe(false);
  });
});
