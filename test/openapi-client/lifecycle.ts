// What an outside court system writes with a client generated from /api/docs-json
// (openapi-typescript + openapi-fetch): the whole lifecycle, typed end to end, without a single
// cast. `npm run test:openapi-client` generates the types and type-checks this file with
// `tsc --strict`; with `-- --run URL` it also drives a running server (demo data) through it.
import createClient from 'openapi-fetch';
import type { components, paths } from './.generated/api.js';

type CaseView = components['schemas']['CaseView'];
type ApiError = components['schemas']['Error'];

/** Fails with the contract's error (code and message) when a call did not succeed. */
function ok<T>(step: string, result: { data?: T; error?: ApiError | unknown }): T {
  if (result.data === undefined) throw new Error(`${step}: ${JSON.stringify(result.error)}`);
  return result.data;
}

export async function lifecycle(baseUrl: string, password: string): Promise<CaseView> {
  const anonymous = createClient<paths>({ baseUrl });
  const login = async (username: string) =>
    ok(`login ${username}`, await anonymous.POST('/api/auth/login', { body: { username, password } }));
  const clientOf = (accessToken: string) => createClient<paths>({ baseUrl, headers: { Authorization: `Bearer ${accessToken}` } });

  const clerk = clientOf((await login('clerk1')).accessToken);
  const mediatorLogin = await login('mediator001');
  const mediator = clientOf(mediatorLogin.accessToken);
  const judge = clientOf((await login('judge1')).accessToken);

  // 立案: the clerk registers the dispute.
  const registered = ok(
    'register',
    await clerk.POST('/api/cases', {
      body: {
        track: 'pre_litigation',
        disputeType: 'sale_contract',
        claimAmount: '12000.00',
        summary: '申请人向被申请人供应货物，被申请人拖欠货款。',
        claims: ['请求被申请人支付货款12000元'],
        consentToMediation: true,
        parties: [
          { role: 'applicant', kind: 'person', name: '刘小富', idNumber: '520381199001011236', phone: '13800000000' },
          { role: 'respondent', kind: 'person', name: '张某', idNumber: '52038119850505231X', phone: '13900000000' },
        ],
      },
    }),
  );
  const id = registered.id;
  const path = { path: { id } };

  // 委派 to the named mediator, who claims it.
  const delegated = ok(
    'delegate',
    await clerk.POST('/api/cases/{id}/delegate', {
      params: path,
      body: { mediatorId: mediatorLogin.user.id, version: registered.version },
    }),
  );
  const claimed = ok('claim', await mediator.POST('/api/cases/{id}/claim', { params: path, body: { version: delegated.version } }));
  if (claimed.assignee?.id !== mediatorLogin.user.id) throw new Error('the claimer is not the assignee');

  // 调解: a session, then the agreement.
  const withSession = ok(
    'session',
    await mediator.POST('/api/cases/{id}/sessions', {
      params: path,
      body: {
        heldAt: new Date().toISOString(),
        mode: 'in_person',
        attendees: ['刘小富', '张某'],
        minutes: '双方同意分期付款。',
        version: claimed.version,
      },
    }),
  );
  const [applicant, respondent] = [
    withSession.parties.find((p) => p.role === 'applicant'),
    withSession.parties.find((p) => p.role === 'respondent'),
  ];
  if (!applicant || !respondent) throw new Error('parties missing');
  const agreed = ok(
    'agreement',
    await mediator.POST('/api/cases/{id}/agreement', {
      params: path,
      body: {
        content: '被申请人分两期支付货款。',
        terms: [{ obligorPartyId: respondent.id, obligeePartyId: applicant.id, amount: '12000.00', dueOn: withSession.receivedOn }],
        signedAt: new Date().toISOString(),
        version: withSession.version,
      },
    }),
  );

  // 司法确认: the clerk applies, the judge confirms.
  const pending = ok(
    'apply',
    await clerk.POST('/api/cases/{id}/confirmation', { params: path, body: { jointApplication: true, version: agreed.version } }),
  );
  const confirmed = ok(
    'decide',
    await judge.POST('/api/cases/{id}/confirmation/decision', {
      params: path,
      body: { result: 'confirmed', reasoning: '协议内容不违反法律规定，予以确认。', version: pending.version },
    }),
  );
  if (confirmed.status !== 'confirmed' || confirmed.confirmation?.result !== 'confirmed') throw new Error(`status ${confirmed.status}`);

  // Anyone can verify the ruling by its hash; the statistician's figures count the case.
  const ruling = confirmed.documents.find((d) => d.kind === 'ruling' && d.sha256 !== null);
  if (ruling?.sha256) ok('verify', await anonymous.GET('/api/verify/{sha256}', { params: { path: { sha256: ruling.sha256 } } }));
  const stats = clientOf((await login('stats1')).accessToken);
  const summary = ok('stats', await stats.GET('/api/stats/summary', { params: { query: {} } }));
  if (summary.confirmed < 1) throw new Error('the confirmed case is not counted');
  return confirmed;
}
