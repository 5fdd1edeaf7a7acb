import { AdminImport } from '../admin/admin-import.entity.js';
import { AuditCheckpoint, AuditCheckpointStream } from '../audit/audit-checkpoint.entity.js';
import { AuditEvent } from '../audit/audit-event.entity.js';
import { LoginAttempt } from '../auth/login-attempt.entity.js';
import { RevokedToken } from '../auth/revoked-token.entity.js';
import { CalendarOverride } from '../calendar/calendar-override.entity.js';
import { CourtCalendarOverride } from '../calendar/court-calendar-override.entity.js';
import { Agreement, AgreementNumberSequence, AgreementTerm } from '../case-records/agreement.entity.js';
import { Case, CaseNumberSequence } from '../case-records/case.entity.js';
import { CaseConclusion } from '../case-records/conclusion.entity.js';
import { Confirmation } from '../case-records/confirmation.entity.js';
import { ConfirmationReview } from '../case-records/confirmation-review.entity.js';
import { Party } from '../case-records/party.entity.js';
import { FollowupRecord } from '../case-records/followup-record.entity.js';
import { Obligation, ObligationReminder } from '../case-records/obligation.entity.js';
import { MediationSession } from '../case-records/session.entity.js';
import { Termination } from '../case-records/termination.entity.js';
import { Court, CourtPopulation } from '../courts/court.entity.js';
import { DocumentRecord } from '../documents/document.entity.js';
import { DocumentServiceRecord } from '../documents/document-service.entity.js';
import { Organization } from '../organizations/organization.entity.js';
import { PartyCode } from '../party/party-code.entity.js';
import { PartyConsent } from '../case-records/party-consent.entity.js';
import { AgreementSignature } from '../case-records/agreement-signature.entity.js';
import { ConfirmationJoin, PartyRating } from '../case-records/party-participation.entity.js';
import { SmsOutboxMessage } from '../sms/sms-outbox.entity.js';
import { CaseStatFact, StatsDirtyCase, StatsRollup } from '../stats/stats.entities.js';
import { MediatorRosterEntry } from '../users/mediator-roster.entity.js';
import { User } from '../users/user.entity.js';
import { AppMeta } from './app-meta.entity.js';

export const ENTITIES = [
  Court,
  CourtPopulation,
  Organization,
  User,
  MediatorRosterEntry,
  LoginAttempt,
  RevokedToken,
  Case,
  CaseNumberSequence,
  Party,
  MediationSession,
  Agreement,
  AgreementTerm,
  AgreementNumberSequence,
  Confirmation,
  Termination,
  CaseConclusion,
  ConfirmationReview,
  DocumentRecord,
  AuditEvent,
  AuditCheckpoint,
  AuditCheckpointStream,
  CalendarOverride,
  CourtCalendarOverride,
  CaseStatFact,
  StatsRollup,
  StatsDirtyCase,
  AppMeta,
  SmsOutboxMessage,
  Obligation,
  ObligationReminder,
  FollowupRecord,
  PartyCode,
  DocumentServiceRecord,
  PartyConsent,
  AgreementSignature,
  ConfirmationJoin,
  PartyRating,
  AdminImport,
];
