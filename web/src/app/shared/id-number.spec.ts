import { describe, expect, it } from 'vitest';
import { checkResidentId, normalizeResidentId, residentIdCheckChar } from './id-number';

/** ISO 7064 MOD 11-2 in its recursive form, independent of the weight table under test. */
function iso7064Mod112(body: string): string {
  const remainder = [...body].reduce((acc, digit) => ((acc + Number(digit)) * 2) % 11, 0);
  const check = (12 - remainder) % 11;
  return check === 10 ? 'X' : String(check);
}
const withCheck = (body: string) => body + iso7064Mod112(body);
const TODAY = '2026-11-23';
const check = (id: string) => checkResidentId(id, TODAY);

describe('checkResidentId (GB 11643), same vectors as api/src/rules/id-number.spec.ts', () => {
  it.each(['11010519491231002X', '11010519491231002x', ' 110105 19491231 002X ', '１１０１０５１９４９１２３１００２Ｘ'])(
    'accepts the published example %s',
    (id) => expect(check(id)).toBeNull(),
  );

  it.each(['52038119900101123', '52038120000229004', '52038119000101001', '11010120261123007', '52032119400229002'])(
    'accepts computed %s + check',
    (body) => expect(check(withCheck(body))).toBeNull(),
  );

  it('agrees with the recursive MOD 11-2 for every check character', () => {
    const seen = new Set<string>();
    for (let seq = 0; seq < 200 && seen.size < 11; seq++) {
      const body = `520381199001011${String(seq).padStart(2, '0')}`;
      expect(residentIdCheckChar(body)).toBe(iso7064Mod112(body));
      seen.add(iso7064Mod112(body));
    }
    expect(seen.size).toBe(11);
  });

  it.each([
    ['X where a digit belongs (the contract example)', '52038119900101123X'],
    ['published example altered', '110105194912310021'],
    ['two digits swapped', '11010519491231020X'],
  ])('%s → checksum', (_label, id) => expect(check(id)).toBe('checksum'));

  it.each([
    ['17 characters', '11010519491231002'],
    ['19 characters', '11010519491231002X1'],
    ['15-digit first generation', '110105491231002'],
    ['letters in the body', '1101051949123100AX'],
    ['hyphens', '110105-19491231-002X'],
    ['empty', ''],
  ])('%s → format', (_label, id) => expect(check(id)).toBe('format'));

  it.each([
    ['30 February', '52038119990230123'],
    ['29 February in a common year', '52038120230229123'],
    ['month 13', '52038119901301123'],
    ['1899', '52038118991231123'],
    ['tomorrow in China', '52038120261124123'],
  ])('%s → birthdate', (_label, body) => expect(check(withCheck(body))).toBe('birthdate'));

  it('normalises what a clerk types', () => {
    expect(normalizeResidentId(' 11010519491231002x ')).toBe('11010519491231002X');
  });
});
