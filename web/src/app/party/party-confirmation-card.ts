import { ChangeDetectionStrategy, Component, effect, inject, input, output, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { formatInstant } from '../shared/dates';
import { PartyApi, PartyConfirmation, partyError } from './party-api';

/** 申请司法确认: the party joins the joint application from their phone, within the 30-day window. */
@Component({
  selector: 'app-party-confirmation-card',
  imports: [MatButtonModule],
  template: `
    @if (state(); as s) {
      @if (s.eligible || s.joinedAt) {
        <section class="card" aria-labelledby="confirmation-heading">
          <h2 id="confirmation-heading">申请司法确认</h2>
          <p>
            调解协议生效后，双方当事人可以在三十日内共同向人民法院申请司法确认。经法院确认有效的调解协议，一方不履行的，另一方可以申请强制执行（《中华人民共和国民事诉讼法》第二百零五条、第二百零六条）。
          </p>
          @if (s.applyBy) {
            <p class="deadline">
              申请期限：<strong>{{ s.applyBy }}</strong> 前{{ s.withinWindow ? '' : '（已届满）' }}
            </p>
          }
          <p class="muted small">已加入申请 {{ s.joinedCount }} / {{ s.partyCount }} 人</p>
          @if (s.filed) {
            <p class="notice" role="status">
              法院已受理司法确认申请{{ s.confirmationCaseNumber ? '，案号 ' + s.confirmationCaseNumber : '' }}。
            </p>
          } @else if (s.joinedAt) {
            <p class="notice" role="status">您已于 {{ when(s.joinedAt) }} 加入共同申请。各方均加入后，法院将办理申请。</p>
          } @else if (s.withinWindow) {
            <button mat-flat-button type="button" class="big" [disabled]="joining()" (click)="join()">我同意共同申请司法确认</button>
          } @else {
            <p class="notice">申请期限已届满，如需申请请联系法院。</p>
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
export class PartyConfirmationCard {
  private readonly api = inject(PartyApi);
  readonly refresh = input(0);
  readonly changed = output<void>();
  readonly state = signal<PartyConfirmation | null>(null);
  readonly joining = signal(false);
  readonly error = signal<string | null>(null);
  readonly when = formatInstant;

  constructor() {
    effect(() => {
      this.refresh();
      this.api.confirmation().subscribe({
        next: (s) => this.state.set(s),
        error: (err: unknown) => this.error.set(partyError(err, '加载失败')),
      });
    });
  }

  join(): void {
    this.joining.set(true);
    this.error.set(null);
    this.api.join().subscribe({
      next: (s) => {
        this.joining.set(false);
        this.state.set(s);
        this.changed.emit();
      },
      error: (err: unknown) => {
        this.joining.set(false);
        this.error.set(partyError(err, '提交失败，请稍后再试'));
      },
    });
  }
}
