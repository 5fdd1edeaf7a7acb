import { ChangeDetectionStrategy, Component, DestroyRef, OnInit, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatAutocompleteModule, MatAutocompleteSelectedEvent } from '@angular/material/autocomplete';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { MatSelectModule } from '@angular/material/select';
import { catchError, debounceTime, distinctUntilChanged, of, startWith, switchMap } from 'rxjs';
import { ActionDialogData, ActionRunner } from '../../cases/action-dialog';
import { CaseRecord } from '../../cases/case-models';
import { ClerkApi, DelegateBody, Mediator, Organization } from '../clerk-api';

export interface DelegateDialogData extends ActionDialogData<DelegateBody, CaseRecord> {
  disputeType: string;
}

type Target = 'queue' | 'organization' | 'mediator';

/** 委派调解: to the court-wide shared queue, to one committee's queue, or to one named mediator. */
@Component({
  selector: 'app-delegate-dialog',
  imports: [
    ReactiveFormsModule,
    MatDialogModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatRadioModule,
    MatSelectModule,
    MatAutocompleteModule,
  ],
  templateUrl: './delegate-dialog.html',
  styleUrl: './delegate-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DelegateDialog implements OnInit {
  private readonly data = inject<DelegateDialogData>(MAT_DIALOG_DATA);
  private readonly api = inject(ClerkApi);
  private readonly destroyRef = inject(DestroyRef);
  readonly runner = new ActionRunner<CaseRecord>();

  readonly form = inject(NonNullableFormBuilder).group({
    target: ['queue' as Target],
    organizationId: [''],
    mediatorId: [''],
    note: [''],
  });
  readonly orgSearch = new FormControl<string | Organization>('', { nonNullable: true });
  readonly mediatorSearch = new FormControl('', { nonNullable: true });
  readonly organizations = signal<Organization[]>([]);
  readonly mediators = signal<Mediator[]>([]);
  readonly selectedOrg = signal<Organization | null>(null);
  readonly targetError = signal<string | null>(null);

  ngOnInit(): void {
    this.orgSearch.valueChanges
      .pipe(
        startWith(''),
        debounceTime(250),
        switchMap((v) => (typeof v === 'string' ? this.api.organizations(v.trim()).pipe(catchError(() => of(null))) : of(null))),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe((page) => page && this.organizations.set(page.items));
    this.mediatorSearch.valueChanges
      .pipe(debounceTime(250), distinctUntilChanged(), takeUntilDestroyed(this.destroyRef))
      .subscribe(() => this.loadMediators());
  }

  orgName(org: Organization | string | null): string {
    return typeof org === 'string' ? org : (org?.name ?? '');
  }

  orgSelected(event: MatAutocompleteSelectedEvent): void {
    const org = event.option.value as Organization;
    this.selectedOrg.set(org);
    this.form.patchValue({ organizationId: org.id, mediatorId: '' });
    this.targetError.set(null);
    this.loadMediators();
  }

  loadMediators(): void {
    const org = this.selectedOrg();
    if (!org) return;
    const filter = { organizationId: org.id, q: this.mediatorSearch.value.trim() };
    this.api
      .mediators({ ...filter, disputeType: this.data.disputeType })
      // disputeType only ranks by expertise; without it the list is still usable.
      .pipe(catchError(() => this.api.mediators(filter)))
      .subscribe({ next: (page) => this.mediators.set(page.items), error: () => this.mediators.set([]) });
  }

  submit(): void {
    const v = this.form.getRawValue();
    const body: DelegateBody = {};
    if (v.target !== 'queue') {
      if (!v.organizationId) return this.targetError.set('请选择调解组织');
      body.organizationId = v.organizationId;
    }
    if (v.target === 'mediator') {
      if (!v.mediatorId) return this.targetError.set('请选择调解员');
      body.mediatorId = v.mediatorId;
    }
    if (v.note.trim()) body.note = v.note.trim();
    this.targetError.set(null);
    this.runner.run(this.form, body, this.data.submit);
  }
}
