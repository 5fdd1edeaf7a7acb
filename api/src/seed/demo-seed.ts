import type { INestApplication } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditCheckpointService } from '../audit/audit-checkpoint.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import { DEMO_PASSWORD_HASH, hashPassword } from '../auth/passwords.js';
import { CaseActionsService } from '../cases/case-actions.service.js';
import { CasesService } from '../cases/cases.service.js';
import type { CaseView } from '../cases/case-view.js';
import type { BulkContext } from '../common/bulk-context.js';
import { Clock } from '../common/clock.js';
import type { AppConfig } from '../config/app-config.js';
import { DocumentsService } from '../documents/documents.service.js';
import { FollowupService } from '../followup/followup.service.js';
import { ReviewService } from '../review/review.service.js';
import { addCalendarDays } from '../rules/calendar.js';
import { chinaDateOf } from '../rules/chinese-date.js';
import { creditCodeCheckCharacter } from '../rules/credit-code.js';
import { residentIdCheckCharacter } from '../rules/id-number.js';
import type { Role } from '../users/user.entity.js';
import { COURT, GIVEN, INDUSTRY_COMMITTEES, POPULATION, SHOP_NAMES, SITUATIONS, SURNAMES, TOWNSHIPS, TYPE_WEIGHTS } from './demo-data.js';

/**
 * The seed replays histories through the real services but needs neither their views nor the PDFs
 * now: the outbox renders those once the app serves.
 */
const BULK: BulkContext = { deferRendering: true, skipResponseView: true };

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** Deterministic PRNG (mulberry32): the same demo on every machine. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  const weighted = <T>(xs: readonly [T, number][]): T => {
    let r = next() * xs.reduce((s, [, w]) => s + w, 0);
    for (const [x, w] of xs) {
      r -= w;
      if (r < 0) return x;
    }
    return xs[xs.length - 1]![0];
  };
  return { next, int, pick, weighted };
}
type Rng = ReturnType<typeof prng>;

const personName = (r: Rng) => r.pick(SURNAMES) + r.pick(GIVEN) + (r.next() < 0.7 ? r.pick(GIVEN) : '');

function residentId(r: Rng): string {
  const y = r.int(1955, 2002);
  const body = `520381${y}${String(r.int(1, 12)).padStart(2, '0')}${String(r.int(1, 28)).padStart(2, '0')}${String(r.int(10, 999)).padStart(3, '0')}`;
  return body + residentIdCheckCharacter(body);
}

function creditCode(r: Rng): string {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  let body = '91520381';
  for (let i = 0; i < 9; i++) body += alphabet[r.int(0, 9 + (i > 6 ? 0 : 20))]!;
  return body + creditCodeCheckCharacter(body);
}

const phone = (r: Rng) => `1${r.pick(['3', '5', '7', '8', '9'])}${String(r.int(0, 999_999_999)).padStart(9, '0')}`;

/** Instant at a China-time wall clock hour on a date. */
const at = (date: string, hour: number, minute = 0) =>
  new Date(`${date}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00+08:00`);

interface Mediator {
  user: AuthUser;
  expertise: string[];
}

/**
 * Loads the demo set into an empty database: reference data in bulk, then a few hundred case
 * histories replayed through the real services (so every status, audit chain, clock and document
 * is exactly what the product would have produced). PDFs are rendered by the outbox after start.
 */
/** The database holds the start of a demo seed that never finished (an earlier start was stopped while seeding). */
export class InterruptedSeedError extends Error {
  constructor() {
    super('The demo seed of an earlier start did not finish: the database holds part of the demo data');
  }
}

