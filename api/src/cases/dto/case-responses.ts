/**
 * Response shapes of /api/cases (OpenAPI): what cases/case-view.ts builds, field by field.
 * Enums come from the rules, so the document lists exactly what the server can answer.
 */
import { ApiProperty } from '@nestjs/swagger';
import { calendarDate, instant, integer, money, PageMeta, uuid } from '../../common/api-docs.js';
import { CASE_STATUSES, type CaseStatus, REJECTION_GROUNDS, TERMINATION_REASONS } from '../../rules/case-status.js';
import { DISPUTE_TYPES } from '../../rules/dispute-types.js';
import { OBLIGATION_STATUSES } from '../../rules/obligations.js';
import { DOCUMENT_STATUSES, DocumentServiceView } from '../../documents/document-responses.js';
import { DOCUMENT_KINDS, type DocumentKind } from '../../rules/document-kinds.js';
import { TRACK_CODES, type Procedure, type TrackCode } from '../../rules/tracks.js';
import { ROLES, type Role } from '../../users/user.entity.js';

export const DISPUTE_TYPE_CODES = DISPUTE_TYPES.map((d) => d.code);
const TERMINATION_REASON_CODES = Object.keys(TERMINATION_REASONS);
const REJECTION_GROUND_CODES = Object.keys(REJECTION_GROUNDS);

export class PartyView {
  @ApiProperty(uuid()) id: string;
  @ApiProperty({ enum: ['applicant', 'respondent'] }) role: 'applicant' | 'respondent';
  @ApiProperty({ enum: ['person', 'organization'] }) kind: 'person' | 'organization';
  @ApiProperty({ example: '刘小富' }) name: string;
  @ApiProperty({ type: 'string', nullable: true, example: '520381********123X', description: 'First 6 and last 4 characters' })
  idNumberMasked: string | null;
  @ApiProperty({ type: 'string', nullable: true, example: '91520381MA6DKQ0X1B' }) creditCode: string | null;
  @ApiProperty({ type: 'string', nullable: true, example: '张某' }) representative: string | null;
  @ApiProperty({ type: 'string', nullable: true, example: '13800000000' }) phone: string | null;
  @ApiProperty({ type: 'string', nullable: true, example: '贵州省赤水市市中街道' }) address: string | null;
}

export class PartyUnmaskedView {
  @ApiProperty(uuid()) id: string;
  @ApiProperty({ enum: ['applicant', 'respondent'] }) role: 'applicant' | 'respondent';
  @ApiProperty({ enum: ['person', 'organization'] }) kind: 'person' | 'organization';
  @ApiProperty({ example: '刘小富' }) name: string;
  @ApiProperty({ type: 'string', nullable: true, example: '52038119900101123X' }) idNumber: string | null;
  @ApiProperty({ type: 'string', nullable: true, example: '91520381MA6DKQ0X1B' }) creditCode: string | null;
  @ApiProperty({ type: 'string', nullable: true, example: '张某' }) representative: string | null;
  @ApiProperty({ type: 'string', nullable: true, example: '13800000000' }) phone: string | null;
  @ApiProperty({ type: 'string', nullable: true, example: '贵州省赤水市市中街道' }) address: string | null;
}

export class DelegationView {
  @ApiProperty(uuid({ nullable: true })) organizationId: string | null;
  @ApiProperty(uuid({ nullable: true })) mediatorId: string | null;
  @ApiProperty({ enum: ['organization', 'mediator', 'court'], nullable: true, description: 'Which queue the case waits in' })
  scope: 'organization' | 'mediator' | 'court' | null;
  @ApiProperty(instant()) delegatedAt: string;
  @ApiProperty({ type: 'string', nullable: true }) note: string | null;
}

export class AssigneeView {
  @ApiProperty(uuid()) id: string;
  @ApiProperty({ example: '王调解' }) displayName: string;
}

