import type { TestApp } from '../../api/support/test-app.js';
import { auth, caseBody, creditCode, residentId, type World } from '../../api/support/factories.js';

/** A calendar date `days` from today in China time (YYYY-MM-DD), so the data never lies in the future. */
export function chinaDate(days = 0): string {
  return new Date(Date.now() + days * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
}

/** A few cases in several states, made through the API, so every screen (and screenshot) has rows to show. */
export async function seedBackdrop(t: TestApp, w: World, mediator = 'm2'): Promise<void> {
  const post = async (path: string, token: string, body: object = {}) => {
    const res = await t.http.post(path).set(auth(token)).send(body);
    if (res.status >= 300) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { id: string; parties: { id: string; role: string }[] };
  };
  const clerk = w.tokens.clerk1!;
  const m = w.tokens[mediator]!;
  const file = (i: number, disputeType: string, amount: string, applicant: string, respondent: string) =>
    post(
      '/api/cases',
      clerk,
      caseBody({
        disputeType,
        claimAmount: amount,
        receivedOn: chinaDate(-(i % 3)),
        summary: `${applicant}与${respondent}之间的纠纷，双方同意先行调解。`,
        claims: [`请求${respondent}支付${amount}元`],
        parties: [
          { role: 'applicant', kind: 'person', name: applicant, idNumber: residentId('19850312', 100 + i), phone: '13800000000' },
          {
            role: 'respondent',
            kind: 'organization',
            name: respondent,
            creditCode: creditCode(10 + i),
            representative: '王某',
            phone: '0851-22800000',
          },
        ],
      }),
    );
  // Long 案由 and party names on purpose: the tables must stay readable with them.
  await file(1, 'personal_injury', '86000.00', '陈美华', '赤水市长征汽车运输有限公司');
  await file(2, 'labor_remuneration', '23800.50', '杨国富', '贵州赤天化纸业股份有限公司赤水分公司');
  const queued = await file(3, 'construction_contract', '1250000.00', '周建军', '赤水市红军大道建筑工程有限公司');
  await post(`/api/cases/${queued.id}/delegate`, clerk, {});
  const working = await file(4, 'lease_contract', '36000.00', '罗晓燕', '赤水市丙安古镇旅游开发有限公司');
  await post(`/api/cases/${working.id}/delegate`, clerk, { mediatorId: w.users[mediator]!.id });
  await post(`/api/cases/${working.id}/claim`, m, {});
  for (const [i, type, amount] of [
    [5, 'loan_private', '50000.00'],
    [6, 'property_service', '4820.00'],
  ] as const) {
    const c = await file(i, type, amount, i === 5 ? '赵德明' : '孙丽', i === 5 ? '赤水市天岛湖酒店有限公司' : '赤水市竹海物业管理有限公司');
    await post(`/api/cases/${c.id}/delegate`, clerk, { mediatorId: w.users[mediator]!.id });
    await post(`/api/cases/${c.id}/claim`, m, {});
    const applicant = c.parties.find((p) => p.role === 'applicant')!.id;
    const respondent = c.parties.find((p) => p.role === 'respondent')!.id;
    await post(`/api/cases/${c.id}/agreement`, m, {
      content: '双方确认本协议系自愿达成。',
      terms: [{ obligorPartyId: respondent, obligeePartyId: applicant, amount: String(Number(amount) / 2), dueOn: chinaDate(30) }],
      signedAt: new Date().toISOString(),
    });
    await post(`/api/cases/${c.id}/confirmation`, clerk, { jointApplication: true });
  }
}
