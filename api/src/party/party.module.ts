import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { DocumentsModule } from '../documents/documents.module.js';
import { CalendarModule } from '../calendar/calendar.module.js';
import { CasesModule } from '../cases/cases.module.js';
import { PartyParticipationService } from './party-participation.service.js';
import { PartyAuthService } from './party-auth.service.js';
import { PartyCode } from './party-code.entity.js';
import { PartyConsent } from '../case-records/party-consent.entity.js';
import { PartyController } from './party.controller.js';
import { SmsOutboxController } from './sms-outbox.controller.js';

/** The parties' own side: sign-in by SMS code (role `party`, scoped to one party of one case). */
@Module({
  imports: [TypeOrmModule.forFeature([PartyCode, PartyConsent]), AuditModule, DocumentsModule, CalendarModule, CasesModule],
  controllers: [PartyController, SmsOutboxController],
  providers: [PartyAuthService, PartyParticipationService],
})
export class PartyModule {}
