import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditCheckpoint, AuditCheckpointStream } from './audit-checkpoint.entity.js';
import { AuditCheckpointService } from './audit-checkpoint.service.js';
import { AuditEvent } from './audit-event.entity.js';
import { AuditService } from './audit.service.js';

/**
 * The hash-chained audit trail every state change appends to in its own transaction, and the
 * signed checkpoints that pin the chains' heads (scheduled, and after each document issue).
 */
@Module({
  imports: [TypeOrmModule.forFeature([AuditEvent, AuditCheckpoint, AuditCheckpointStream])],
  providers: [AuditService, AuditCheckpointService],
  exports: [TypeOrmModule, AuditService, AuditCheckpointService],
})
export class AuditModule {}
