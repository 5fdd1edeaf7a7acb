import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  OnInit,
  computed,
  effect,
  inject,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import {
  AbstractControl,
  FormArray,
  FormControl,
  FormGroup,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  ValidationErrors,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { apiErrorOf, friendlyError } from '../../core/api-error';
import { CaseRecord } from '../../cases/case-models';
import { PARTY_ROLE_LABELS } from '../../shared/case-status';
import { toIsoDate } from '../../shared/dates';
import { errorMessage, moneyValidator, notBlankValidator } from '../../shared/form-validators';
import { formatMoney, toChineseCapitals } from '../../shared/money';
import { applyServerErrors } from '../../shared/server-errors';
import { AgreementBody, WorkspaceApi } from '../workspace-api';
import { PdfFrame } from '../../cases/pdf-frame/pdf-frame';

type TermForm = FormGroup<{
  obligorPartyId: FormControl<string>;
  obligeePartyId: FormControl<string>;
  amount: FormControl<string>;
  dueOn: FormControl<Date | null>;
  method: FormControl<string>;
}>;

function differentParties(control: AbstractControl): ValidationErrors | null {
  const v = (control as TermForm).getRawValue();
  return v.obligorPartyId && v.obligorPartyId === v.obligeePartyId ? { sameParty: true } : null;
}

function nowLocal(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** 人民调解协议书: terms by party, amount and due date; the PDF is previewed before it is signed off. */
@Component({
  selector: 'app-agreement-editor',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatDatepickerModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    PdfFrame,
  ],
  templateUrl: './agreement-editor.html',
  styleUrl: './agreement-editor.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AgreementEditor implements OnInit {
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly api = inject(WorkspaceApi);

  readonly record = input.required<CaseRecord>();
  readonly signed = output<CaseRecord>();

  readonly message = errorMessage;
  readonly maxSignedAt = nowLocal();
  readonly previewing = signal(false);
  readonly busy = signal(false);
  readonly error = signal<string | null>(null);

  readonly form = this.fb.group({
    content: ['', [Validators.required, notBlankValidator, Validators.maxLength(10000)]],
    performancePlace: ['', Validators.maxLength(200)],
    signedAt: [nowLocal(), Validators.required],
    terms: this.fb.array<TermForm>([]),
  });

  readonly parties = computed(() =>
    (this.record().parties ?? []).map((p) => ({ id: p.id, label: `${PARTY_ROLE_LABELS[p.role] ?? p.role} ${p.name}` })),
  );
  private readonly termValues = toSignal(this.form.controls.terms.valueChanges, { initialValue: [] });
  readonly total = computed(() => {
    let fen = 0n;
    for (const t of this.termValues()) {
      const m = /^(\d+)(?:\.(\d{1,2}))?$/.exec((t.amount ?? '').trim());
      if (m) fen += BigInt(m[1]) * 100n + BigInt(((m[2] ?? '') + '00').slice(0, 2));
    }
    const text = `${fen / 100n}.${String(fen % 100n).padStart(2, '0')}`;
    return { text: formatMoney(text), capitals: toChineseCapitals(text) ?? '' };
  });
  /** The PDF the API rendered for the current form, while the mediator looks at it. */
  readonly preview = signal<Blob | null>(null);

  /** Focus moves to the preview when it opens (and scrolls it into view). */
  private readonly previewHeading = viewChild<ElementRef<HTMLElement>>('previewHeading');

  constructor() {
    effect(() => this.previewHeading()?.nativeElement.focus());
  }

  get terms(): FormArray<TermForm> {
    return this.form.controls.terms;
  }

  ngOnInit(): void {
    // The PDF opens with the parties and the dispute and numbers the payment terms first; `content`
    // holds the further clauses, one per line, numbered after them.
    this.form.controls.content.setValue(
      '双方确认本协议系自愿达成，协议履行完毕后双方再无其他纠纷。\n' + '如义务人未按期足额履行，权利人可就未履行部分依法申请强制执行。',
    );
    const c = this.record();
    const applicant = c.parties.find((p) => p.role === 'applicant');
    const respondent = c.parties.find((p) => p.role === 'respondent');
    this.addTerm(respondent?.id ?? '', applicant?.id ?? '');
  }

  addTerm(obligor = '', obligee = ''): void {
    this.terms.push(
      this.fb.group(
        {
          obligorPartyId: [obligor, Validators.required],
          obligeePartyId: [obligee, Validators.required],
          amount: ['', [Validators.required, moneyValidator]],
          dueOn: new FormControl<Date | null>(null, Validators.required),
          method: ['银行转账'],
        },
        { validators: differentParties },
      ),
    );
  }

  /** The API wants at least one term (AgreementDto: ArrayMinSize(1)). */
  removeTerm(index: number): void {
    if (this.terms.length > 1) this.terms.removeAt(index);
  }

  /** Asks the API for the very PDF this agreement would issue; nothing is saved until "确认提交协议". */
  showPreview(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    if (this.previewing()) return;
    this.previewing.set(true);
    this.error.set(null);
    this.api.previewAgreement(this.record().id, this.body()).subscribe({
      next: (pdf) => {
        this.previewing.set(false);
        this.preview.set(pdf);
      },
      error: (err: unknown) => this.failed(err, '预览生成失败，请稍后再试'),
    });
  }

  /** Back to the form, as it was. */
  edit(): void {
    this.preview.set(null);
  }

  submit(): void {
    if (this.form.invalid || this.busy()) return;
    this.busy.set(true);
    this.error.set(null);
    this.api.signAgreement(this.record().id, this.body()).subscribe({
      next: (updated) => {
        this.busy.set(false);
        this.signed.emit(updated);
      },
      error: (err: unknown) => {
        this.busy.set(false);
        this.failed(err, '提交失败，请稍后再试');
      },
    });
  }

  /** The request body of both the preview and the agreement itself. */
  body(): AgreementBody {
    const v = this.form.getRawValue();
    const body: AgreementBody = {
      content: v.content.trim(),
      terms: v.terms.map((t) => ({
        obligorPartyId: t.obligorPartyId,
        obligeePartyId: t.obligeePartyId,
        amount: t.amount.trim(),
        dueOn: toIsoDate(t.dueOn) ?? '',
        ...(t.method.trim() ? { method: t.method.trim() } : {}),
      })),
      signedAt: new Date(v.signedAt).toISOString(),
      version: this.record().version,
    };
    if (v.performancePlace.trim()) body.performancePlace = v.performancePlace.trim();
    return body;
  }

  /** Back on the form with the server's field errors where they belong and a sentence above the button. */
  private failed(err: unknown, fallback: string): void {
    this.previewing.set(false);
    this.preview.set(null);
    applyServerErrors(this.form, apiErrorOf(err)?.errors);
    this.error.set(friendlyError(err, fallback));
  }
}
