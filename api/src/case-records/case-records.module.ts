import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Agreement, AgreementTerm } from './agreement.entity.js';
import { CaseAccess } from './case-access.service.js';
import { Case, CaseNumberSequence } from './case.entity.js';
import { Confirmation } from './confirmation.entity.js';
import { Party } from './party.entity.js';
import { MediationSession } from './session.entity.js';
import { Termination } from './termination.entity.js';

/**
 * What a case is — the case row and what hangs off it (parties, sessions, agreement, confirmation,
 * termination, number series) — and who may see it. Below cases (the work done on a case) and
 * documents (what is issued for it), which both read it.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([Case, CaseNumberSequence, Party, MediationSession, Agreement, AgreementTerm, Confirmation, Termination]),
  ],
  providers: [CaseAccess],
  exports: [TypeOrmModule, CaseAccess],
})
export class CaseRecordsModule {}
