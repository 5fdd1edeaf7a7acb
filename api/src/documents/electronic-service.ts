import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { notFound } from '../common/domain-error.js';
import { DocumentRecord } from './document.entity.js';
import { DocumentsService } from './documents.service.js';
import { AuditService } from '../audit/audit.service.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { SmsGateway } from '../sms/sms-gateway.js';
import { SERVED_KINDS, type DocumentKind } from '../rules/document-kinds.js';
import { DOCUMENT_TITLES } from './pdf/labels.js';

/**
 * 电子送达 (CPL 90; 在线调解规则): every document addressed to the parties is served on each party who
 * consented to electronic service — at issue, or at consent for what was issued before. Each service
 * is one row (document × party, unique, so serving twice serves once), a `document.served` event of
 * the case, and a text message telling the party where to read it. Runs in the caller's transaction.
 */
@Injectable()
export class ElectronicService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly documents: DocumentsService,
    private readonly audit: AuditService,
    private readonly sms: SmsGateway,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async serveCase(m: EntityManager, caseId: string, at: Date): Promise<number> {
    const served = (await m.query(
      `INSERT INTO document_services (document_id, party_id, case_id, method, served_at)
       SELECT d.id, k.party_id, d.case_id, 'electronic', $2
         FROM documents d
         JOIN party_consents k ON k.case_id = d.case_id AND k.electronic_service
        WHERE d.case_id = $1 AND d.kind = ANY($3)
       ON CONFLICT (document_id, party_id) DO NOTHING
       RETURNING document_id AS "documentId", party_id AS "partyId"`,
      [caseId, at, SERVED_KINDS],
    )) as { documentId: string; partyId: string }[];
    if (served.length === 0) return 0;
    const details = (await m.query(
      `SELECT d.id, d.kind, c.case_number AS "caseNumber", c.court_id AS "courtId"
         FROM documents d JOIN cases c ON c.id = d.case_id WHERE d.id = ANY($1)`,
      [[...new Set(served.map((s) => s.documentId))]],
    )) as { id: string; kind: DocumentKind; caseNumber: string; courtId: string }[];
    const byId = new Map(details.map((d) => [d.id, d]));
    const phones = new Map(
      (
        (await m.query(`SELECT id, phone FROM parties WHERE id = ANY($1)`, [[...new Set(served.map((s) => s.partyId))]])) as {
          id: string;
          phone: string | null;
        }[]
      ).map((p) => [p.id, p.phone]),
    );
    const perParty = new Map<string, DocumentKind[]>();
    for (const s of served) {
      const d = byId.get(s.documentId)!;
      await this.audit.append(m, {
        caseId,
        type: 'document.served',
        at,
        actor: null,
        data: { documentId: s.documentId, partyId: s.partyId, kind: d.kind, method: 'electronic' },
      });
      perParty.set(s.partyId, [...(perParty.get(s.partyId) ?? []), d.kind]);
    }
    const any = details[0]!;
    for (const [partyId, kinds] of perParty) {
      const phone = phones.get(partyId)?.replace(/\D/g, '');
      if (!phone) continue;
      const titles = [...new Set(kinds.map((k) => DOCUMENT_TITLES[k]))].join('、');
      await this.sms.send(
        {
          phone,
          text: `【人民法院】您的案件${any.caseNumber}有新的法律文书（${titles}）已电子送达，请登录 ${this.config.publicUrl}/party 查阅。`,
          purpose: 'document_served',
          courtId: any.courtId,
          caseId,
        },
        m,
      );
    }
    return served.length;
  }

  /**
   * Serves one document addressed to one party only (their 送达地址确认书) when that party consented
   * to electronic service; a `document.served` event. No text message: the party is on the page.
   */
  async serveOnParty(
    m: EntityManager,
    doc: { id: string; caseId: string; kind: DocumentKind },
    partyId: string,
    at: Date,
  ): Promise<boolean> {
    const served = (await m.query(
      `INSERT INTO document_services (document_id, party_id, case_id, method, served_at)
       SELECT $1, k.party_id, $2, 'electronic', $4 FROM party_consents k WHERE k.party_id = $3 AND k.case_id = $2 AND k.electronic_service
       ON CONFLICT (document_id, party_id) DO NOTHING
       RETURNING document_id`,
      [doc.id, doc.caseId, partyId, at],
    )) as unknown[];
    if (served.length === 0) return false;
    await this.audit.append(m, {
      caseId: doc.caseId,
      type: 'document.served',
      at,
      actor: null,
      data: { documentId: doc.id, partyId, kind: doc.kind, method: 'electronic' },
    });
    return true;
  }

  /** What was served on one party of one case, oldest first. */
  async servedOn(partyId: string, caseId: string): Promise<ServedDocument[]> {
    const rows = (await this.dataSource.query(
      `SELECT d.id, d.kind, d.title, d.sha256, d.issued_at AS "issuedAt", s.served_at AS "servedAt", s.read_at AS "readAt"
         FROM document_services s JOIN documents d ON d.id = s.document_id
        WHERE s.party_id = $1 AND s.case_id = $2
        ORDER BY d.issued_at, d.id`,
      [partyId, caseId],
    )) as { id: string; kind: DocumentKind; title: string; sha256: string | null; issuedAt: Date; servedAt: Date; readAt: Date | null }[];
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      title: r.title,
      sha256: r.sha256,
      issuedAt: r.issuedAt.toISOString(),
      servedAt: r.servedAt.toISOString(),
      readAt: r.readAt?.toISOString() ?? null,
    }));
  }

  /**
   * The served document's PDF as issued, for the party it was served on; the first download records
   * `readAt` and a `document.read` event (the moment of 送达 for a document served electronically).
   */
  async readByParty(
    partyId: string,
    caseId: string,
    documentId: string,
    at: Date,
  ): Promise<{ pdf: Buffer; filename: string; sha256: string }> {
    const d = await this.dataSource.getRepository(DocumentRecord).findOne({ where: { id: documentId, caseId } });
    const served = d
      ? ((await this.dataSource.query(`SELECT id FROM document_services WHERE document_id = $1 AND party_id = $2`, [d.id, partyId])) as {
          id: string;
        }[])
      : [];
    if (!d || served.length === 0) throw notFound('Document');
    const pdf = await this.documents.original(d);
    const sha256 = createHash('sha256').update(pdf).digest('hex');
    await this.dataSource.transaction(async (m) => {
      const first = (await m.query(
        `UPDATE document_services SET read_at = $3 WHERE document_id = $1 AND party_id = $2 AND read_at IS NULL RETURNING id`,
        [d.id, partyId, at],
      )) as [unknown[], number] | unknown[];
      const updated = Array.isArray(first[0]) ? (first[0] as unknown[]) : (first as unknown[]);
      await this.audit.append(m, {
        caseId,
        type: updated.length > 0 ? 'document.read' : 'document.downloaded',
        at,
        actor: null,
        data: { documentId: d.id, partyId, kind: d.kind, sha256 },
      });
    });
    const [{ caseNumber }] = (await this.dataSource.query(`SELECT case_number AS "caseNumber" FROM cases WHERE id = $1`, [caseId])) as {
      caseNumber: string;
    }[];
    return { pdf, sha256, filename: `${caseNumber}-${d.title}.pdf` };
  }
}

export interface ServedDocument {
  id: string;
  kind: DocumentKind;
  title: string;
  sha256: string | null;
  issuedAt: string;
  servedAt: string;
  readAt: string | null;
}
