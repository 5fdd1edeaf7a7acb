import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { formatMoney, toChineseCapitals } from '../../shared/money';
import { StatsSummary, percent } from '../stats-models';

/** The headline figures and the litigation fees saved (an estimate, labelled as one). */
@Component({
  selector: 'app-kpi-cards',
  template: `
    @let s = summary();
    <ul class="kpis" aria-label="主要指标">
      @for (k of figures(); track k.label) {
        <li class="kpi">
          <span class="label">{{ k.label }}</span><span class="value">{{ k.value }}</span>
        </li>
      }
    </ul>
    <section class="performance" aria-labelledby="performance-heading">
      <h2 id="performance-heading">协议履行（期间内到期的履行义务）</h2>
      <ul class="kpis" aria-label="协议履行指标">
        @for (k of performance(); track k.label) {
          <li class="kpi">
            <span class="label">{{ k.label }}</span><span class="value">{{ k.value }}</span>
          </li>
        }
      </ul>
      <p class="muted">
        按期履行率 = 到期义务中按期履行的份额；违约率 = 到期义务中已违约的份额。已付 {{ amountPaid() }}，应付 {{ amountDue() }}。
      </p>
    </section>
    <section class="savings" aria-labelledby="savings-heading">
      <h2 id="savings-heading">节约诉讼费（估算）</h2>
      <p class="amount">{{ money() }}</p>
      <p class="muted">{{ capitals() }} · 计入 {{ s.savings.casesCounted }} 件达成协议的案件 · 口径：{{ basisLabel() }}</p>
      @if (otherBasis(); as o) {
        <p class="muted">{{ o.label }}：{{ o.amount }}</p>
      }
    </section>
  `,
  styles: `
    .kpis {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(140px, 1fr));
      gap: 12px;
    }
    .kpi {
      background: var(--mat-sys-surface-container-low);
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
      padding: 12px 16px;
      display: flex;
      flex-direction: column;
    }
    .label {
      font: var(--mat-sys-label-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    .value {
      font: var(--mat-sys-headline-small);
    }
    .performance {
      margin-top: 16px;
    }
    .performance h2 {
      margin: 0 0 8px;
      font: var(--mat-sys-title-medium);
    }
    .performance .muted {
      margin: 8px 0 0;
      color: var(--mat-sys-on-surface-variant);
    }
    .savings {
      margin-top: 16px;
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
      border-radius: 12px;
      padding: 16px;
    }
    .savings h2 {
      margin: 0;
      font: var(--mat-sys-title-medium);
    }
    .savings .amount {
      font: var(--mat-sys-display-small);
      margin: 4px 0;
    }
    .savings .muted {
      color: inherit;
      opacity: 0.9;
      margin: 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class KpiCards {
  readonly summary = input.required<StatsSummary>();

  readonly figures = computed(() => {
    const s = this.summary();
    return [
      { label: '收案', value: String(s.received) },
      { label: '已委派', value: String(s.delegated) },
      { label: '调解中', value: String(s.inMediation) },
      { label: '达成协议', value: String(s.agreed) },
      { label: '司法确认', value: String(s.confirmed) },
      { label: '确认驳回', value: String(s.confirmationRejected) },
      { label: '调解不成', value: String(s.failed) },
      { label: '撤回', value: String(s.withdrawn) },
      { label: '调解书结案', value: String(s.concludedByDecree) },
      { label: '调解成功率', value: percent(s.successRate) },
      { label: '按期办结率', value: percent(s.onTimeRate) },
      { label: '平均调解天数', value: s.averageMediationDays === null ? '—' : s.averageMediationDays.toFixed(1) },
    ];
  });
  readonly performance = computed(() => {
    const s = this.summary();
    return [
      { label: '到期义务', value: String(s.obligationsDue) },
      { label: '按期履行', value: String(s.obligationsPerformedOnTime) },
      { label: '已违约', value: String(s.obligationsDefaulted) },
      { label: '按期履行率', value: percent(s.performanceRate) },
      { label: '违约率', value: percent(s.defaultRate) },
    ];
  });
  readonly amountDue = computed(() => formatMoney(this.summary().amountDue));
  readonly amountPaid = computed(() => formatMoney(this.summary().amountPaid));
  readonly money = computed(() => formatMoney(this.summary().savings?.litigationFeesAvoided));
  readonly capitals = computed(() => toChineseCapitals(this.summary().savings?.litigationFeesAvoided ?? '') ?? '');
  readonly basisLabel = computed(() => {
    const savings = this.summary().savings;
    if (savings?.basisLabel) return savings.basisLabel;
    return savings?.basis === 'full' ? '全额案件受理费' : '以调解方式结案减半交纳';
  });
  /** The same cases on the other basis, so the report never hides which one it uses. */
  readonly otherBasis = computed(() => {
    const savings = this.summary().savings;
    if (!savings?.litigationFeesAvoidedFull || !savings.litigationFeesAvoidedHalf) return null;
    return savings.basis === 'half'
      ? { label: '按全额受理费计', amount: formatMoney(savings.litigationFeesAvoidedFull) }
      : { label: '按减半受理费计（第十五条）', amount: formatMoney(savings.litigationFeesAvoidedHalf) };
  });
}