export class DeadlinesView {
  @ApiProperty(calendarDate({ nullable: true, description: 'The mediator must accept by (三个工作日)' })) acceptBy: string | null;
  @ApiProperty(calendarDate({ nullable: true })) mediationEndsOn: string | null;
  @ApiProperty(calendarDate({ nullable: true })) confirmationApplyBy: string | null;
  @ApiProperty(calendarDate({ nullable: true })) decisionDueOn: string | null;
}

export class ConfirmationSummaryView {
  @ApiProperty({ example: '（2026）黔0381诉前调确1号' }) caseNumber: string;
  @ApiProperty(calendarDate()) appliedOn: string;
  @ApiProperty({ enum: ['confirmed', 'rejected'], nullable: true }) result: 'confirmed' | 'rejected' | null;
}

export class ConfirmationView extends ConfirmationSummaryView {
  @ApiProperty({ enum: REJECTION_GROUND_CODES, isArray: true }) grounds: string[];
  @ApiProperty({ type: 'string', nullable: true }) reasoning: string | null;
  @ApiProperty(instant({ nullable: true })) decidedAt: string | null;
}

/** A case in a list: no sessions, agreement or documents. */
export class CaseSummaryView {
  @ApiProperty(uuid()) id: string;
  @ApiProperty({ example: '（2026）黔0381民诉前调1号' }) caseNumber: string;
  @ApiProperty({ enum: TRACK_CODES }) track: TrackCode;
  @ApiProperty({
    type: 'string',
    nullable: true,
    description: 'Set on a pre_litigation case received under the 2025 regime (the court kept 诉前委派调解); shown on every screen',
  })
  regimeWarning: string | null;
  @ApiProperty({ enum: ['ordinary', 'simple'] }) procedure: Procedure;
  @ApiProperty({ enum: CASE_STATUSES }) status: CaseStatus;
  @ApiProperty({ enum: DISPUTE_TYPE_CODES, example: 'sale_contract' }) disputeType: string;
  @ApiProperty(money({ example: '120000.00' })) claimAmount: string;
  @ApiProperty({ example: '纠纷简要情况' }) summary: string;
  @ApiProperty({ type: [String] }) claims: string[];
  @ApiProperty(calendarDate()) receivedOn: string;
  @ApiProperty({ type: [PartyView] }) parties: PartyView[];
  @ApiProperty({ type: DelegationView, nullable: true }) delegation: DelegationView | null;
  @ApiProperty({ type: AssigneeView, nullable: true }) assignee: AssigneeView | null;
  @ApiProperty({ type: DeadlinesView }) deadlines: DeadlinesView;
  @ApiProperty({ description: 'A deadline lies in a year without a published holiday schedule' }) deadlinesProvisional: boolean;
  @ApiProperty() overdue: boolean;
  @ApiProperty(integer({ minimum: 1, example: 3 })) version: number;
  @ApiProperty({ type: ConfirmationSummaryView, nullable: true }) confirmation: ConfirmationSummaryView | null;
}

export class ExtensionView {
  @ApiProperty(integer({ minimum: 1 })) days: number;
  @ApiProperty() reason: string;
  @ApiProperty(instant()) at: string;
  @ApiProperty(uuid()) byUserId: string;
}

export class SessionAgentView {
  @ApiProperty(uuid()) partyId: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ['special', 'general'] }) authority: 'special' | 'general';
}

export class SessionView {
  @ApiProperty(uuid()) id: string;
  @ApiProperty(integer({ minimum: 1 })) seq: number;
  @ApiProperty(instant()) heldAt: string;
  @ApiProperty({ enum: ['in_person', 'video', 'phone'] }) mode: 'in_person' | 'video' | 'phone';
  @ApiProperty({ type: 'string', nullable: true }) location: string | null;
  @ApiProperty({ type: [String] }) attendees: string[];
  @ApiProperty() minutes: string;
  @ApiProperty({ type: 'string', nullable: true }) undisputedFacts: string | null;
  @ApiProperty({ type: 'string', nullable: true, description: 'The mediator’s disclosure (在线调解规则 Art. 13)' })
  disclosure: string | null;
  @ApiProperty() recusalRequested: boolean;
  @ApiProperty({ enum: ['agreed', 'adjourned', 'failed'] }) result: 'agreed' | 'adjourned' | 'failed';
  @ApiProperty({ type: [SessionAgentView] }) agents: SessionAgentView[];
}

