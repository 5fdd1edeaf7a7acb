import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import { CalendarService } from '../calendar/calendar.service.js';
import { Agreement } from '../case-records/agreement.entity.js';
import { CaseAccess } from '../case-records/case-access.service.js';
import { Case } from '../case-records/case.entity.js';
import { FollowupRecord } from '../case-records/followup-record.entity.js';
import { Clock } from '../common/clock.js';
import { DomainError, forbidden } from '../common/domain-error.js';
import { DocumentsService } from '../documents/documents.service.js';
import type { FollowupRecordDto, FollowupRecordView } from './followup.dto.js';

/**
 * 回访记录 (人民调解法 Art. 31 ¶2): the mediator handling a case with an agreement, or a clerk,
 * records a follow-up call or visit; it is numbered, audited and issued as the document
 * `followup_record` (with the payment evidence list) in one transaction.
 */
@Injectable()
export class FollowupRecordsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly calendar: CalendarService,
    private readonly access: CaseAccess,
    private readonly documents: DocumentsService,
    private readonly clock: Clock,
  ) {}

  record(user: AuthUser, caseId: string, dto: FollowupRecordDto): Promise<FollowupRecordView> {
    return this.dataSource.transaction(async (m) => {
      const visible = await this.access.findVisible(m, user, caseId);
      if (user.role === 'mediator' && visible.assigneeId !== user.id)
        throw forbidden('Only the mediator handling this case may record a follow-up');
      // The case row lock numbers the records of a case one after another.
      const c = await m.findOneOrFail(Case, { where: { id: visible.id }, lock: { mode: 'pessimistic_write' } });
      if (dto.version !== undefined && dto.version !== c.version)
        throw new DomainError(
          'VERSION_CONFLICT',
          `The case changed since you read it (version ${c.version}, you sent ${dto.version}); reload and retry`,
          undefined,
          { currentVersion: c.version },
        );
      if (!(await m.exists(Agreement, { where: { caseId: c.id } })))
        throw new DomainError('ILLEGAL_TRANSITION', `A follow-up (回访) is recorded on a case with an agreement; this case is ${c.status}`);
      if (dto.contactedOn > this.calendar.today())
        throw new DomainError('VALIDATION_FAILED', 'contactedOn is in the future', { contactedOn: 'in_future' });
      const now = this.clock.now();
      const [{ next }] = (await m.query('SELECT coalesce(max(seq), 0)::int + 1 AS next FROM followup_records WHERE case_id = $1', [
        c.id,
      ])) as { next: number }[];
      const record = await m.save(
        FollowupRecord,
        m.create(FollowupRecord, {
          caseId: c.id,
          seq: next,
          contactedOn: dto.contactedOn,
          method: dto.method,
          contactedPerson: dto.contactedPerson.trim(),
          outcome: dto.outcome,
          notes: dto.notes.trim(),
          recordedById: user.id,
          documentId: null,
          createdAt: now,
        }),
      );
      const doc = await this.documents.issue(m, 'followup_record', c, now);
      record.documentId = doc.id;
      await m.update(FollowupRecord, { id: record.id }, { documentId: doc.id });
      await m.update(Case, { id: c.id }, { version: c.version + 1, updatedAt: now });
      await this.audit.append(m, {
        caseId: c.id,
        type: 'followup.recorded',
        at: now,
        actor: user,
        data: {
          recordId: record.id,
          seq: record.seq,
          contactedOn: record.contactedOn,
          method: record.method,
          contactedPerson: record.contactedPerson,
          outcome: record.outcome,
          documentId: doc.id,
        },
      });
      return view(record, user.displayName);
    });
  }

  /** The case's 回访记录, oldest first (anyone who may see the case). */
  async list(user: AuthUser, caseId: string): Promise<FollowupRecordView[]> {
    const m = this.dataSource.manager;
    const c = await this.access.findVisible(m, user, caseId);
    const rows = (await m.query(
      `SELECT r.id, u.display_name AS "displayName" FROM followup_records r LEFT JOIN users u ON u.id = r.recorded_by_id
        WHERE r.case_id = $1`,
      [c.id],
    )) as { id: string; displayName: string | null }[];
    const names = new Map(rows.map((r) => [r.id, r.displayName ?? '']));
    const records = await m.find(FollowupRecord, { where: { caseId: c.id }, order: { seq: 'ASC' } });
    return records.map((r) => view(r, names.get(r.id) ?? ''));
  }
}

function view(r: FollowupRecord, recorderName: string): FollowupRecordView {
  return {
    id: r.id,
    caseId: r.caseId,
    seq: r.seq,
    contactedOn: r.contactedOn,
    method: r.method,
    contactedPerson: r.contactedPerson,
    outcome: r.outcome,
    notes: r.notes,
    recordedBy: { id: r.recordedById, displayName: recorderName },
    documentId: r.documentId,
    createdAt: r.createdAt.toISOString(),
  };
}
