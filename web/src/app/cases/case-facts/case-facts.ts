import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { CaseApi } from '../case-api';
import { CASE_STATUS_LABELS, PARTY_KIND_LABELS, PARTY_ROLE_LABELS, TRACK_LABELS, statusTone } from '../../shared/case-status';
import { formatInstant } from '../../shared/dates';
import { formatMoney, toChineseCapitals } from '../../shared/money';
import { CaseRecord } from '../case-models';
import { DisputeTypeStore } from '../dispute-type-store';

/** The facts of a case as every role sees them: parties (IDs masked), claims, clocks, agreement. */
@Component({
  selector: 'app-case-facts',
  imports: [MatButtonModule],
  templateUrl: './case-facts.html',
  styleUrl: './case-facts.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CaseFacts {
  private readonly disputeTypes = inject(DisputeTypeStore);
  private readonly api = inject(CaseApi);
  readonly record = input.required<CaseRecord>();
  /** Clerks and judges may read a party's full ID number; each read is audited by the API. */
  readonly canUnmask = input(false);
  readonly unmasked = signal<Record<string, string>>({});

  constructor() {
    this.disputeTypes.load();
  }

  unmask(partyId: string): void {
    this.api.partyUnmasked(this.record().id, partyId).subscribe({
      next: (p) => this.unmasked.update((m) => ({ ...m, [partyId]: p.idNumber ?? p.creditCode ?? '—' })),
      error: () => this.unmasked.update((m) => ({ ...m, [partyId]: '无法读取' })),
    });
  }

  readonly view = computed(() => {
    const c = this.record();
    const partyName = new Map((c.parties ?? []).map((p) => [p.id, p.name]));
    return {
      statusLabel: CASE_STATUS_LABELS[c.status] ?? c.status,
      tone: statusTone(c.status),
      track: TRACK_LABELS[c.track] ?? c.track,
      disputeType: this.disputeTypes.nameOf(c.disputeType),
      amount: formatMoney(c.claimAmount),
      capitals: toChineseCapitals(c.claimAmount) ?? '',
      parties: (c.parties ?? []).map((p) => ({
        ...p,
        roleLabel: PARTY_ROLE_LABELS[p.role] ?? p.role,
        kindLabel: PARTY_KIND_LABELS[p.kind] ?? p.kind,
        identifier: p.kind === 'organization' ? p.creditCode : p.idNumberMasked,
        consent: consentText((c.partyConsents ?? []).find((k) => k.partyId === p.id)),
      })),
      deadlines: [
        { label: '领取期限', value: c.deadlines?.acceptBy },
        { label: '调解期限', value: c.deadlines?.mediationEndsOn },
        { label: '申请司法确认期限', value: c.deadlines?.confirmationApplyBy },
        { label: '确认审查期限', value: c.deadlines?.decisionDueOn },
      ],
      terms: (c.agreement?.terms ?? []).map((t) => ({
        obligor: partyName.get(t.obligorPartyId) ?? '—',
        obligee: partyName.get(t.obligeePartyId) ?? '—',
        amount: formatMoney(t.amount),
        dueOn: t.dueOn,
        method: t.method ?? '',
      })),
      signedAt: formatInstant(c.agreement?.signedAt),
    };
  });
}

/** What the party answered on the party side (同意调解 / 电子送达), or that they have not yet. */
function consentText(
  k: { consented: boolean; mediation: boolean | null; electronicService: boolean | null; consentedAt: string | null } | undefined,
): string {
  if (!k?.consented) return '尚未在线确认调解意愿与送达方式';
  const parts = [k.mediation ? '同意调解' : '不同意调解', k.electronicService ? '同意电子送达' : '不同意电子送达（需纸质送达）'];
  return `本人已在线确认：${parts.join('，')}${k.consentedAt ? `（${formatInstant(k.consentedAt)}）` : ''}`;
}
