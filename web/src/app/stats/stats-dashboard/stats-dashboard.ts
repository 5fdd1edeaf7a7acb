import { ChangeDetectionStrategy, Component, OnInit, inject } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTabsModule } from '@angular/material/tabs';
import { fromIsoDate, todayInChina, toIsoDate } from '../../shared/dates';
import { BreakdownPanel } from '../breakdown-panel/breakdown-panel';
import { ExportPanel } from '../export-panel/export-panel';
import { KpiCards } from '../kpi-cards/kpi-cards';
import { OrgRanking } from '../org-ranking/org-ranking';
import { StatsStore } from '../stats-store';
import { TrendChart } from '../trend-chart/trend-chart';

/** 统计分析: the court's mediation figures for a chosen period. */
@Component({
  selector: 'app-stats-dashboard',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatDatepickerModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatTabsModule,
    KpiCards,
    TrendChart,
    BreakdownPanel,
    OrgRanking,
    ExportPanel,
  ],
  providers: [StatsStore],
  templateUrl: './stats-dashboard.html',
  styleUrl: './stats-dashboard.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StatsDashboard implements OnInit {
  readonly store = inject(StatsStore);
  readonly today = fromIsoDate(todayInChina());

  readonly range = new FormGroup({
    from: new FormControl<Date | null>(null, Validators.required),
    to: new FormControl<Date | null>(null, Validators.required),
  });

  ngOnInit(): void {
    this.preset('year');
  }

  preset(kind: 'year' | 'month' | 'last12'): void {
    const [y, m] = todayInChina().split('-').map(Number);
    const from = kind === 'year' ? new Date(y, 0, 1) : kind === 'month' ? new Date(y, m - 1, 1) : new Date(y - 1, m, 1);
    this.range.setValue({ from, to: this.today });
    this.apply();
  }

  apply(): void {
    if (this.range.invalid) {
      this.range.markAllAsTouched();
      return;
    }
    const { from, to } = this.range.getRawValue();
    this.store.load({ from: toIsoDate(from), to: toIsoDate(to) });
  }
}
