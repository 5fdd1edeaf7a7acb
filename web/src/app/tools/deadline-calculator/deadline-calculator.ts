import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { PeriodUnit } from '@rules/calendar';
import { friendlyError } from '../../core/api-error';
import { fromIsoDate, todayInChina, toIsoDate } from '../../shared/dates';
import { errorMessage } from '../../shared/form-validators';
import { CalendarApi, DeadlineAnswer } from '../calendar-api';

const PRESETS = [
  { label: '领取期限（3个工作日）', length: 3, unit: 'workdays' as const },
  { label: '立案后委托调解（15日）', length: 15, unit: 'days' as const },
  { label: '诉前调解（30日）', length: 30, unit: 'days' as const },
  { label: '申请司法确认（30日）', length: 30, unit: 'days' as const },
];

/** 期限计算器: the same day counting as the case clocks (start day not counted, holidays and 调休 applied). */
@Component({
  selector: 'app-deadline-calculator',
  imports: [ReactiveFormsModule, MatButtonModule, MatButtonToggleModule, MatDatepickerModule, MatFormFieldModule, MatInputModule],
  templateUrl: './deadline-calculator.html',
  styleUrl: './deadline-calculator.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DeadlineCalculator {
  private readonly api = inject(CalendarApi);
  readonly presets = PRESETS;
  readonly message = errorMessage;

  readonly form = inject(NonNullableFormBuilder).group({
    start: new FormControl<Date | null>(fromIsoDate(todayInChina()), Validators.required),
    length: [3, [Validators.required, Validators.min(1), Validators.max(3650)]],
    unit: ['workdays' as PeriodUnit],
  });
  readonly answer = signal<DeadlineAnswer | null>(null);
  readonly error = signal<string | null>(null);
  readonly busy = signal(false);

  usePreset(p: (typeof PRESETS)[number]): void {
    this.form.patchValue({ length: p.length, unit: p.unit });
    this.calculate();
  }

  calculate(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const v = this.form.getRawValue();
    this.busy.set(true);
    this.error.set(null);
    this.api.deadline(toIsoDate(v.start) ?? '', Number(v.length), v.unit).subscribe({
      next: (answer) => {
        this.busy.set(false);
        this.answer.set(answer);
      },
      error: (err: unknown) => {
        this.busy.set(false);
        this.answer.set(null);
        this.error.set(friendlyError(err, '计算失败：该日期超出系统已知的日历范围'));
      },
    });
  }
}
