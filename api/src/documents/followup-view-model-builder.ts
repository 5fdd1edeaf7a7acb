/** View model of the 人民调解回访记录 (issue 17 item 4), from the case inside the issuing transaction. */
import type { EntityManager } from 'typeorm';
import { AuditEvent } from '../audit/audit-event.entity.js';
import { FollowupRecord } from '../case-records/followup-record.entity.js';
import { Obligation } from '../case-records/obligation.entity.js';
import type { Agreement } from '../case-records/agreement.entity.js';
import type { Case } from '../case-records/case.entity.js';
import type { Party } from '../case-records/party.entity.js';
import { chinaDateOf } from '../rules/chinese-date.js';
import { type ObligationStatus, outstandingFen } from '../rules/obligations.js';
import type { FollowupRecordView, PaymentEvidenceLine } from './pdf/followup-view-models.js';
import type { CaseBasics, MediationOrganization } from './pdf/view-models.js';

/** What view-model-builder.ts has already loaded and mapped for the case (passed in: no import cycle). */
export interface FollowupContext {
  agg: { case: Case; parties: Party[]; agreement: Agreement | null };
  organization: MediationOrganization;
  basics: CaseBasics;
  agreementNumber: string;
}

/** The `obligation.performance_recorded` audit data FollowupService writes. */
interface PerformanceEventData {
  obligationId: string;
  to: ObligationStatus;
  paidFen: string;
  paidOn: string | null;
  evidenceNote: string | null;
}

/** The newest 回访 of the case (the one being issued), its agreement's terms and every performance record. */
export async function buildFollowupViewModel(m: EntityManager, ctx: FollowupContext): Promise<FollowupRecordView> {
  const c = ctx.agg.case;
  const record = await m.findOneOrFail(FollowupRecord, { where: { caseId: c.id }, order: { seq: 'DESC' } });
  const obligations = await m.find(Obligation, { where: { caseId: c.id }, order: { position: 'ASC' } });
  const events = await m.find(AuditEvent, {
    where: { caseId: c.id, type: 'obligation.performance_recorded' },
    order: { seq: 'ASC' },
    select: { id: true, at: true, data: true, seq: true },
  });
  const [recorder] = (await m.query('SELECT display_name AS name FROM users WHERE id = $1', [record.recordedById])) as { name: string }[];
  const names = new Map(ctx.agg.parties.map((p) => [p.id, p.name]));
  const position = new Map(obligations.map((o) => [o.id, o.position]));
  const payments: PaymentEvidenceLine[] = events.flatMap((e) => {
    const d = e.data as unknown as PerformanceEventData;
    const no = position.get(d.obligationId);
    if (no === undefined) return [];
    return [
      { obligationNo: no, on: d.paidOn ?? chinaDateOf(e.at), status: d.to, amount: String(d.paidFen ?? '0'), evidenceNote: d.evidenceNote },
    ];
  });
  const sum = (f: (o: Obligation) => bigint) => obligations.reduce((s, o) => s + f(o), 0n).toString();
  return {
    ...ctx.basics,
    organization: ctx.organization,
    agreementNumber: ctx.agreementNumber,
    agreementEffectiveOn: ctx.agg.agreement?.effectiveOn ?? '',
    recordNo: record.seq,
    contactedOn: record.contactedOn,
    contactMethod: record.method,
    contactedPerson: record.contactedPerson,
    outcome: record.outcome,
    notes: record.notes,
    followedUpBy: recorder?.name ?? '',
    obligations: obligations.map((o) => ({
      no: o.position,
      obligor: names.get(o.obligorPartyId) ?? '',
      obligee: names.get(o.obligeePartyId) ?? '',
      amount: o.amountFen.toString(),
      dueOn: o.dueOn,
      status: o.status,
      paid: o.paidFen.toString(),
      outstanding: outstandingFen(o).toString(),
    })),
    payments,
    totalAmount: sum((o) => o.amountFen),
    totalPaid: sum((o) => o.paidFen),
    totalOutstanding: sum(outstandingFen),
  };
}