export async function seedDemo(app: INestApplication, config: AppConfig, opts: { cases?: number; now?: Date } = {}): Promise<boolean> {
  if (config.production) throw new Error('Demo data is never loaded when NODE_ENV=production (its accounts share a published password)');
  const logger = new Logger('DemoSeed');
  const ds = app.get<DataSource>(getDataSourceToken());
  const [{ n, seeded }] = await ds.query(
    `SELECT (SELECT count(*)::int FROM courts) AS n, EXISTS (SELECT 1 FROM app_meta WHERE key = 'demo_seed') AS seeded`,
  );
  if (n > 0 && !seeded) throw new InterruptedSeedError();
  if (n > 0) return false;
  const started = Date.now();
  const r = prng(20261123);
  // One salt per account (6 staff + 641 mediators), at the demo's cheaper argon2 cost, hashed on the
  // libuv pool while the reference data is written.
  const passwordHashes = Promise.all(Array.from({ length: 6 + 641 }, () => hashPassword(config.demoPassword, DEMO_PASSWORD_HASH)));

  const { court, staff, mediators, organizations } = await ds.transaction(async (m) => {
    const [court] = await m.query(
      `INSERT INTO courts (code, name, default_track, allow_pre_litigation, workload_cap, province) VALUES ($1, $2, 'entrusted', true, 20, $3) RETURNING id`,
      [COURT.code, COURT.name, COURT.province],
    );
    for (const p of POPULATION) {
      await m.query('INSERT INTO court_populations (court_id, year, resident, floating) VALUES ($1, $2, $3, $4)', [
        court.id,
        p.year,
        p.resident,
        p.floating,
      ]);
    }
    const orgRows: { name: string; kind: string; region: string; expertise: string[] }[] = [];
    for (const t of TOWNSHIPS) {
      orgRows.push({ name: `${t.name}人民调解委员会`, kind: 'township', region: t.name, expertise: [] });
      for (const v of t.villages) {
        orgRows.push({
          name: `${t.name}${v}人民调解委员会`,
          kind: v.endsWith('社区') ? 'community' : 'village',
          region: t.name,
          expertise: [],
        });
      }
    }
    for (const c of INDUSTRY_COMMITTEES) orgRows.push({ name: c.name, kind: 'industry', region: '赤水市', expertise: c.expertise });
    if (orgRows.length !== 165) throw new Error(`demo data should have 165 organizations, has ${orgRows.length}`);
    const orgs: { id: string; name: string; kind: string; region: string; expertise: string[] }[] = await m.query(
      `INSERT INTO organizations (court_id, name, kind, region)
       SELECT $1, x.name, x.kind, x.region FROM jsonb_to_recordset($2::jsonb) AS x(name text, kind text, region text)
       RETURNING id, name, kind, region`,
      [court.id, JSON.stringify(orgRows)],
    );
    const orgByName = new Map(orgRows.map((o) => [o.name, o]));
    for (const o of orgs) o.expertise = orgByName.get(o.name)!.expertise;

    const allTypes = TYPE_WEIGHTS.map(([t]) => t);
    const users: { username: string; display_name: string; role: Role; organization_id: string | null; expertise: string[] }[] = [
      { username: 'admin', display_name: '系统管理员', role: 'admin', organization_id: null, expertise: [] },
      { username: 'clerk1', display_name: '陈晓雯', role: 'clerk', organization_id: null, expertise: [] },
      { username: 'clerk2', display_name: '王嘉怡', role: 'clerk', organization_id: null, expertise: [] },
      { username: 'judge1', display_name: '赵承志', role: 'judge', organization_id: null, expertise: [] },
      { username: 'judge2', display_name: '刘思远', role: 'judge', organization_id: null, expertise: [] },
      { username: 'stats1', display_name: '李统计', role: 'statistician', organization_id: null, expertise: [] },
    ];
    // 641 mediators: 3 per committee, the rest spread over the township and industry committees.
    const heavy = orgs.filter((o) => o.kind === 'township' || o.kind === 'industry');
    for (let i = 1; i <= 641; i++) {
      const org = i <= orgs.length * 3 ? orgs[(i - 1) % orgs.length]! : heavy[(i - 1) % heavy.length]!;
      const expertise = org.expertise.length ? org.expertise : [...new Set([r.pick(allTypes), r.pick(allTypes), 'neighbor_relations'])];
      users.push({
        username: `mediator${String(i).padStart(3, '0')}`,
        display_name: i === 1 ? '马晨宸' : personName(r),
        role: 'mediator',
        organization_id: org.id,
        expertise,
      });
    }
    const hashes = await passwordHashes;
    if (hashes.length !== users.length) throw new Error(`demo data should have ${hashes.length} accounts, has ${users.length}`);
    const inserted: {
      id: string;
      username: string;
      display_name: string;
      role: Role;
      organization_id: string | null;
      expertise: string[];
    }[] = await m.query(
      `INSERT INTO users (username, display_name, role, password_hash, court_id, organization_id, expertise)
       SELECT x.username, x.display_name, x.role, x.password_hash, $1, x.organization_id, ARRAY(SELECT jsonb_array_elements_text(x.expertise))
         FROM jsonb_to_recordset($2::jsonb) AS x(username text, display_name text, role text, password_hash text, organization_id uuid, expertise jsonb)
       RETURNING id, username, display_name, role, organization_id, expertise`,
      [court.id, JSON.stringify(users.map((u, i) => ({ ...u, password_hash: hashes[i] })))],
    );
    const toAuth = (u: (typeof inserted)[number]): AuthUser => ({
      id: u.id,
      username: u.username,
      displayName: u.display_name,
      role: u.role,
      courtId: court.id,
      organizationId: u.organization_id,
    });
    const staff = new Map(inserted.filter((u) => u.role !== 'mediator').map((u) => [u.username, toAuth(u)]));
    const mediators: Mediator[] = inserted.filter((u) => u.role === 'mediator').map((u) => ({ user: toAuth(u), expertise: u.expertise }));
    return { court: court as { id: string }, staff, mediators, organizations: orgs };
  });

  const cases = app.get(CasesService);
  const actions = app.get(CaseActionsService);
  const clock = app.get(Clock);
  const documents = app.get(DocumentsService);
  // Histories replayed "at" past instants: no checkpoint in between; one full checkpoint after.
  const resumeCheckpoints = app.get(AuditCheckpointService).pause();
  const now = opts.now ?? new Date();
  const total = opts.cases ?? 200;
  const plans = Array.from({ length: total }, (_, i) => planCase(r, i, total, now));
  plans.sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime());
  const clerks = [staff.get('clerk1')!, staff.get('clerk2')!];
  const judges = [staff.get('judge1')!, staff.get('judge2')!];
  const created: { plan: CasePlan; view: CaseView }[] = [];
  for (const plan of plans) {
    const view = await clock.runAt(plan.receivedAt, () => cases.create(r.pick(clerks), plan.dto, BULK));
    created.push({ plan, view });
  }
  const ctx: Ctx = {
    r,
    // Performance and conclusions draw from their own stream, so the cases above stay as they were.
    later: prng(20261206),
    actions,
    followup: app.get(FollowupService),
    review: app.get(ReviewService),
    ds,
    clock,
    now,
    clerks,
    judges,
    mediators,
    organizations,
  };
  await runPool(created, 8, ({ plan, view }) => replay(ctx, plan, view));
  await resumeCheckpoints();
  await ds.query(
    `INSERT INTO app_meta (key, value) VALUES ('demo_seed', $1) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
    [JSON.stringify({ completedAt: new Date().toISOString(), cases: total, court: COURT.code })],
  );
  logger.log(
    `Demo data: 165 organizations, 641 mediators, ${total} cases in ${((Date.now() - started) / 1000).toFixed(1)} s (court ${court.id})`,
  );
  documents.kickOutbox().catch(() => {});
  return true;
}

async function runPool<T>(items: T[], concurrency: number, fn: (x: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await fn(items[next++]!);
    }),
  );
}

type Outcome =
  | 'registered'
  | 'delegated'
  | 'in_mediation'
  | 'agreed'
  | 'confirmation_pending'
  | 'confirmed'
  | 'confirmation_rejected'
  | 'failed'
  | 'withdrawn';

/** This week's open cases: unclaimed ones in the shared queue, some in mediation with mediator001. */
const CURRENT: Outcome[] = [
  'registered',
  'registered',
  'registered',
  'registered',
  'delegated',
  'delegated',
  'delegated',
  'delegated',
  'delegated',
  'delegated',
  'delegated',
  'delegated',
  'delegated',
  'delegated',
  'in_mediation',
  'in_mediation',
  'in_mediation',
  'in_mediation',
  'in_mediation',
  'in_mediation',
];

interface CasePlan {
  /** Delegated to the shared queue, or handled by mediator001, so the demo accounts see it. */
  featured: boolean;
  receivedAt: Date;
  outcome: Outcome;
  dto: Parameters<CasesService['create']>[1];
  claimFen: number;
}

function planCase(r: Rng, i: number, total: number, now: Date): CasePlan {
  // The first CURRENT plans are this week's open work (so every queue and desk has something to
  // show); the rest spread over the past 18 months, a little denser recently.
  const current = i < CURRENT.length;
  const ageDays = current ? r.int(0, 2) : 5 + Math.floor(Math.pow(r.next(), 1.25) * 540);
  const receivedOn = chinaDateOf(new Date(now.getTime() - ageDays * DAY - 2 * HOUR));
  const receivedAt = at(receivedOn, r.int(8, 11), r.int(0, 59));
  const type = r.weighted(TYPE_WEIGHTS);
  const situation = r.pick(SITUATIONS[type]!);
  const yuan = situation.max === 0 ? 0 : Math.round(r.int(situation.min, situation.max) / 100) * 100;
  const applicant = personName(r);
  const respondentIsOrg =
    [
      'sale_contract',
      'property_service',
      'service_contract',
      'labor_remuneration',
      'financial_loan',
      'consumer_rights',
      'construction_contract',
    ].includes(type) && r.next() < 0.7;
  const township = r.pick(TOWNSHIPS);
  const address = `贵州省赤水市${township.name}${r.pick(township.villages)}${r.int(1, 99)}号`;
  const parties = [
    { role: 'applicant' as const, kind: 'person' as const, name: applicant, idNumber: residentId(r), phone: phone(r), address },
    respondentIsOrg
      ? {
          role: 'respondent' as const,
          kind: 'organization' as const,
          name: r.pick(SHOP_NAMES),
          creditCode: creditCode(r),
          representative: personName(r),
          phone: `0851-228${String(r.int(10000, 99999))}`,
          address: `贵州省赤水市${r.pick(TOWNSHIPS).name}${r.int(1, 300)}号`,
        }
      : {
          role: 'respondent' as const,
          kind: 'person' as const,
          name: personName(r),
          idNumber: residentId(r),
          phone: phone(r),
          address: `贵州省赤水市${r.pick(TOWNSHIPS).name}${r.int(1, 99)}号`,
        },
  ];
  const outcome: Outcome = current
    ? CURRENT[i]!
    : ageDays < 25
      ? r.weighted<Outcome>([
          ['delegated', 1],
          ['in_mediation', 6],
          ['agreed', 3],
          ['confirmation_pending', 3],
          ['confirmed', 2],
          ['failed', 2],
          ['withdrawn', 1],
        ])
      : r.weighted<Outcome>([
          ['confirmed', 40],
          ['agreed', 8],
          ['confirmation_rejected', 3],
          ['failed', 28],
          ['withdrawn', 9],
          ['in_mediation', 1],
        ]);
  const entrusted = receivedOn >= '2025-01-01' && r.next() < 0.2;
  return {
    receivedAt,
    outcome,
    claimFen: yuan * 100,
    featured: current && i % 2 === 0,
    dto: {
      track: entrusted ? 'entrusted' : 'pre_litigation',
      procedure: entrusted && r.next() < 0.5 ? 'simple' : 'ordinary',
      disputeType: type,
      claimAmount: `${yuan}.00`,
      summary: situation.summary,
      claims: [situation.claim.replace('{amount}', String(yuan))],
      receivedOn,
      consentToMediation: true,
      parties,
    },
  };
}

interface Ctx {
  r: Rng;
  later: Rng;
  actions: CaseActionsService;
  followup: FollowupService;
  review: ReviewService;
  ds: DataSource;
  clock: Clock;
  now: Date;
  clerks: AuthUser[];
  judges: AuthUser[];
  mediators: Mediator[];
  organizations: { id: string; name: string; kind: string; expertise: string[] }[];
}

const FAIL_REASONS = ['party_refused', 'irreconcilable', 'unreachable', 'expired', 'refused_to_sign'] as const;
const FAIL_DETAILS: Record<string, string> = {
  party_refused: '经调解员多次电话联系并组织面对面调解，被申请人明确表示不同意继续调解，要求通过诉讼解决。',
  irreconcilable: '双方对赔偿数额分歧较大，申请人坚持全额主张，被申请人仅同意支付少部分，差距过大无法达成一致。',
  unreachable: '调解期限内多次拨打被申请人预留电话均无人接听，上门送达未果，无法联系。',
  expired: '调解期限届满，双方未能达成协议且不同意延长调解期限。',
  refused_to_sign: '双方口头达成一致后，被申请人拒绝在调解协议上签字确认。',
};

/** Replays one case's history up to its planned outcome; a step that would lie in the future is not taken. */
async function replay(ctx: Ctx, plan: CasePlan, view: CaseView): Promise<void> {
  const { r, actions, clock, now } = ctx;
  let t = plan.receivedAt.getTime();
  const v = view;
  const step = async (gapMs: number, fn: () => Promise<unknown>): Promise<boolean> => {
    const when = t + gapMs;
    if (when > now.getTime() - 60_000) return false;
    t = when;
    await clock.runAt(new Date(t), fn);
    return true;
  };
  const clerk = r.pick(ctx.clerks);
  const target = plan.outcome;
  if (target === 'registered') return;
  if (target === 'withdrawn' && r.next() < 0.3) {
    await step(r.int(1, 5) * HOUR, () =>
      actions.terminate(clerk, v.id, { reason: 'applicant_withdrew', details: '申请人表示双方已自行和解，申请撤回调解申请。' }, BULK),
    );
    return;
  }
  // Delegate: the committee of the party's township, an industry committee, a named mediator, or the shared queue.
  const type = plan.dto.disputeType;
  const industry = ctx.organizations.filter((o) => o.expertise.includes(type));
  const mode = plan.featured
    ? 'court'
    : r.weighted<'organization' | 'mediator' | 'court'>([
        ['organization', 5],
        ['mediator', 2],
        ['court', 3],
      ]);
  let mediator: Mediator;
  let delegation: { organizationId?: string; mediatorId?: string } = {};
  if (plan.featured) {
    mediator = ctx.mediators.find((m) => m.user.username === 'mediator001')!;
  } else if (mode === 'organization') {
    const org = industry.length && r.next() < 0.6 ? r.pick(industry) : r.pick(ctx.organizations);
    delegation = { organizationId: org.id };
    const members = ctx.mediators.filter((m) => m.user.organizationId === org.id);
    mediator = r.pick(members);
  } else {
    const experts = ctx.mediators.filter((m) => m.expertise.includes(type));
    mediator = r.pick(experts.length ? experts : ctx.mediators);
    if (mode === 'mediator') delegation = { mediatorId: mediator.user.id };
  }
  if (!(await step(r.int(1, 5) * HOUR, () => actions.delegate(clerk, v.id, delegation, BULK)))) return;
  if (target === 'delegated') return;
  if (!(await step(r.int(2, 60) * HOUR, () => actions.claim(mediator.user, v.id, undefined, BULK)))) return;
  const me = mediator.user;
  const sessions = r.int(1, 2);
  for (let s = 1; s <= sessions; s++) {
    // Inside a step `t` is already the step's instant: the session ended half an hour before it was recorded.
    const recorded = await step(r.int(20, 150) * HOUR, () =>
      actions.recordSession(
        me,
        v.id,
        {
          heldAt: new Date(t - 30 * 60_000).toISOString(),
          mode: r.pick(['in_person', 'in_person', 'video', 'phone'] as const),
          location: `${ctx.organizations.find((o) => o.id === delegation.organizationId)?.name ?? '赤水市人民法院诉调对接中心'}调解室`,
          attendees: v.parties.map((p) => p.name),
          minutes: `调解员告知双方当事人人民调解的性质、原则及双方的权利义务。申请人陈述：${plan.dto.summary}被申请人陈述：对基本事实无异议，但对金额有不同意见。调解员释明相关法律规定并进行风险提示，双方就履行方式进行了协商。`,
          undisputedFacts: s === 1 ? '双方对纠纷发生的基本事实无异议。' : undefined,
        },
        BULK,
      ),
    );
    if (!recorded) return;
  }
  if (target === 'in_mediation') return;
  if (target === 'failed' || target === 'withdrawn') {
    const reason = target === 'withdrawn' ? 'applicant_withdrew' : r.pick(FAIL_REASONS);
    await step(r.int(2, 48) * HOUR, () =>
      actions.terminate(
        me,
        v.id,
        {
          reason,
          details: reason === 'applicant_withdrew' ? '申请人表示已与被申请人自行协商解决，申请撤回。' : FAIL_DETAILS[reason]!,
          undisputedFacts: '双方对纠纷发生的基本事实无异议。',
        },
        BULK,
      ),
    );
    return;
  }
  const applicant = v.parties.find((p) => p.role === 'applicant')!;
  const respondent = v.parties.find((p) => p.role === 'respondent')!;
  const agreedFen = Math.max(100_00, Math.round((plan.claimFen * (0.6 + r.next() * 0.4)) / 100_00) * 100_00);
  const gap = r.int(1, 4) * HOUR;
  const signedAt = new Date(t + gap - 10 * 60_000);
  const effectiveOn = chinaDateOf(signedAt);
  // Due after the confirmation usually comes (1–20 days), as parties agree in practice.
  const dueOn = addCalendarDays(effectiveOn, r.int(21, 75));
  if (
    !(await step(gap, () =>
      actions.agree(
        me,
        v.id,
        {
          content:
            '双方确认本协议系自愿达成，协议履行完毕后双方再无其他纠纷。\n如被申请人未按期足额履行，申请人可就未履行部分申请强制执行。',
          terms: [
            {
              obligorPartyId: respondent.id,
              obligeePartyId: applicant.id,
              amount: (agreedFen / 100).toFixed(2),
              dueOn,
              method: r.pick(['银行转账', '现金支付', '微信转账']),
            },
          ],
          performancePlace: '赤水市',
          signedAt: signedAt.toISOString(),
        },
        BULK,
      ),
    ))
  )
    return;
  const settle = () => perform(ctx, me, v.id, dueOn, t);
  if (target === 'agreed') return settle();
  // An entrusted (民初) case is not confirmed (issue 14): the judge ends it by 民事调解书 (or records
  // a 撤诉) in the same case; the most recent ones stay agreed, for the judge's desk.
  if (plan.dto.track === 'entrusted') {
    const withdrawal = ctx.later.next() < 0.15;
    await step(ctx.later.int(2, 10) * DAY, () =>
      ctx.review.conclude(
        r.pick(ctx.judges),
        v.id,
        withdrawal ? { outcome: 'withdrawal', note: '调解协议已履行，申请人申请撤回起诉。' } : { outcome: 'decree' },
      ),
    );
    return settle();
  }
  if (!(await step(r.int(1, 8) * DAY, () => actions.applyForConfirmation(clerk, v.id, { jointApplication: true }, BULK)))) return settle();
  if (target === 'confirmation_pending') return settle();
  const rejected = target === 'confirmation_rejected';
  await step(r.int(2, 12) * DAY, () =>
    actions.decide(
      r.pick(ctx.judges),
      v.id,
      rejected
        ? { result: 'rejected', grounds: ['unclear_content'], reasoning: '经审查，调解协议约定的履行内容不明确，无法确认其效力。' }
        : {
            result: 'confirmed',
            reasoning:
              '经审查，申请人达成的调解协议系双方真实意思表示，内容不违反法律、行政法规的强制性规定，不损害国家利益、社会公共利益和他人合法权益。',
          },
      BULK,
    ),
  );
  return settle();
}

/**
 * How the agreement was kept, as the mediator recorded it on the follow-up desk: most debtors pay
 * on or before the due date, some pay part, some late, a few not at all (left to the default job).
 * Nothing is recorded at an instant still to come.
 */
async function perform(ctx: Ctx, mediator: AuthUser, caseId: string, dueOn: string, after: number): Promise<void> {
  const { later, clock, now } = ctx;
  const rows = (await ctx.ds.query('SELECT id, amount_fen::text AS "amountFen" FROM obligations WHERE case_id = $1', [caseId])) as {
    id: string;
    amountFen: string;
  }[];
  const dueAt = new Date(`${dueOn}T10:00:00+08:00`).getTime();
  for (const o of rows) {
    const fate = later.weighted<'on_time' | 'partial' | 'late' | 'none'>([
      ['on_time', 85],
      ['partial', 6],
      ['late', 5],
      ['none', 4],
    ]);
    if (fate === 'none') continue;
    const when = Math.max(after + HOUR, fate === 'late' ? dueAt + later.int(3, 20) * DAY : dueAt - later.int(0, 5) * DAY);
    if (when > now.getTime() - 60_000) continue;
    const paidOn = chinaDateOf(new Date(when));
    const half = BigInt(o.amountFen) / 200n;
    await clock.runAt(new Date(when), () =>
      ctx.followup.recordPerformance(
        mediator,
        caseId,
        o.id,
        fate === 'partial'
          ? {
              status: 'partially_performed',
              paidAmount: `${half}.00`,
              paidOn,
              evidenceNote: '申请人确认收到第一笔款项（转账记录已存卷）。',
            }
          : { status: 'performed', paidOn, evidenceNote: '申请人确认已足额收到款项（转账记录已存卷）。' },
      ),
    );
  }
}
