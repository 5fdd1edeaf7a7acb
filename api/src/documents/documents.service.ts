import { createHash, randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { canonicalJson } from '../audit/chain.js';
import type { AuthUser } from '../auth/auth-user.js';
import { AuditCheckpointService } from '../audit/audit-checkpoint.service.js';
import { AuditService, streamOf } from '../audit/audit.service.js';
import { Clock } from '../common/clock.js';
import { DomainError, notFound } from '../common/domain-error.js';
import { chinaDateOf } from '../rules/chinese-date.js';
import { disputeTypeOf } from '../rules/dispute-types.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { CaseAccess } from '../case-records/case-access.service.js';
import type { Case } from '../case-records/case.entity.js';
import type { DocumentKind } from '../rules/document-kinds.js';
import { DocumentRecord } from './document.entity.js';
import { DocumentServiceRecord } from './document-service.entity.js';
import { maskIdentity, masksIdentityFor } from './identity-masking.js';
import { DOCUMENT_TITLES } from './pdf/labels.js';
import { PdfRenderer } from './pdf/renderer.js';
import type { DossierEntry, ViewModels } from './pdf/view-models.js';
import { buildDossierContext, buildViewModel } from './view-model-builder.js';

export const PDF_RENDERER = Symbol('PDF_RENDERER');

type Rendered = Pick<DocumentRecord, 'pdf' | 'sha256' | 'byteSize' | 'status'>;

@Injectable()
export class DocumentsService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(DocumentsService.name);
  private draining: Promise<void> | null = null;
  private stopped = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(PDF_RENDERER) private readonly renderer: PdfRenderer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly access: CaseAccess,
    private readonly audit: AuditService,
    private readonly checkpoints: AuditCheckpointService,
    private readonly clock: Clock,
  ) {}

  /** Documents issued by bulk imports (demo data) are rendered in the background after start. */
  onApplicationBootstrap(): void {
    this.kickOutbox().catch(() => {});
  }

  /**
   * Stops the outbox and waits for the pass in flight (at most the render at hand and its UPDATE),
   * so the connection pool closes only after it; what is left stays pending for the next start.
   */
  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    await this.draining;
  }

  /**
   * Issues a document inside the caller's transaction: the view model is frozen from the case as
   * it now stands and the PDF is rendered and stored with it, so the action and its document
   * commit together. `deferRender` leaves the bytes to the outbox worker (bulk imports, see BulkContext).
   */
  async issue(
    m: EntityManager,
    kind: DocumentKind,
    c: Case,
    at: Date,
    opts: { deferRender?: boolean; subjectPartyId?: string } = {},
  ): Promise<DocumentRecord> {
    const caseId = c.id;
    const subject = opts.subjectPartyId ? { partyId: opts.subjectPartyId, serviceUrl: `${this.config.publicUrl}/party` } : undefined;
    const view = await buildViewModel(m, kind, c, at, subject);
    const id = randomUUID();
    const contentSha256 = createHash('sha256')
      .update(canonicalJson({ id, kind, caseId, issuedAt: at.toISOString(), view }))
      .digest('hex');
    const record = m.create(DocumentRecord, {
      id,
      caseId,
      kind,
      title: DOCUMENT_TITLES[kind],
      contentSha256,
      viewModel: view,
      issuedAt: at,
      status: 'pending',
    });
    if (!opts.deferRender) Object.assign(record, await this.render(record));
    await m
      .createQueryBuilder()
      .insert()
      .into(DocumentRecord)
      .values(record as never)
      .execute();
    // The case's chain as it stands with this document is signed once the action commits, off the request.
    this.checkpoints.checkpointAfterCommit(m, streamOf(caseId));
    return record;
  }

  /** The PDF of `d` as `user` may see it: as issued, or for a mediator re-rendered with ID numbers masked (never stored). */
  async copyFor(user: AuthUser, d: DocumentRecord): Promise<Buffer> {
    if (masksIdentityFor(user)) return (await this.render(d, maskIdentity(d.viewModel))).pdf!;
    return this.original(d);
  }

  /** The document as issued (rendered now, and stored, if the outbox has not got to it yet). */
  async original(d: DocumentRecord): Promise<Buffer> {
    if (d.status === 'ready' && d.pdf) return d.pdf;
    const rendered = await this.render(d);
    await this.dataSource.getRepository(DocumentRecord).update({ id: d.id, status: d.status }, rendered);
    return rendered.pdf!;
  }

  private async render(d: DocumentRecord, view: unknown = d.viewModel): Promise<Rendered> {
    const pdf = await this.renderer.render(d.kind, view as ViewModels[typeof d.kind], {
      title: d.title,
      verifyUrl: `${this.config.publicUrl}/verify/${d.contentSha256}`,
      shortHash: d.contentSha256.slice(0, 16),
      issuedAt: d.issuedAt,
      documentId: d.id,
    });
    return { pdf, sha256: createHash('sha256').update(pdf).digest('hex'), byteSize: pdf.length, status: 'ready' };
  }

  /** Outbox worker: renders pending documents until none are left; always completes or marks failed. */
  kickOutbox(): Promise<void> {
    this.draining ??= this.drain().finally(() => {
      this.draining = null;
    });
    return this.draining;
  }

  /** Never throws: a lost connection or shutdown just ends this pass; the next start resumes it. */
  private async drain(): Promise<void> {
    try {
      await this.drainPending();
    } catch (e) {
      if (!this.stopped) this.logger.warn(`Document outbox paused: ${(e as Error).message}`);
    }
  }

  private async drainPending(): Promise<void> {
    let rendered = 0;
    const started = Date.now();
    while (!this.stopped) {
      const batch = await this.dataSource.getRepository(DocumentRecord).find({
        where: { status: 'pending' },
        order: { issuedAt: 'ASC' },
        take: 20,
        select: { id: true, caseId: true, kind: true, title: true, contentSha256: true, viewModel: true, issuedAt: true, status: true },
      });
      if (batch.length === 0) break;
      for (const d of batch) {
        if (this.stopped) break;
        let out: Rendered;
        try {
          out = await this.render(d);
        } catch (e) {
          // Only a render that fails on its own marks the document failed; while stopping it stays pending.
          if (this.stopped) break;
          this.logger.error(`Rendering document ${d.id} (${d.kind}) failed: ${(e as Error).message}`);
          await this.dataSource.getRepository(DocumentRecord).update({ id: d.id, status: 'pending' }, { status: 'failed' });
          continue;
        }
        // A failed UPDATE (lost connection) propagates: the document stays pending and drain() pauses.
        await this.dataSource.getRepository(DocumentRecord).update({ id: d.id, status: 'pending' }, out);
        rendered++;
      }
    }
    if (rendered)
      this.logger.log(
        `Rendered ${rendered} pending documents in ${Date.now() - started} ms${this.stopped ? ' (stopped; the rest resume on the next start)' : ''}`,
      );
  }

  async listForCase(user: AuthUser, caseId: string) {
    const c = await this.access.findVisible(this.dataSource.manager, user, caseId);
    const docs = await this.dataSource.getRepository(DocumentRecord).find({
      where: { caseId: c.id },
      order: { issuedAt: 'ASC', createdAt: 'ASC' },
      select: { id: true, kind: true, title: true, sha256: true, status: true, issuedAt: true, byteSize: true },
    });
    const services = await this.dataSource
      .getRepository(DocumentServiceRecord)
      .find({ where: { caseId: c.id }, order: { servedAt: 'ASC' } });
    return docs.map((d) => ({
      id: d.id,
      kind: d.kind,
      title: d.title,
      sha256: d.sha256,
      status: d.status,
      byteSize: d.byteSize,
      createdAt: d.issuedAt.toISOString(),
      services: services
        .filter((v) => v.documentId === d.id)
        .map((v) => ({
          partyId: v.partyId,
          method: v.method,
          servedAt: v.servedAt.toISOString(),
          readAt: v.readAt?.toISOString() ?? null,
        })),
    }));
  }

  /**
   * The PDF of a document whose case's documents the caller may read (CaseAccess), as they may see
   * it (copyFor); every download is an audit event on the case naming the document and the sha256
   * of the bytes served.
   */
  async pdf(user: AuthUser, id: string): Promise<{ pdf: Buffer; filename: string; sha256: string }> {
    const d = await this.dataSource.getRepository(DocumentRecord).findOne({ where: { id } });
    if (!d) throw notFound('Document');
    const c = await this.access.findWithReadableDocuments(this.dataSource.manager, user, d.caseId);
    const pdf = await this.copyFor(user, d);
    const sha256 = createHash('sha256').update(pdf).digest('hex');
    await this.audit.appendNow({
      caseId: c.id,
      type: 'document.downloaded',
      at: this.clock.now(),
      actor: user,
      data: { documentId: d.id, kind: d.kind, sha256, issuedSha256: d.sha256 ?? sha256, idNumbersMasked: masksIdentityFor(user) },
    });
    return { pdf, sha256, filename: `${c.caseNumber}-${d.title}.pdf` };
  }

  /**
   * The case file (调解卷宗): cover, contents and every issued document in the MoJ order, rendered
   * from the frozen view models, so it matches the documents as issued. Not stored: it is a print view.
   */
  async dossier(user: AuthUser, caseId: string): Promise<{ pdf: Buffer; filename: string }> {
    const m = this.dataSource.manager;
    const c = await this.access.findWithReadableDocuments(m, user, caseId);
    const masked = masksIdentityFor(user);
    const docs = await m.getRepository(DocumentRecord).find({
      where: { caseId: c.id },
      order: { issuedAt: 'ASC', createdAt: 'ASC' },
      select: { id: true, kind: true, viewModel: true, issuedAt: true, sha256: true },
    });
    if (docs.length === 0) throw new DomainError('UNPROCESSABLE', 'No documents have been issued for this case yet');
    const ctx = await buildDossierContext(m, c);
    const names = (role: string) =>
      ctx.agg.parties
        .filter((p) => p.role === role)
        .map((p) => p.name)
        .join('、');
    const sessions = ctx.agg.sessions;
    const now = this.clock.now();
    const lastIssued = docs[docs.length - 1]!.issuedAt;
    const pdf = await this.renderer.renderDossier(
      {
        volumeName: `${names('applicant')}与${names('respondent')}${disputeTypeOf(c.disputeType)?.name ?? ''}`,
        // The mediation's own number (the agreement's, 赤市调字〔2026〕第12号) when it ended in one.
        volumeNumber: ctx.agg.agreement?.number ?? c.caseNumber,
        caseNumber: c.caseNumber,
        organizationName: ctx.organization.name,
        mediatorNames: ctx.mediatorName ? [ctx.mediatorName] : [],
        mediationFrom: chinaDateOf(c.acceptedAt ?? sessions[0]?.heldAt ?? c.createdAt),
        mediationTo: c.mediationEndedAt ? chinaDateOf(c.mediationEndedAt) : null,
        filedBy: user.displayName,
        filedOn: chinaDateOf(now),
        retentionPeriod: '长期',
        documents: docs.map((d) => ({ kind: d.kind, view: masked ? maskIdentity(d.viewModel) : d.viewModel }) as DossierEntry),
      },
      {
        title: '调解卷宗',
        verifyUrl: `${this.config.publicUrl}/cases/${c.id}`,
        shortHash: c.caseNumber,
        issuedAt: lastIssued,
        documentId: c.id,
      },
    );
    await this.audit.appendNow({
      caseId: c.id,
      type: 'dossier.printed',
      at: now,
      actor: user,
      data: {
        documents: docs.length,
        sha256: createHash('sha256').update(pdf).digest('hex'),
        idNumbersMasked: masked,
        contents: docs.map((d) => ({ documentId: d.id, kind: d.kind, sha256: d.sha256 })),
      },
    });
    return { pdf, filename: `${c.caseNumber}-调解卷宗.pdf` };
  }

  /** Public verification by the PDF's sha256 or by the content hash printed in its QR code. */
  async verify(hash: string) {
    const h = hash.toLowerCase();
    if (!/^[0-9a-f]{64}$/.test(h)) return null;
    const row = await this.dataSource
      .getRepository(DocumentRecord)
      .createQueryBuilder('d')
      .innerJoin('cases', 'c', 'c.id = d.case_id')
      .select(['d.kind AS kind', 'd.title AS title', 'd.issued_at AS issued_at', 'd.sha256 AS sha256', 'c.case_number AS case_number'])
      .where('d.sha256 = :h OR d.content_sha256 = :h', { h })
      .getRawOne<{ kind: string; title: string; issued_at: Date; sha256: string | null; case_number: string }>();
    if (!row) return null;
    return {
      valid: true,
      kind: row.kind,
      title: row.title,
      caseNumber: row.case_number,
      issuedAt: new Date(row.issued_at).toISOString(),
      sha256: row.sha256,
    };
  }
}
