import { ChangeDetectionStrategy, Component, effect, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { SCORE_LABELS } from '@rules/satisfaction';
import { PartyApi, PartyRating, partyError } from './party-api';

/** 评价调解工作: after the mediation ended, once, 1–5 stars with an optional comment. */
@Component({
  selector: 'app-party-rating-card',
  imports: [FormsModule, MatButtonModule, MatFormFieldModule, MatInputModule],
  template: `
    @if (state(); as s) {
      @if (s.canRate || s.score) {
        <section class="card" aria-labelledby="rating-heading">
          <h2 id="rating-heading">评价调解工作</h2>
          @if (s.score) {
            <p class="notice" role="status">感谢您的评价：{{ stars(s.score) }}（{{ label(s.score) }}）</p>
          } @else {
            <p>调解已经结束。请为本次调解工作打分，每人只能评价一次。您的意见不会与您的姓名一起提供给统计人员。</p>
            <div class="stars" role="radiogroup" aria-label="评分">
              @for (n of scores; track n) {
                <button
                  type="button"
                  class="star"
                  role="radio"
                  [attr.aria-checked]="score() === n"
                  [attr.aria-label]="n + ' 星，' + label(n)"
                  [class.on]="score() >= n"
                  (click)="score.set(n)"
                >
                  ★
                </button>
              }
            </div>
            <p class="muted small" aria-live="polite">{{ score() ? label(score()) : '请点击星星打分' }}</p>
            <mat-form-field class="full-width">
              <mat-label>意见和建议（可选）</mat-label>
              <textarea matInput name="comment" rows="3" maxlength="500" [(ngModel)]="comment"></textarea>
            </mat-form-field>
            <button mat-flat-button type="button" class="big" [disabled]="saving() || !score()" (click)="submit()">提交评价</button>
          }
          @if (error()) {
            <p class="error-text" role="alert">{{ error() }}</p>
          }
        </section>
      }
    }
  `,
  styleUrl: './party.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PartyRatingCard {
  private readonly api = inject(PartyApi);
  readonly refresh = input(0);
  readonly state = signal<PartyRating | null>(null);
  readonly score = signal(0);
  readonly saving = signal(false);
  readonly error = signal<string | null>(null);
  readonly scores = [1, 2, 3, 4, 5];
  comment = '';

  constructor() {
    effect(() => {
      this.refresh();
      this.api.rating().subscribe({
        next: (s) => this.state.set(s),
        error: (err: unknown) => this.error.set(partyError(err, '加载失败')),
      });
    });
  }

  label(n: number): string {
    return SCORE_LABELS[n] ?? '';
  }

  stars(n: number): string {
    return '★'.repeat(n) + '☆'.repeat(5 - n);
  }

  submit(): void {
    this.saving.set(true);
    this.error.set(null);
    this.api.rate(this.score(), this.comment.trim()).subscribe({
      next: (s) => {
        this.saving.set(false);
        this.state.set(s);
      },
      error: (err: unknown) => {
        this.saving.set(false);
        this.error.set(partyError(err, '提交失败，请稍后再试'));
      },
    });
  }
}
