import { PartyRole } from '../shared/case-status';
import { CaseRecord } from './case-models';

export interface RunningDeadline {
  label: string;
  date: string;
}

/** The clock that matters in the case's current status, if one is running. */
export function runningDeadline(c: Pick<CaseRecord, 'status' | 'deadlines'>): RunningDeadline | null {
  const d = c.deadlines;
  if (!d) return null;
  switch (c.status) {
    case 'delegated':
      return d.acceptBy ? { label: '领取期限', date: d.acceptBy } : null;
    case 'in_mediation':
      return d.mediationEndsOn ? { label: '调解期限', date: d.mediationEndsOn } : null;
    case 'agreed':
      return d.confirmationApplyBy ? { label: '申请确认期限', date: d.confirmationApplyBy } : null;
    case 'confirmation_pending':
      return d.decisionDueOn ? { label: '审查期限', date: d.decisionDueOn } : null;
    default:
      return null;
  }
}

export function partyNames(c: Pick<CaseRecord, 'parties'>, role: PartyRole): string {
  const names = (c.parties ?? []).filter((p) => p.role === role).map((p) => p.name);
  return names.length ? names.join('、') : '—';
}
