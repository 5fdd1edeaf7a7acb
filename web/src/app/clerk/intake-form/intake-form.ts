import { ChangeDetectionStrategy, Component, OnInit, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import {
  AbstractControl,
  FormArray,
  FormControl,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  ValidationErrors,
  Validators,
} from '@angular/forms';
import { Router } from '@angular/router';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { MatSelectModule } from '@angular/material/select';
import { apiErrorOf, friendlyError } from '../../core/api-error';
import { Notifier } from '../../core/notifier';
import { DisputeTypeStore } from '../../cases/dispute-type-store';
import { errorMessage, moneyValidator, notBlankValidator, notFutureDateValidator, serverFieldMessage } from '../../shared/form-validators';
import { fromIsoDate, todayInChina, toIsoDate } from '../../shared/dates';
import { parseMoney } from '@rules/money';
import type { TrackCode } from '@rules/tracks';
import { PartyRole } from '../../shared/case-status';
import { formatMoney, toChineseCapitals } from '../../shared/money';
import { catchError, combineLatest, debounceTime, distinctUntilChanged, map, of, switchMap } from 'rxjs';
import { applyServerErrors } from '../../shared/server-errors';
import { ClerkApi, NewCase, PartyInput } from '../clerk-api';
import { PartyFields } from '../party-fields/party-fields';
import { PartyForm, createPartyForm } from '../party-fields/party-form';

/** At least one applicant and one respondent (contract: POST /api/cases). */
function bothSidesPresent(control: AbstractControl): ValidationErrors | null {
  const roles = (control as FormArray<PartyForm>).controls.map((p) => p.controls.role.value);
  const errors: ValidationErrors = {};
  if (!roles.includes('applicant')) errors['applicantMissing'] = true;
  if (!roles.includes('respondent')) errors['respondentMissing'] = true;
  return Object.keys(errors).length ? errors : null;
}

/** 新收案件登记: the clerk files a dispute for mediation. */
@Component({
  selector: 'app-intake-form',
  imports: [
    ReactiveFormsModule,
    PartyFields,
    MatButtonModule,
    MatCheckboxModule,
    MatDatepickerModule,
    MatFormFieldModule,
    MatInputModule,
    MatRadioModule,
    MatSelectModule,
  ],
  templateUrl: './intake-form.html',
  styleUrl: './intake-form.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class IntakeForm implements OnInit {
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly api = inject(ClerkApi);
  private readonly router = inject(Router);
  private readonly notifier = inject(Notifier);
  readonly disputeTypes = inject(DisputeTypeStore);

  readonly today = fromIsoDate(todayInChina());
  readonly message = errorMessage;
  readonly formatMoney = formatMoney;

  readonly form = this.fb.group({
    track: this.fb.control<TrackCode>('pre_litigation'),
    disputeType: ['', Validators.required],
    claimAmount: ['', [Validators.required, moneyValidator]],
    summary: ['', [Validators.required, notBlankValidator, Validators.maxLength(10000)]],
    claims: this.fb.array([this.claimControl()]),
    receivedOn: new FormControl<Date | null>(this.today, [Validators.required, notFutureDateValidator(() => todayInChina())]),
    consentToMediation: [false, Validators.requiredTrue],
    parties: this.fb.array<PartyForm>([createPartyForm(this.fb, 'applicant'), createPartyForm(this.fb, 'respondent')], bothSidesPresent),
  });

  private readonly amount = toSignal(this.form.controls.claimAmount.valueChanges, { initialValue: '' });
  readonly capitals = computed(() => toChineseCapitals(this.amount().trim()));
  /** What litigating would cost the applicant: the clerk can tell the parties what mediation saves. */
  readonly fee = toSignal(
    combineLatest([this.form.controls.claimAmount.valueChanges, this.form.controls.disputeType.valueChanges]).pipe(
      debounceTime(400),
      map(([amount, type]) => [amount.trim(), type] as const),
      distinctUntilChanged((a, b) => a[0] === b[0] && a[1] === b[1]),
      switchMap(([amount, type]) =>
        type && parseMoney(amount).ok ? this.api.litigationFee(amount, type).pipe(catchError(() => of(null))) : of(null),
      ),
    ),
    { initialValue: null },
  );
  readonly busy = signal(false);
  readonly error = signal<string | null>(null);
  readonly unmatchedErrors = signal<string[]>([]);

  ngOnInit(): void {
    this.disputeTypes.load();
  }

  get claims(): FormArray<FormControl<string>> {
    return this.form.controls.claims;
  }

  get parties(): FormArray<PartyForm> {
    return this.form.controls.parties;
  }

  addClaim(): void {
    this.claims.push(this.claimControl());
  }

  removeClaim(index: number): void {
    if (this.claims.length > 1) this.claims.removeAt(index);
  }

  addParty(role: PartyRole): void {
    this.parties.push(createPartyForm(this.fb, role));
  }

  removeParty(index: number): void {
    this.parties.removeAt(index);
  }

  submit(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.error.set('请检查标红的字段');
      return;
    }
    if (this.busy()) return;
    this.busy.set(true);
    this.error.set(null);
    this.unmatchedErrors.set([]);
    this.api.create(this.body()).subscribe({
      next: (created) => {
        this.form.markAsPristine();
        this.notifier.info(`已登记，案号 ${created.caseNumber}`);
        void this.router.navigate(['/clerk/cases', created.id]);
      },
      error: (err: unknown) => {
        this.busy.set(false);
        const unmatched = applyServerErrors(this.form, apiErrorOf(err)?.errors);
        const errors = apiErrorOf(err)?.errors ?? {};
        this.unmatchedErrors.set(unmatched.map((path) => `${path}：${serverFieldMessage(errors[path])}`));
        this.error.set(friendlyError(err, '登记失败，请稍后再试'));
      },
    });
  }

  /** The request body; its shape mirrors the form so server error paths land on the right field. */
  body(): NewCase {
    const v = this.form.getRawValue();
    return {
      track: v.track,
      disputeType: v.disputeType,
      claimAmount: v.claimAmount.trim(),
      summary: v.summary.trim(),
      claims: v.claims.map((c) => c.trim()),
      receivedOn: toIsoDate(v.receivedOn) ?? undefined,
      consentToMediation: v.consentToMediation,
      parties: this.parties.controls.map((p) => partyBody(p)),
    };
  }

  private claimControl(): FormControl<string> {
    return this.fb.control('', [Validators.required, notBlankValidator, Validators.maxLength(1000)]);
  }
}

function partyBody(group: PartyForm): PartyInput {
  const v = group.getRawValue();
  const party: PartyInput = { role: v.role, kind: v.kind, name: v.name.trim() };
  if (v.kind === 'person') party.idNumber = v.idNumber.trim().toUpperCase();
  else {
    party.creditCode = v.creditCode.trim().toUpperCase();
    if (v.representative.trim()) party.representative = v.representative.trim();
  }
  if (v.phone.trim()) party.phone = v.phone.trim();
  if (v.address.trim()) party.address = v.address.trim();
  return party;
}