export class AgreementTermView {
  @ApiProperty(uuid()) id: string;
  @ApiProperty(uuid()) obligorPartyId: string;
  @ApiProperty(uuid()) obligeePartyId: string;
  @ApiProperty(money()) amount: string;
  @ApiProperty(calendarDate()) dueOn: string;
  @ApiProperty({ type: 'string', nullable: true, example: '银行转账' }) method: string | null;
}

export class AgreementSignatureView {
  @ApiProperty(uuid()) partyId: string;
  @ApiProperty({ enum: ['online', 'paper'] }) method: 'online' | 'paper';
  @ApiProperty(instant({ nullable: true })) signedAt: string | null;
  @ApiProperty({ type: 'string', nullable: true, description: 'sha256 of the exact PDF signed' }) documentSha256: string | null;
}

export class AgreementRefusalView {
  @ApiProperty(uuid()) partyId: string;
  @ApiProperty() reason: string;
  @ApiProperty(instant()) refusedAt: string;
}

export class AgreementView {
  @ApiProperty() content: string;
  @ApiProperty({ type: [AgreementTermView] }) terms: AgreementTermView[];
  @ApiProperty({ type: 'string', nullable: true }) performancePlace: string | null;
  @ApiProperty({
    description: "编号 in the mediating committee's own gapless yearly series, shared with the dossier",
    example: '赤市调字〔2026〕第12号',
  })
  number: string;
  @ApiProperty(instant({ nullable: true, description: 'When the last party signed; null while awaiting online signatures' }))
  signedAt: string | null;
  @ApiProperty(calendarDate({ nullable: true })) effectiveOn: string | null;
  @ApiProperty({ enum: ['paper', 'online'] }) signatureMethod: 'paper' | 'online';
  @ApiProperty({ description: 'Issued for online signature and not yet signed by every party' }) awaitingSignatures: boolean;
  @ApiProperty(uuid({ nullable: true, description: 'The agreement PDF issued for online signature' })) signingDocumentId: string | null;
  @ApiProperty({ type: [AgreementSignatureView] }) signatures: AgreementSignatureView[];
  @ApiProperty({ type: [AgreementRefusalView], description: 'Parties who refused to sign the PDF awaiting signature, with their reasons' })
  refusals: AgreementRefusalView[];
}

export class ConfirmationJoinView {
  @ApiProperty(uuid()) partyId: string;
  @ApiProperty(instant()) joinedAt: string;
}

export class TerminationView {
  @ApiProperty({ enum: TERMINATION_REASON_CODES }) reason: string;
  @ApiProperty() details: string;
  @ApiProperty({ type: 'string', nullable: true }) undisputedFacts: string | null;
  @ApiProperty(instant()) at: string;
}

export class CaseDocumentView {
  @ApiProperty(uuid()) id: string;
  @ApiProperty({ enum: DOCUMENT_KINDS }) kind: DocumentKind;
  @ApiProperty({ example: '人民调解协议书' }) title: string;
  @ApiProperty({ type: 'string', nullable: true, pattern: '^[0-9a-f]{64}$', description: 'null until the PDF is rendered' })
  sha256: string | null;
  @ApiProperty({ enum: DOCUMENT_STATUSES }) status: (typeof DOCUMENT_STATUSES)[number];
  @ApiProperty(instant({ description: 'When the document was issued' })) createdAt: string;
  @ApiProperty({ type: [DocumentServiceView], description: 'Served electronically on these parties; the others are served on paper' })
  services: DocumentServiceView[];
}

export class PartyContactView {
  @ApiProperty(uuid()) id: string;
  @ApiProperty({ nullable: true, type: String }) name: string | null;
  @ApiProperty({ nullable: true, type: String }) phone: string | null;
}

