import { beforeEach, describe, expect, it } from 'vitest';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { StatsSummary } from '../stats-models';
import { KpiCards } from './kpi-cards';

const summary = {
  received: 40,
  delegated: 38,
  inMediation: 5,
  agreed: 20,
  confirmed: 12,
  confirmationRejected: 1,
  failed: 8,
  withdrawn: 2,
  successRate: 0.714,
  averageMediationDays: 11.25,
  onTimeRate: 0.95,
  obligationsDue: 16,
  obligationsPerformedOnTime: 12,
  obligationsDefaulted: 3,
  performanceRate: 0.75,
  defaultRate: 0.1875,
  amountDue: '86000.00',
  amountPaid: '64500.50',
  concludedByDecree: 4,
  withdrawnAfterAgreement: 1,
  savings: {
    litigationFeesAvoided: '12345.00',
    litigationFeesAvoidedFull: '24690.00',
    litigationFeesAvoidedHalf: '12345.00',
    casesCounted: 20,
    basis: 'half',
    basisLabel: '以调解方式结案减半交纳（《诉讼费用交纳办法》第十五条）',
  },
} as unknown as StatsSummary;

describe('KpiCards', () => {
  let fixture: ComponentFixture<KpiCards>;

  beforeEach(async () => {
    TestBed.configureTestingModule({ imports: [KpiCards] });
    fixture = TestBed.createComponent(KpiCards);
    fixture.componentRef.setInput('summary', summary);
    await fixture.whenStable();
  });

  const text = () => (fixture.nativeElement as HTMLElement).textContent!.replace(/\s+/g, '');

  it('shows how agreements are performed: obligations due, on time, defaulted, the rates and the amounts', () => {
    const list = (fixture.nativeElement as HTMLElement).querySelector('[aria-label="协议履行指标"]')!;
    const cells = [...list.querySelectorAll('li')].map((li) => li.textContent!.replace(/\s+/g, ''));
    expect(cells).toEqual(['到期义务16', '按期履行12', '已违约3', '按期履行率75.0%', '违约率18.8%']);
    expect(text()).toContain('已付¥64,500.50，应付¥86,000.00');
  });

  it('counts entrusted cases concluded by 民事调解书 among the headline figures', () => {
    expect(text()).toContain('调解书结案4');
  });

  it('shows a dash, not 0 %, when no obligation fell due', async () => {
    fixture.componentRef.setInput('summary', { ...summary, obligationsDue: 0, performanceRate: null, defaultRate: null });
    await fixture.whenStable();
    expect(text()).toContain('按期履行率—');
    expect(text()).toContain('违约率—');
  });

  it('states the savings basis and shows the same cases on the other basis', () => {
    expect(text()).toContain('口径：以调解方式结案减半交纳（《诉讼费用交纳办法》第十五条）');
    expect(text()).toContain('按全额受理费计：¥24,690.00');
  });
});
