import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { FormArray, FormGroupDirective, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { apiErrorOf, friendlyError } from '../../core/api-error';
import { CaseRecord, Party, Session } from '../../cases/case-models';
import { SESSION_MODE_LABELS } from '../../shared/case-status';
import { errorMessage, notBlankValidator } from '../../shared/form-validators';
import { applyServerErrors } from '../../shared/server-errors';
import { SessionBody, WorkspaceApi } from '../workspace-api';

function localDateTime(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

const RESULTS: { value: NonNullable<SessionBody['result']>; label: string }[] = [
  { value: 'adjourned', label: '未达成协议，另行安排调解' },
  { value: 'agreed', label: '达成调解协议' },
  { value: 'failed', label: '调解不成' },
];

/**
 * 调解笔录: one mediation session (time, form, who attended, minutes), with what the record must show:
 * the mediator's disclosure and the parties' answer on recusal (在线调解规则 Art. 13), each agent's
 * authority, and the session's 调解结果.
 */
@Component({
  selector: 'app-session-form',
  imports: [ReactiveFormsModule, MatButtonModule, MatCheckboxModule, MatFormFieldModule, MatInputModule, MatSelectModule],
  templateUrl: './session-form.html',
  styles: `
    .agents {
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
      padding: 8px 16px 12px;
      margin: 0 0 16px;
    }
    legend {
      font: var(--mat-sys-title-small);
      padding: 0 4px;
    }
    .remove-agent {
      flex: 0 0 auto;
      margin-top: 8px;
    }
    mat-checkbox {
      display: block;
      margin: -8px 0 12px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SessionForm {
  private readonly api = inject(WorkspaceApi);
  private readonly fb = inject(NonNullableFormBuilder);
  readonly caseId = input.required<string>();
  readonly version = input<number>();
  readonly parties = input<Pick<Party, 'id' | 'role' | 'name'>[]>([]);
  readonly saved = output<CaseRecord>();

  readonly modes = Object.entries(SESSION_MODE_LABELS).map(([value, label]) => ({ value, label }));
  readonly results = RESULTS;
  readonly message = errorMessage;
  readonly maxHeldAt = localDateTime(new Date());
  readonly busy = signal(false);
  readonly error = signal<string | null>(null);

  readonly form = this.fb.group({
    heldAt: [localDateTime(new Date()), Validators.required],
    mode: ['in_person' as Session['mode'], Validators.required],
    location: [''],
    attendees: ['', [Validators.required, notBlankValidator]],
    minutes: ['', [Validators.required, notBlankValidator, Validators.maxLength(10000)]],
    undisputedFacts: ['', Validators.maxLength(10000)],
    disclosure: ['', Validators.maxLength(1000)],
    recusalRequested: [false],
    result: ['adjourned' as NonNullable<SessionBody['result']>],
    agents: this.fb.array<ReturnType<SessionForm['agentGroup']>>([]),
  });

  private agentGroup() {
    return this.fb.group({
      partyId: ['', Validators.required],
      name: ['', [Validators.required, notBlankValidator, Validators.maxLength(100)]],
      authority: ['special' as 'special' | 'general', Validators.required],
    });
  }

  get agents(): FormArray<ReturnType<SessionForm['agentGroup']>> {
    return this.form.controls.agents;
  }

  addAgent(): void {
    this.agents.push(this.agentGroup());
  }

  removeAgent(index: number): void {
    this.agents.removeAt(index);
  }

  roleName(role: string): string {
    return role === 'applicant' ? '申请人' : '被申请人';
  }

  submit(formDirective: FormGroupDirective): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    if (this.busy()) return;
    const v = this.form.getRawValue();
    const body: SessionBody = {
      heldAt: new Date(v.heldAt).toISOString(),
      mode: v.mode,
      attendees: v.attendees
        .split(/[\n,，、]/)
        .map((a) => a.trim())
        .filter(Boolean),
      minutes: v.minutes.trim(),
      recusalRequested: v.recusalRequested,
      result: v.result,
      version: this.version(),
    };
    if (v.location.trim()) body.location = v.location.trim();
    if (v.undisputedFacts.trim()) body.undisputedFacts = v.undisputedFacts.trim();
    if (v.disclosure.trim()) body.disclosure = v.disclosure.trim();
    if (v.agents.length) body.agents = v.agents.map((a) => ({ partyId: a.partyId, name: a.name.trim(), authority: a.authority }));
    this.busy.set(true);
    this.error.set(null);
    this.api.recordSession(this.caseId(), body).subscribe({
      next: (session) => {
        this.busy.set(false);
        formDirective.resetForm({
          ...this.form.getRawValue(),
          minutes: '',
          undisputedFacts: '',
          disclosure: '',
          recusalRequested: false,
          result: 'adjourned',
          heldAt: localDateTime(new Date()),
        });
        this.saved.emit(session);
      },
      error: (err: unknown) => {
        this.busy.set(false);
        applyServerErrors(this.form, apiErrorOf(err)?.errors);
        this.error.set(friendlyError(err, '保存失败，请稍后再试'));
      },
    });
  }
}