/** An agreement term as an obligation to perform (issue 17). */
export class ObligationView {
  @ApiProperty(uuid()) id: string;
  @ApiProperty(integer({ minimum: 1 })) position: number;
  @ApiProperty({ type: PartyContactView }) obligor: PartyContactView;
  @ApiProperty({ type: PartyContactView }) obligee: PartyContactView;
  @ApiProperty(money()) amount: string;
  @ApiProperty(calendarDate()) dueOn: string;
  @ApiProperty({ nullable: true, type: String }) method: string | null;
  @ApiProperty({ enum: OBLIGATION_STATUSES }) status: (typeof OBLIGATION_STATUSES)[number];
  @ApiProperty(money()) paidAmount: string;
  @ApiProperty(money()) outstanding: string;
  @ApiProperty(calendarDate({ nullable: true })) paidOn: string | null;
  @ApiProperty({ nullable: true, type: String }) evidenceNote: string | null;
  @ApiProperty(integer({ minimum: 1 })) version: number;
}

/** A party's own consent, given on the party side (issue 16); all null until they consent. */
export class PartyConsentView {
  @ApiProperty(uuid()) partyId: string;
  @ApiProperty({ description: 'The party has answered on the party side' }) consented: boolean;
  @ApiProperty({ type: Boolean, nullable: true, description: '同意调解' }) mediation: boolean | null;
  @ApiProperty({ type: Boolean, nullable: true, description: '同意电子送达 (CPL 90)' }) electronicService: boolean | null;
  @ApiProperty({ type: String, nullable: true, description: '送达地址' }) serviceAddress: string | null;
  @ApiProperty(instant({ nullable: true })) consentedAt: string | null;
}

/** The case representation of the contract (GET /api/cases/{id}, and every action's answer). */
export class CaseView extends CaseSummaryView {
  @ApiProperty(instant({ nullable: true, description: 'When the assignee claimed it' })) acceptedAt: string | null;
  @ApiProperty({ type: [ExtensionView] }) extensions: ExtensionView[];
  @ApiProperty({ type: [SessionView] }) sessions: SessionView[];
  @ApiProperty({ type: AgreementView, nullable: true }) agreement: AgreementView | null;
  @ApiProperty({ type: [ObligationView] }) obligations: ObligationView[];
  @ApiProperty({ type: TerminationView, nullable: true }) termination: TerminationView | null;
  @ApiProperty({ type: ConfirmationView, nullable: true }) declare confirmation: ConfirmationView | null;
  @ApiProperty({ type: [CaseDocumentView] }) documents: CaseDocumentView[];
  @ApiProperty({ type: [PartyConsentView], description: 'Each party’s consent to mediation and electronic service' })
  partyConsents: PartyConsentView[];
  @ApiProperty({ type: [ConfirmationJoinView], description: 'Parties who joined the application for judicial confirmation online' })
  confirmationJoins: ConfirmationJoinView[];
}

export class CasePage extends PageMeta {
  @ApiProperty({ type: [CaseSummaryView] }) items: CaseSummaryView[];
}

export class EventActorView {
  @ApiProperty(uuid()) id: string;
  @ApiProperty({ type: 'string', nullable: true, example: 'clerk1' }) username: string | null;
  @ApiProperty({ enum: ROLES, nullable: true }) role: Role | null;
}

export class CaseEventView {
  @ApiProperty(integer({ minimum: 1 })) seq: number;
  @ApiProperty({ example: 'case.registered' }) type: string;
  @ApiProperty(instant()) at: string;
  @ApiProperty({ type: EventActorView, nullable: true, description: 'null for system events' }) actor: EventActorView | null;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Event details (type-specific)' })
  data: Record<string, unknown>;
  @ApiProperty({ pattern: '^[0-9a-f]{64}$' }) hash: string;
  @ApiProperty({ pattern: '^[0-9a-f]{64}$' }) prevHash: string;
}
