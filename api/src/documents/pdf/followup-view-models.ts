/** View model of the 人民调解回访记录 (issue 17 item 4; conventions: view-models.ts). */
import type { FollowupMethod, FollowupOutcome, ObligationStatus } from '../../rules/obligations.js';
import type { CaseBasics, DateString, FenString, MediationOrganization } from './view-models.js';

/** One agreement term as it stands on the day of the 回访. */
export interface FollowupObligationLine {
  /** 1-based position of the term in the agreement. */
  no: number;
  obligor: string;
  obligee: string;
  amount: FenString;
  dueOn: DateString;
  status: ObligationStatus;
  paid: FenString;
  outstanding: FenString;
}

/** One performance record (履行凭证 entry): what was recorded, when, and on what evidence. */
export interface PaymentEvidenceLine {
  /** The term's position (see `FollowupObligationLine.no`). */
  obligationNo: number;
  /** Day of payment; for a record without payment (default, waiver) the day it was recorded. */
  on: DateString;
  status: ObligationStatus;
  /** Paid with this record ("0" for a default or waiver). */
  amount: FenString;
  evidenceNote?: string | null;
}

export interface FollowupRecordView extends CaseBasics {
  organization: MediationOrganization;
  agreementNumber: string;
  agreementEffectiveOn: DateString;
  /** 第N次回访. */
  recordNo: number;
  contactedOn: DateString;
  contactMethod: FollowupMethod;
  contactedPerson: string;
  outcome: FollowupOutcome;
  notes: string;
  /** Who made the 回访 (the mediator, or the clerk). */
  followedUpBy: string;
  obligations: FollowupObligationLine[];
  payments: PaymentEvidenceLine[];
  totalAmount: FenString;
  totalPaid: FenString;
  totalOutstanding: FenString;
}
