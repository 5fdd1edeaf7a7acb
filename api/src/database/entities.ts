import { AuditEvent } from '../audit/audit-event.entity.js';
import { CalendarOverride } from '../calendar/calendar-override.entity.js';
import { Agreement, AgreementTerm } from '../cases/agreement.entity.js';
import { Case, CaseNumberSequence } from '../cases/case.entity.js';
import { Confirmation } from '../cases/confirmation.entity.js';
import { Party } from '../cases/party.entity.js';
import { MediationSession } from '../cases/session.entity.js';
import { Termination } from '../cases/termination.entity.js';
import { Court, CourtPopulation } from '../courts/court.entity.js';
import { DocumentRecord } from '../documents/document.entity.js';
import { Organization } from '../organizations/organization.entity.js';
import { CaseStatFact, StatsDirtyCase, StatsRollup } from '../stats/stats.entities.js';
import { LoginFailure, User } from '../users/user.entity.js';
import { AppMeta } from './app-meta.entity.js';

export const ENTITIES = [
  Court, CourtPopulation, Organization, User, LoginFailure, Case, CaseNumberSequence, Party, MediationSession,
  Agreement, AgreementTerm, Confirmation, Termination, DocumentRecord, AuditEvent, CalendarOverride,
  CaseStatFact, StatsRollup, StatsDirtyCase, AppMeta,
];
