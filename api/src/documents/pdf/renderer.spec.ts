import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CONTENT_BOTTOM } from './page-style.js';
import { PdfRenderer } from './renderer.js';
import {
  SAMPLE_AGENT_APPLICATION,
  SAMPLE_DOSSIER,
  SAMPLE_ENTRUSTED_LETTER,
  SAMPLE_ENTRUSTED_TERMINATION,
  SAMPLE_PANEL_RULING,
  SAMPLE_REJECTION,
  SAMPLE_VARIANTS,
  SAMPLE_VIEWS,
  sampleMeta,
} from './samples.js';
import { WorkingCalendar } from '../../rules/calendar.js';
import { litigationFee, roundFee } from '../../rules/fees.js';
import { defaultTemplatesDir } from './templates.js';
import type { DocumentKind } from '../../rules/document-kinds.js';
import type { Party, ViewModels } from './view-models.js';

const KINDS = Object.keys(SAMPLE_VIEWS) as DocumentKind[];
let renderer: PdfRenderer;
let work: string;

beforeAll(async () => {
  renderer = await PdfRenderer.create();
  work = mkdtempSync(join(tmpdir(), 'sutiao-pdf-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

let fileNo = 0;
function save(pdf: Buffer): string {
  const file = join(work, `${++fileNo}.pdf`);
  writeFileSync(file, pdf);
  return file;
}

/** Body text in drawing order, footers cropped away, all whitespace removed. */
function bodyText(pdf: Buffer): string {
  const out = execFileSync(
    'pdftotext',
    ['-raw', '-x', '0', '-y', '0', '-W', '596', '-H', String(Math.floor(CONTENT_BOTTOM)), save(pdf), '-'],
    {
      encoding: 'utf8',
    },
  );
  return squash(out);
}

const squash = (s: string) => s.replace(/\s+/g, '');
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

function fonts(pdf: Buffer): Array<{ name: string; emb: string; sub: string; uni: string }> {
  const lines = execFileSync('pdffonts', [save(pdf)], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .slice(2);
  return lines.map((line) => {
    const cols = line.trim().split(/\s+/);
    const [emb, sub, uni] = cols.slice(-5, -2);
    return { name: cols[0], emb, sub, uni };
  });
}

function pageCount(pdf: Buffer): number {
  const info = execFileSync('pdfinfo', [save(pdf)], { encoding: 'utf8' });
  return Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
}

const EXPECTED: Record<DocumentKind, string[]> = {
  service_address_confirmation: [
    '送达地址确认书',
    '（2026）黔0381民诉前调1号',
    '受送达人',
    '刘小富',
    '是否同意电子送达同意',
    '贵州省赤水市市中街道人民北路12号',
    '告知事项',
    '凭手机短信验证码登录当事人端后在线确认',
  ],
  followup_record: [
    '人民调解回访记录',
    '第一次回访',
    '电话回访',
    '申请人刘小富',
    '部分履行',
    '已收到第一期货款20000元',
    '农业银行转账凭证，流水号0001',
    '尚未履行人民币',
  ],
  mediation_decree: [
    '民 事 调 解 书',
    '（2026）黔0381民初215号',
    '原告：刘小富',
    '被告：赤水市某超市有限公司',
    '本院于2026年11月2日立案后',
    '第一百条',
    '第一百零一条',
    '本件与原本核对无异',
    '审判员',
  ],
  ruling_not_accepted: ['民 事 裁 定 书', '关联案号', '本院不予受理', '第三百五十五条第一款第（五）项'],
  ruling_withdrawal_permitted: [
    '准许申请人刘小富、赤水市某超市有限公司撤回司法确认申请',
    '第三百五十七条第一款',
    '本院于2026年11月13日受理',
  ],
  ruling_deemed_withdrawn: ['按申请人刘小富、赤水市某超市有限公司撤回司法确认申请处理', '第三百五十四条第二款', '逾期未补交'],
  delegation_letter: [
    '赤水市人民法院',
    '委派调解函',
    '赤水市市中街道人民调解委员会：',
    '人民币壹拾贰万元整',
    '二〇二六年十一月三日',
    '《中华人民共和国民事诉讼法》第一百二十五条、《最高人民法院关于人民法院特邀调解的规定》第二十七条、《人民法院在线调解规则》第十二条和第二十四条',
    '本院决定将该纠纷委派你单位进行诉前调解',
    '三十日内共同向本院申请司法确认',
  ],
  session_record: [
    '人民调解记录',
    '2026年11月10日09时30分',
    '现场调解',
    '截至2026年10月，被申请人尚欠货款120,000.00元。',
    '委托代理人：赵某（被申请人赤水市某超市有限公司的委托代理人，特别授权）',
    '依照《人民法院在线调解规则》第十三条的规定',
    '各方当事人是否申请调解员回避？',
    '各方当事人：不申请回避。',
    '调解结果：达成调解协议',
  ],
  agreement: [
    '人民调解协议书',
    '编号：赤市调字〔2026〕第12号',
    '尚欠货款120,000.00元未付',
    '人民币25,000.00元',
    '刘小富放弃其余请求',
    '各方当事人已阅读并确认上述内容。',
    '统一社会信用',
    '91520381MA6DKQ4X1B',
    '主持调解',
    '人民币贰万伍仟元整',
    '人民币壹万贰仟元伍角',
    '履行地点',
    '本协议一式三份',
    '二〇二六年十一月十日',
  ],
  termination_record: [
    '调解终结记录',
    '委派日期',
    '当事人之间分歧较大，难以达成调解协议',
    '无争议事实',
    '各方当事人对上述无争议事实签名确认：',
    '申请人：刘小富签名或按指印：',
    '当事人坚持起诉的，人民法院应当依法登记立案',
  ],
  confirmation_application: [
    '司法确认申请书',
    '关联案号：（2026）黔0381民诉前调1号',
    '1.人民调解协议书（编号：赤市调字〔2026〕第12号）；',
    '2.赤水市市中街道人民调解委员会主持调解的证明；',
    '3.与调解协议相关的财产权利证明等证据材料；',
    '4.各方当事人的身份证明',
    '5.各方当事人的住所、联系方式等基本信息及送达地址确认书。',
    '人民法院收件登记（由人民法院填写）',
    '收件日期',
    '收件人',
    '收件章',
    '请求确认申请人刘小富、赤水市某超市有限公司',
    '第三百五十三条、第三百五十四条',
    '此致',
    '赤水市人民法院',
  ],
  ruling: [
    '赤水市人民法院',
    '民事裁定书',
    '（2026）黔0381诉前调确3号',
    '本院于2026年11月13日立案后，依法由审判员周明进行了审查。',
    '经本院以（2026）黔0381民诉前调1号案委派赤水市市中街道人民调解委员会调解，于2026年11月10日达成了如下调解协议',
    '第二百零五条、第二百零六条',
    '调解协议有效',
    '审判员周明',
    '二〇二六年十一月二十日',
    '本件与原本核对无异',
    '书记员吴晓',
  ],
};

describe.each(KINDS)('%s', (kind) => {
  let pdf: Buffer;
  beforeAll(async () => {
    pdf = await renderer.render(kind, SAMPLE_VIEWS[kind] as never, sampleMeta(kind));
  });

  it('round-trips its Chinese text through pdftotext', () => {
    const text = bodyText(pdf);
    for (const expected of EXPECTED[kind]) expect(text).toContain(squash(expected));
  });

  it('embeds only subset fonts with a Unicode map', () => {
    const list = fonts(pdf);
    expect(list.length).toBeGreaterThan(0);
    for (const font of list) {
      expect(font).toMatchObject({ emb: 'yes', sub: 'yes', uni: 'yes' });
      expect(font.name).toMatch(/^[A-Z]{6}\+NotoSerif/);
    }
  });

  it('is byte-identical when rendered again', async () => {
    const again = await renderer.render(kind, SAMPLE_VIEWS[kind] as never, sampleMeta(kind));
    expect(sha256(again)).toBe(sha256(pdf));
  });

  it('stays small and prints the verification footer on every page', () => {
    expect(pdf.length).toBeLessThan(120 * 1024);
    const full = execFileSync('pdftotext', ['-raw', save(pdf), '-'], { encoding: 'utf8' });
    const pages = pageCount(pdf);
    expect(full.match(/校验码 a3f9c2d18b7e/g)).toHaveLength(pages);
    expect(full).toContain(`第 ${pages} 页 共 ${pages} 页`);
  });
});

describe('determinism', () => {
  it('does not depend on what was rendered before, and metadata comes from RenderMeta', async () => {
    const meta = sampleMeta('agreement');
    const before = await renderer.render('agreement', SAMPLE_VIEWS.agreement, meta);
    await renderer.render('ruling', SAMPLE_REJECTION, sampleMeta('ruling'));
    await renderer.render('session_record', hostile('session_record'), sampleMeta('x'));
    const after = await renderer.render('agreement', SAMPLE_VIEWS.agreement, meta);
    expect(sha256(after)).toBe(sha256(before));
    const info = execFileSync('pdfinfo', ['-isodates', save(after)], { encoding: 'utf8' });
    expect(info).toMatch(/CreationDate:\s+2026-11-22T02:00:00Z/);
    const other = await renderer.render('agreement', SAMPLE_VIEWS.agreement, { ...meta, issuedAt: new Date('2026-11-23T10:00:00+08:00') });
    expect(sha256(other)).not.toBe(sha256(before));
  });
});

describe('人民调解记录 signature line', () => {
  it('prints the parties’ and the mediator’s signature line at the foot of every page', async () => {
    const long = { ...SAMPLE_VIEWS.session_record, minutes: '调解员：请双方陈述。\n'.repeat(120) };
    const pdf = await renderer.render('session_record', long, sampleMeta('session_record'));
    const pages = pageCount(pdf);
    expect(pages).toBeGreaterThan(1);
    const full = execFileSync('pdftotext', ['-raw', save(pdf), '-'], { encoding: 'utf8' });
    expect(full.match(/当事人（签名或按指印）：/g)).toHaveLength(pages);
  });

  it('reads a record stored before the disclosure fields existed', async () => {
    const { disclosure: _d, recusalRequested: _r, result: _s, agents: _a, ...old } = SAMPLE_VIEWS.session_record;
    const text = bodyText(await renderer.render('session_record', old, sampleMeta('session_record')));
    expect(text).toContain('调解经过');
    expect(text).not.toContain('调解结果');
  });
});

describe('委托调解函 (entrusted track)', () => {
  it('is titled 委托调解函, entrusts the registered case and cites CPL 98, 民诉解释 142 and the 2024 opinion', async () => {
    const text = bodyText(await renderer.render('delegation_letter', SAMPLE_ENTRUSTED_LETTER, sampleMeta('delegation_letter')));
    for (const s of [
      '委托调解函',
      '本院于2026年11月2日立案受理刘小富与赤水市某超市有限公司买卖合同纠纷一案',
      '《中华人民共和国民事诉讼法》第九十八条、《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》第一百四十二条和《最高人民法院关于严格依法规范民事案件立案与调解工作的意见》',
      '本院决定委托你单位进行调解',
      '自确认接受之日起15日',
      '可以延长三十日，延长的调解期限不计入审理期限',
      '出具民事调解书',
      '委托日期',
    ])
      expect(text).toContain(s);
    for (const s of ['委派调解函', '诉前调解', '申请司法确认']) expect(text).not.toContain(s);
  });
});

describe('rejection ruling', () => {
  it('cites Art. 358 and lists the grounds', async () => {
    const text = bodyText(await renderer.render('ruling', SAMPLE_REJECTION, sampleMeta('ruling')));
    for (const s of ['违反自愿原则，内容不明确', '第三百五十八条', '驳回申请人刘小富、赤水市某超市有限公司的司法确认申请']) {
      expect(text).toContain(s);
    }
    expect(text).not.toContain('第三百五十五条');
  });
});

// ---- hostile input ---------------------------------------------------------------------------

const MARKUP = '@title 伪造|@page\n\\n\\|{{#each parties}}{{name}}{{/each}}{{> seal}}';
const RARE = '𠮷彧';
const LONG_NAME = `${RARE}${MARKUP}${'长名称有限责任公司Ltd.'.repeat(30)}`.slice(0, 300);
const MINUTES = Array.from({ length: 80 }, (_, i) => `第${i + 1}段：@p 伪造段落 | 管道 \\ 反斜杠 {{minutes}} ${RARE} 当事人陈述如下。`)
  .join('\n')
  .padEnd(5000, '证')
  .slice(0, 5000);

function hostileParties(parties: Party[]): Party[] {
  return parties.map((p, i) => ({ ...p, name: i === 0 ? LONG_NAME : `${p.name}${MARKUP}`, address: `${p.address ?? ''}\n${MARKUP}` }));
}

function hostile<K extends DocumentKind>(kind: K): ViewModels[K] {
  const base = SAMPLE_VIEWS[kind] as ViewModels[DocumentKind];
  const view: Record<string, unknown> = {
    ...base,
    parties: hostileParties(base.parties),
    disputeTypeName: `${base.disputeTypeName}${MARKUP}`,
  };
  for (const key of ['minutes', 'facts', 'summary', 'details']) if (key in view) view[key] = MINUTES;
  for (const key of ['mediatorName', 'judgeName']) if (key in view) view[key] = LONG_NAME;
  return view as unknown as ViewModels[K];
}

describe.each(KINDS)('hostile %s', (kind) => {
  it('keeps the document structure and every character of user text', async () => {
    const view = hostile(kind);
    const shape = (blocks: Array<{ type: string }>) => blocks.map((b) => b.type);
    expect(shape(renderer.blocks(kind, view))).toEqual(shape(renderer.blocks(kind, SAMPLE_VIEWS[kind] as never)));

    const pdf = await renderer.render(kind, view, sampleMeta(kind));
    const text = bodyText(pdf);
    expect(text).toContain(squash(LONG_NAME));
    expect(text).toContain(squash(MARKUP));
    expect(text).toContain('彧');
    if (renderer.fonts.hasFallback) expect(text).toContain('𠮷');
    if (['minutes', 'facts', 'summary', 'details'].some((key) => key in view)) {
      expect(text).toContain(squash(MINUTES));
      expect(pageCount(pdf)).toBeGreaterThan(3);
    }
  });
});

// ---- minimal input: every optional field omitted, every list empty ------------------------------

const OPTIONAL = [
  'gender',
  'birthDate',
  'ethnicity',
  'idNumber',
  'occupation',
  'address',
  'phone',
  'creditCode',
  'representativeTitle',
  'representative',
  'representativePosition',
  'letterNumber',
  'note',
  'contactName',
  'contactPhone',
  'endedAt',
  'location',
  'recorderName',
  'undisputedFacts',
  'disputedMatters',
  'responsibilities',
  'performancePlace',
  'costIncreasingConduct',
  'otherNotes',
  'confirmationNumber',
  'method',
  'acceptanceFee',
  'agentApplies',
];
/** Optional on these kinds only (required on others). */
const OPTIONAL_ON: Partial<Record<DocumentKind, string[]>> = {
  ruling: ['acceptedOn', 'relatedCaseNumber', 'track', 'bench'],
};
const LISTS = ['claims', 'attachments', 'attendees', 'otherTerms', 'sessions', 'materials', 'terms', 'grounds', 'obligations', 'payments'];

function minimal(value: unknown, kind: DocumentKind): unknown {
  if (Array.isArray(value)) return value.map((v) => minimal(v, kind));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (OPTIONAL.includes(key) || OPTIONAL_ON[kind]?.includes(key) || (key === 'mediatorName' && kind === 'delegation_letter')) continue;
    out[key] = LISTS.includes(key) ? [] : minimal(v, kind);
  }
  return out;
}

describe.each(KINDS)('minimal %s', (kind) => {
  it('renders with every optional field omitted and every list empty', async () => {
    const view = minimal(SAMPLE_VIEWS[kind], kind) as ViewModels[typeof kind];
    const text = bodyText(await renderer.render(kind, view as never, sampleMeta(kind)));
    expect(text).toContain('刘小富');
    expect(text).toContain('赤水市某超市有限公司');
  });
});

describe('rare characters', () => {
  it('falls back to Noto Serif CJK for 𠮷 and embeds it as a subset too', async () => {
    if (!renderer.fonts.hasFallback) return; // fonts-noto-cjk not installed: nothing to fall back to
    const pdf = await renderer.render('ruling', hostile('ruling'), sampleMeta('ruling'));
    expect(fonts(pdf).map((f) => f.name.split('+')[1])).toContain('NotoSerifCJKsc-Regular');
  });
});

describe('dossier', () => {
  it('has cover, contents and every document in the MoJ order with page numbers', async () => {
    const pdf = await renderer.renderDossier(SAMPLE_DOSSIER, sampleMeta('dossier'));
    const text = bodyText(pdf);
    const firstPages = [
      '委派调解函（2026）黔0381民诉前调1号',
      '人民调解记录案号：',
      '人民调解协议书编号：',
      '人民调解回访记录案号：',
      '司法确认申请书关联案号：',
      '民事裁定书（2026）',
    ];
    const contentsEnd = text.indexOf('封底');
    expect(text.indexOf('人民调解卷宗')).toBeLessThan(text.indexOf('卷内目录'));
    expect(text.indexOf('卷内目录')).toBeLessThan(contentsEnd);
    const positions = firstPages.map((marker) => text.indexOf(marker));
    expect(positions.every((p) => p > contentsEnd)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(text).toMatch(/（1）委派调解函3–\d+/);
    expect(pageCount(pdf)).toBeGreaterThan(8);
    expect(sha256(await renderer.renderDossier(SAMPLE_DOSSIER, sampleMeta('dossier')))).toBe(sha256(pdf));
  });
});

describe('start-up', () => {
  it('fails when a template is missing', async () => {
    const dir = join(work, 'templates');
    cpSync(defaultTemplatesDir(), dir, { recursive: true });
    rmSync(join(dir, 'ruling.hbs'));
    await expect(PdfRenderer.create({ templatesDir: dir })).rejects.toThrow(/ruling\.hbs/);
  });
});

// ---- issue 14 items 9–11 -------------------------------------------------------------------------

describe('司法确认申请书 (item 9)', () => {
  it('asks for the 授权委托书 only when an agent applies', async () => {
    const without = bodyText(await renderer.render('confirmation_application', SAMPLE_VIEWS.confirmation_application, sampleMeta('x')));
    expect(without).not.toContain('授权委托书');
    expect(without).not.toContain('6.');
    const text = bodyText(await renderer.render('confirmation_application', SAMPLE_AGENT_APPLICATION, sampleMeta('x')));
    expect(text).toContain('送达地址确认书；6.授权委托书及委托代理人的身份证明。');
  });

  it('prints the mediation case as 关联案号, never the confirmation number of an older view model', async () => {
    const old = { ...SAMPLE_VIEWS.confirmation_application, confirmationNumber: '（2026）黔0381诉前调确3号' };
    const text = bodyText(await renderer.render('confirmation_application', old, sampleMeta('x')));
    expect(text).toContain('关联案号：（2026）黔0381民诉前调1号');
    expect(text).not.toContain('诉前调确');
    // The receipt box comes last, after the applicants' signatures and date.
    expect(text.indexOf('人民法院收件登记')).toBeGreaterThan(text.lastIndexOf('2026年11月12日'));
  });
});

describe('民事裁定书 (item 10)', () => {
  it('of a 合议庭: 依法组成合议庭进行了审查, signed by 审判长 and each 审判员', async () => {
    const text = bodyText(await renderer.render('ruling', SAMPLE_PANEL_RULING, sampleMeta('ruling')));
    for (const s of [
      '本院于2026年11月13日立案后，依法组成合议庭进行了审查。',
      '审判长周明',
      '审判员郑华',
      '审判员孙丽',
      '本件与原本核对无异书记员吴晓',
    ])
      expect(text).toContain(s);
    expect(text).not.toContain('由审判员');
    expect(text.indexOf('审判长周明')).toBeLessThan(text.indexOf('审判员郑华'));
  });

  it('says 委托 for an entrusted case', async () => {
    const view = { ...SAMPLE_VIEWS.ruling, track: 'entrusted' as const, relatedCaseNumber: '（2026）黔0381民初215号' };
    const text = bodyText(await renderer.render('ruling', view, sampleMeta('ruling')));
    expect(text).toContain('经本院以（2026）黔0381民初215号案委托赤水市市中街道人民调解委员会调解，于2026年11月10日达成');
  });

  it('reads a ruling stored before 立案, delegation and bench were recorded', async () => {
    const { acceptedOn: _a, relatedCaseNumber: _r, track: _t, bench: _b, ...old } = SAMPLE_VIEWS.ruling;
    const text = bodyText(await renderer.render('ruling', old, sampleMeta('ruling')));
    expect(text).toContain('本院于2026年11月12日立案后，依法由审判员周明进行了审查。');
    expect(text).toContain('因买卖合同纠纷，经赤水市市中街道人民调解委员会主持调解，于2026年11月10日达成了如下调解协议');
  });

  it('the rejection sample: only 申请人 speak', async () => {
    const text = bodyText(await renderer.render('ruling', SAMPLE_REJECTION, sampleMeta('ruling')));
    expect(text).toContain('经询问，申请人赤水市某超市有限公司表示');
    expect(text).not.toContain('被申请人');
  });

  it('every date the samples print falls on a working day (rules/calendar.ts)', () => {
    const calendar = new WorkingCalendar();
    const v = SAMPLE_VIEWS;
    const rulings = [v.ruling, SAMPLE_REJECTION, SAMPLE_PANEL_RULING];
    const dates: Record<string, string> = {
      'delegation_letter.receivedOn': v.delegation_letter.receivedOn,
      'delegation_letter.delegatedOn': v.delegation_letter.delegatedOn,
      'delegation_letter.acceptBy': v.delegation_letter.acceptBy,
      'session_record.heldAt': v.session_record.heldAt.slice(0, 10),
      'agreement.signedOn': v.agreement.signedOn,
      'termination_record.delegatedOn': v.termination_record.delegatedOn,
      'termination_record.terminatedOn': v.termination_record.terminatedOn,
      'confirmation_application.agreementSignedOn': v.confirmation_application.agreementSignedOn,
      'confirmation_application.appliedOn': v.confirmation_application.appliedOn,
      'mediation_decree.receivedOn': v.mediation_decree.receivedOn,
      'mediation_decree.decreeOn': v.mediation_decree.decreeOn,
      'ruling_not_accepted.decidedOn': v.ruling_not_accepted.decidedOn,
      'ruling_withdrawal_permitted.decidedOn': v.ruling_withdrawal_permitted.decidedOn,
      'ruling_deemed_withdrawn.decidedOn': v.ruling_deemed_withdrawn.decidedOn,
      'followup_record.contactedOn': v.followup_record.contactedOn,
      'dossier.filedOn': SAMPLE_DOSSIER.filedOn,
    };
    rulings.forEach((r, i) => {
      dates[`ruling${i}.appliedOn`] = r.appliedOn;
      dates[`ruling${i}.acceptedOn`] = r.acceptedOn!;
      dates[`ruling${i}.decidedOn`] = r.decidedOn;
    });
    expect(Object.entries(dates).filter(([, d]) => !calendar.isWorkingDay(d))).toEqual([]);
    // and in order: applied, accepted (立案), decided
    for (const r of rulings) expect([r.appliedOn, r.acceptedOn!, r.decidedOn]).toEqual([r.appliedOn, r.acceptedOn!, r.decidedOn].sort());
  });
});

describe('调解终结记录 (item 11)', () => {
  it('on the entrusted track: 转入审理 and the 案件受理费 to pay within 7 days, else 按自动撤诉处理', async () => {
    const fee = litigationFee({ amountFen: 12000000n, feeCategory: 'property', on: '2026-11-02' });
    expect(roundFee(fee.fullFeeFen, 'fen').toString()).toBe(SAMPLE_ENTRUSTED_TERMINATION.acceptanceFee);
    const text = bodyText(await renderer.render('termination_record', SAMPLE_ENTRUSTED_TERMINATION, sampleMeta('termination_record')));
    for (const s of [
      '委托日期',
      '原告：刘小富',
      '由人民法院依法转入审理',
      '将通知原告刘小富交纳案件受理费人民币2,700.00元（依照《诉讼费用交纳办法》第十三条计算）',
      '原告应当自接到人民法院交纳诉讼费用通知次日起七日内交纳（《诉讼费用交纳办法》第二十二条）',
      '未按期交纳的，按自动撤诉处理',
    ])
      expect(text).toContain(squash(s));
    expect(text).not.toContain('恢复审理');
    expect(text).not.toContain('申请人');
    expect(text).toContain(squash('被告（盖章）：赤水市某超市有限公司'));
    const pre = bodyText(await renderer.render('termination_record', SAMPLE_VIEWS.termination_record, sampleMeta('termination_record')));
    expect(pre).not.toContain('案件受理费');
  });

  it('on the entrusted track without a computed fee still gives the notice, without an amount', async () => {
    const { acceptanceFee: _f, ...old } = SAMPLE_ENTRUSTED_TERMINATION;
    const text = bodyText(await renderer.render('termination_record', old, sampleMeta('termination_record')));
    expect(text).toContain('交纳案件受理费。原告应当自接到');
  });

  it('without undisputed facts has no party signature lines', async () => {
    const view = { ...SAMPLE_VIEWS.termination_record, undisputedFacts: null };
    const text = bodyText(await renderer.render('termination_record', view, sampleMeta('termination_record')));
    expect(text).toContain('各方当事人未书面确认无争议事实');
    expect(text).not.toContain('签名确认');
    expect(text).not.toContain('签名或按指印');
  });

  it('the variants render with the footer on every page', async () => {
    for (const { kind, view } of SAMPLE_VARIANTS) {
      const pdf = await renderer.render(kind, view as never, sampleMeta(kind));
      const full = execFileSync('pdftotext', ['-raw', save(pdf), '-'], { encoding: 'utf8' });
      expect(full.match(/校验码 a3f9c2d18b7e/g)).toHaveLength(pageCount(pdf));
    }
  });
});
