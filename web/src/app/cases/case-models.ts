import type { CaseStatus, ConfirmationResult, RejectionGround } from '@rules/case-status';
import type { DocumentKind } from '@rules/document-kinds';
import type { TrackCode } from '@rules/tracks';
import { PartyKind, PartyRole, SessionMode } from '../shared/case-status';

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface Party {
  id: string;
  role: PartyRole;
  kind: PartyKind;
  name: string;
  idNumberMasked?: string | null;
  creditCode?: string | null;
  representative?: string | null;
  phone?: string | null;
  address?: string | null;
}

export interface Deadlines {
  acceptBy: string | null;
  mediationEndsOn: string | null;
  confirmationApplyBy: string | null;
  decisionDueOn: string | null;
}

export interface AgreementTerm {
  obligorPartyId: string;
  obligeePartyId: string;
  amount: string;
  dueOn: string;
  method?: string | null;
}

export interface Agreement {
  content: string;
  terms: AgreementTerm[];
  performancePlace: string | null;
  signedAt: string;
  effectiveOn: string | null;
}

export interface Confirmation {
  caseNumber: string | null;
  appliedOn: string;
  result: ConfirmationResult | null;
  grounds: RejectionGround[] | null;
  decidedAt: string | null;
  reasoning?: string | null;
}

export interface Session {
  id?: string;
  heldAt: string;
  mode: SessionMode;
  location?: string | null;
  attendees: string[];
  minutes: string;
  undisputedFacts?: string | null;
}

export interface CaseDocument {
  id: string;
  kind: DocumentKind;
  title?: string;
  /** Null until the PDF has been rendered (it is rendered on first request). */
  sha256: string | null;
  status?: 'pending' | 'ready' | 'failed';
  createdAt: string;
}

/** The case representation of `GET /api/cases/:id` (list items carry at least the summary fields). */
export interface CaseRecord {
  id: string;
  caseNumber: string;
  track: TrackCode;
  status: CaseStatus;
  disputeType: string;
  claimAmount: string;
  summary: string;
  claims: string[];
  receivedOn: string;
  parties: Party[];
  delegation: { organizationId: string | null; mediatorId: string | null; delegatedAt: string } | null;
  assignee: { id: string; displayName: string } | null;
  deadlines: Deadlines;
  overdue: boolean;
  sessions: Session[];
  agreement: Agreement | null;
  confirmation: Confirmation | null;
  documents: CaseDocument[];
  version: number;
}

export interface CaseEvent {
  seq: number;
  type: string;
  at: string;
  actor: { id: string; username: string; role: string } | null;
  data: Record<string, unknown> | null;
  hash: string;
  prevHash: string | null;
}

export interface DisputeType {
  code: string;
  name: string;
  feeCategory: string;
}

export interface CaseQuery {
  status?: string;
  q?: string;
  /** 'true': only overdue cases. */
  overdue?: 'true';
  sort?: 'receivedOn' | '-receivedOn' | 'acceptBy' | 'mediationEndsOn' | 'decisionDueOn' | 'caseNumber';
  page?: number;
  pageSize?: number;
}
