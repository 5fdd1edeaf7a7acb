import { committeePrefix, derivedPrefix, DOC_PREFIX_PATTERN, formatCommitteeNumber } from './committee-number.js';

describe('committee numbers (人民调解协议书编号)', () => {
  it.each([
    ['赤水市市中街道人民调解委员会', '市中街道'],
    ['复兴镇人民调解委员会', '复兴镇'],
    ['两河口镇人民调解委员会', '两河口镇'],
    ['两河口镇黎明村人民调解委员会', '黎明村'],
    ['天台镇天台村人民调解委员会', '天台村'],
    ['金华街道城北社区人民调解委员会', '城北社区'],
    ['市中街道河滨社区人民调解委员会', '河滨社区'],
    ['赤水市道路交通事故纠纷调解中心', '道路交通'],
    ['赤水市医疗纠纷人民调解委员会', '医疗'],
    ['赤水市建设工程纠纷人民调解委员会', '建设工程'],
    ['习水县东皇镇人民调解委员会', '东皇镇'],
    ['阳光社区人民调解委员会', '阳光社区'],
    ['赤水市人民法院诉调对接中心', '赤水市'],
    ['赤水市人民法院', '赤水市'],
    ['人民调解委员会', '人民调解'],
    ['  丙安乡调解室 ', '丙安乡'],
  ])('derives the 代字 of %s as %s', (name, prefix) => {
    expect(derivedPrefix(name)).toBe(prefix);
  });

  it("prefers the administrator's 代字", () => {
    expect(committeePrefix('赤市', '赤水市市中街道人民调解委员会')).toBe('赤市');
    expect(committeePrefix('  ', '复兴镇人民调解委员会')).toBe('复兴镇');
    expect(committeePrefix(null, '赤水市市中街道人民调解委员会')).toBe('市中街道');
    expect(committeePrefix(null, '复兴镇人民调解委员会')).toBe('复兴镇');
  });

  it('formats the number in the style shared by agreement and dossier', () => {
    expect(formatCommitteeNumber('赤市', 2026, 12)).toBe('赤市调字〔2026〕第12号');
    expect(formatCommitteeNumber('复兴', 2027, 1)).toBe('复兴调字〔2027〕第1号');
  });

  it.each([
    [2026, 0],
    [2026, -1],
    [2026, 1.5],
    [26, 1],
  ])('refuses year %s seq %s', (year, seq) => {
    expect(() => formatCommitteeNumber('赤市', year, seq)).toThrow(RangeError);
  });

  it.each([
    ['赤市', true],
    ['赤', true],
    ['赤水市人民调解', true],
    ['赤水市人民调解委员', false],
    ['赤1', false],
    ['〔赤〕', false],
    ['赤 市', false],
    ['', false],
  ])('accepts %s as a 代字: %s', (value, ok) => {
    expect(DOC_PREFIX_PATTERN.test(value)).toBe(ok);
  });
});
