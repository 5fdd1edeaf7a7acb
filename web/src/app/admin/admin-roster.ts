import { ChangeDetectionStrategy, Component, DestroyRef, Injector, OnInit, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { Subscription, debounceTime, distinctUntilChanged } from 'rxjs';
import { CaseApi } from '../cases/case-api';
import { paginatorIntl } from '../cases/case-table/paginator-intl';
import { friendlyError } from '../core/api-error';
import { Notifier } from '../core/notifier';
import { AdminApi, AdminOrganization, NewOrganization, RosterEntry } from './admin-api';
import {
  ORGANIZATION_KIND_LABELS,
  OrganizationDialog,
  OrganizationDialogData,
  ROSTER_STATUS_LABELS,
  RosterDialog,
  RosterDialogData,
} from './roster-dialogs';

/** 调解组织与名册: the court's organizations and its mediators' roster facts, with suspension and removal. */
@Component({
  selector: 'app-admin-roster',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatSelectModule,
    MatTableModule,
  ],
  template: `
    <div class="page">
      <div class="heading">
        <h1>调解组织与名册</h1>
        <button mat-flat-button type="button" (click)="editOrganization(null)">新增调解组织</button>
      </div>
      <div class="load-slot">
        @if (loading()) {
          <mat-progress-bar mode="indeterminate" aria-label="正在加载名册" />
        }
      </div>
      @if (error()) {
        <p class="error-text" role="alert">{{ error() }}</p>
      }
      <h2>调解组织</h2>
      <div class="table-wrap">
        <table mat-table class="dense" [dataSource]="organizations()" aria-label="调解组织列表">
          <ng-container matColumnDef="name">
            <th mat-header-cell *matHeaderCellDef scope="col">名称</th>
            <td mat-cell *matCellDef="let o">
              {{ o.name }}<span class="muted small block">{{ kindLabels[o.kind] ?? o.kind }}</span>
            </td>
          </ng-container>
          <ng-container matColumnDef="region">
            <th mat-header-cell *matHeaderCellDef scope="col">地区</th>
            <td mat-cell *matCellDef="let o">{{ o.region }}</td>
          </ng-container>
          <ng-container matColumnDef="contact">
            <th mat-header-cell *matHeaderCellDef scope="col">联系人</th>
            <td mat-cell *matCellDef="let o">{{ o.contact ?? '—' }}</td>
          </ng-container>
          <ng-container matColumnDef="mediators">
            <th mat-header-cell *matHeaderCellDef scope="col">调解员（在册/全部）</th>
            <td mat-cell *matCellDef="let o">{{ o.activeMediatorCount }} / {{ o.mediatorCount }}</td>
          </ng-container>
          <ng-container matColumnDef="actions">
            <th mat-header-cell *matHeaderCellDef scope="col"><span class="visually-hidden">操作</span></th>
            <td mat-cell *matCellDef="let o">
              <button mat-button type="button" (click)="editOrganization(o)" [attr.aria-label]="'修改 ' + o.name">修改</button>
            </td>
          </ng-container>
          <tr mat-header-row *matHeaderRowDef="orgColumns"></tr>
          <tr mat-row *matRowDef="let row; columns: orgColumns"></tr>
          <tr class="mat-mdc-row" *matNoDataRow>
            <td class="mat-mdc-cell empty" [attr.colspan]="orgColumns.length">尚无调解组织</td>
          </tr>
        </table>
      </div>

      <h2>特邀调解员名册</h2>
      <div class="filters">
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>搜索用户名或姓名</mat-label>
          <input matInput [formControl]="search" />
        </mat-form-field>
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>调解组织</mat-label>
          <mat-select [formControl]="organization">
            <mat-option value="">全部</mat-option>
            @for (o of organizations(); track o.id) {
              <mat-option [value]="o.id">{{ o.name }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>名册状态</mat-label>
          <mat-select [formControl]="status">
            <mat-option value="">全部</mat-option>
            @for (s of statuses; track s) {
              <mat-option [value]="s">{{ statusLabels[s] }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
      </div>
      <div class="table-wrap">
        <table mat-table class="dense" [dataSource]="roster()" aria-label="调解员名册">
          <ng-container matColumnDef="person">
            <th mat-header-cell *matHeaderCellDef scope="col">调解员</th>
            <td mat-cell *matCellDef="let m">
              {{ m.displayName }}<span class="muted small block">{{ m.username }} · {{ m.organizationName ?? '—' }}</span>
            </td>
          </ng-container>
          <ng-container matColumnDef="facts">
            <th mat-header-cell *matHeaderCellDef scope="col">入册与专长</th>
            <td mat-cell *matCellDef="let m">
              {{ m.admissionDate ? m.admissionDate + ' 入册' : '入册日期未填' }}
              <span class="muted small block">{{ specialityNames(m.specialities) }}</span>
              @if (m.languages.length) {
                <span class="muted small block">{{ m.languages.join('、') }}</span>
              }
            </td>
          </ng-container>
          <ng-container matColumnDef="status">
            <th mat-header-cell *matHeaderCellDef scope="col">状态</th>
            <td mat-cell *matCellDef="let m">
              {{ statusLabels[m.status] ?? m.status }}
              @if (m.statusReason) {
                <span class="muted small block">{{ m.statusReason }}</span>
              }
              @if (m.openCases) {
                <span class="muted small block">在办 {{ m.openCases }} 件</span>
              }
            </td>
          </ng-container>
          <ng-container matColumnDef="actions">
            <th mat-header-cell *matHeaderCellDef scope="col"><span class="visually-hidden">操作</span></th>
            <td mat-cell *matCellDef="let m">
              <button mat-button type="button" (click)="editRoster(m)" [attr.aria-label]="'名册信息 ' + m.username">名册信息</button>
            </td>
          </ng-container>
          <tr mat-header-row *matHeaderRowDef="rosterColumns"></tr>
          <tr mat-row *matRowDef="let row; columns: rosterColumns"></tr>
          <tr class="mat-mdc-row" *matNoDataRow>
            <td class="mat-mdc-cell empty" [attr.colspan]="rosterColumns.length">没有符合条件的调解员</td>
          </tr>
        </table>
      </div>
      <mat-paginator
        [length]="rosterTotal()"
        [pageIndex]="rosterPage() - 1"
        [pageSize]="pageSize"
        [hidePageSize]="true"
        [showFirstLastButtons]="true"
        (page)="turn($event)"
        aria-label="名册分页"
      />
    </div>
  `,
  styles: `
    .heading {
      display: flex;
      justify-content: space-between;
      align-items: center;
      gap: 12px;
    }
    .filters {
      display: flex;
      flex-wrap: wrap;
      gap: 12px;
      margin-bottom: 12px;
    }
  `,
  providers: [paginatorIntl()],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AdminRoster implements OnInit {
  private readonly api = inject(AdminApi);
  private readonly cases = inject(CaseApi);
  private readonly dialog = inject(MatDialog);
  private readonly injector = inject(Injector);
  private readonly notifier = inject(Notifier);
  private readonly destroyRef = inject(DestroyRef);
  private request: Subscription | null = null;

  readonly kindLabels = ORGANIZATION_KIND_LABELS;
  readonly statusLabels = ROSTER_STATUS_LABELS;
  readonly statuses = Object.keys(ROSTER_STATUS_LABELS);
  readonly orgColumns = ['name', 'region', 'contact', 'mediators', 'actions'];
  readonly rosterColumns = ['person', 'facts', 'status', 'actions'];
  /** Mediators per page (GET /api/admin/mediators takes `page` and `pageSize`, at most 200). */
  readonly pageSize = 50;
  readonly search = new FormControl('', { nonNullable: true });
  readonly organization = new FormControl('', { nonNullable: true });
  readonly status = new FormControl('', { nonNullable: true });
  readonly organizations = signal<AdminOrganization[]>([]);
  readonly roster = signal<RosterEntry[]>([]);
  readonly rosterTotal = signal(0);
  readonly rosterPage = signal(1);
  readonly loading = signal(false);
  readonly error = signal<string | null>(null);
  private disputeTypes: { code: string; name: string }[] = [];

  ngOnInit(): void {
    this.loadOrganizations();
    this.loadRoster(1);
    // A changed filter starts again from the first page.
    this.search.valueChanges
      .pipe(debounceTime(300), distinctUntilChanged(), takeUntilDestroyed(this.destroyRef))
      .subscribe(() => this.loadRoster(1));
    for (const filter of [this.organization, this.status])
      filter.valueChanges.pipe(takeUntilDestroyed(this.destroyRef)).subscribe(() => this.loadRoster(1));
    this.destroyRef.onDestroy(() => this.request?.unsubscribe());
    this.cases.disputeTypes().subscribe({ next: (types) => (this.disputeTypes = types) });
  }

  specialityNames(codes: string[]): string {
    if (!codes.length) return '擅长案由未填';
    return codes.map((c) => this.disputeTypes.find((d) => d.code === c)?.name ?? c).join('、');
  }

  loadOrganizations(): void {
    this.api.adminOrganizations({ page: 1, pageSize: 200 }).subscribe({
      next: (p) => this.organizations.set(p.items),
      error: (err: unknown) => this.error.set(friendlyError(err, '调解组织加载失败')),
    });
  }

  turn(e: PageEvent): void {
    this.loadRoster(e.pageIndex + 1);
  }

  /** One page of the roster under the current filters; a newer request replaces one still on its way. */
  loadRoster(page = this.rosterPage()): void {
    this.rosterPage.set(page);
    this.loading.set(true);
    this.error.set(null);
    const status = this.status.value as 'active' | 'suspended' | 'removed' | '';
    this.request?.unsubscribe();
    this.request = this.api
      .roster({
        page,
        pageSize: this.pageSize,
        q: this.search.value.trim() || undefined,
        organizationId: this.organization.value || undefined,
        status: status || undefined,
      })
      .subscribe({
        next: (p) => {
          this.roster.set(p.items);
          this.rosterTotal.set(p.total);
          this.loading.set(false);
        },
        error: (err: unknown) => {
          this.loading.set(false);
          this.error.set(friendlyError(err, '名册加载失败'));
        },
      });
  }

  editOrganization(organization: AdminOrganization | null): void {
    const submit = (body: NewOrganization) =>
      organization ? this.api.updateOrganization(organization.id, body) : this.api.createOrganization(body);
    this.dialog
      .open<OrganizationDialog, OrganizationDialogData, AdminOrganization>(OrganizationDialog, {
        width: '480px',
        maxWidth: '95vw',
        injector: this.injector,
        data: { organization, submit },
      })
      .afterClosed()
      .subscribe((saved) => {
        if (!saved) return;
        this.notifier.info(`已保存 ${saved.name}`);
        this.loadOrganizations();
      });
  }

  editRoster(entry: RosterEntry): void {
    this.dialog
      .open<RosterDialog, RosterDialogData, RosterEntry>(RosterDialog, {
        width: '560px',
        maxWidth: '95vw',
        injector: this.injector,
        data: { entry, disputeTypes: this.disputeTypes, submit: (body) => this.api.updateRoster(entry.id, body) },
      })
      .afterClosed()
      .subscribe((saved) => {
        if (!saved) return;
        this.notifier.info(`已更新 ${saved.displayName} 的名册信息`);
        this.roster.update((list) => list.map((m) => (m.id === saved.id ? saved : m)));
        this.loadOrganizations();
      });
  }
}
