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
import { debounceTime, distinctUntilChanged } from 'rxjs';
import { paginatorIntl } from '../cases/case-table/paginator-intl';
import { friendlyError } from '../core/api-error';
import { ROLE_LABELS, Role } from '../core/auth/auth-models';
import { Notifier } from '../core/notifier';
import { AdminApi, AdminUser, OneTimePassword } from './admin-api';
import { EditUserDialog, EditUserDialogData, NewUserDialog, NewUserDialogData, OneTimePasswordDialog } from './new-user-dialog';

/** 用户管理: the court's accounts; add, deactivate, reactivate, reset a password (one-time, shown once). */
@Component({
  selector: 'app-admin-users',
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
        <h1>用户管理</h1>
        <button mat-flat-button type="button" (click)="add()">新增用户</button>
      </div>
      <div class="filters">
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>搜索用户名或姓名</mat-label>
          <input matInput [formControl]="search" />
        </mat-form-field>
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>角色</mat-label>
          <mat-select [formControl]="role">
            <mat-option value="">全部</mat-option>
            @for (r of roles; track r) {
              <mat-option [value]="r">{{ roleLabels[r] }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
      </div>
      <div class="load-slot">
        @if (loading()) {
          <mat-progress-bar mode="indeterminate" aria-label="正在加载用户" />
        }
      </div>
      @if (error()) {
        <p class="error-text" role="alert">{{ error() }}</p>
      }
      <div class="table-wrap">
        <table mat-table class="dense" [dataSource]="items()" aria-label="用户列表">
          <ng-container matColumnDef="username">
            <th mat-header-cell *matHeaderCellDef scope="col">用户名</th>
            <td mat-cell *matCellDef="let u">{{ u.username }}</td>
          </ng-container>
          <ng-container matColumnDef="displayName">
            <th mat-header-cell *matHeaderCellDef scope="col">姓名</th>
            <td mat-cell *matCellDef="let u">{{ u.displayName }}</td>
          </ng-container>
          <ng-container matColumnDef="role">
            <th mat-header-cell *matHeaderCellDef scope="col">角色</th>
            <td mat-cell *matCellDef="let u">
              {{ roleLabel(u.role) }}
              @if (u.organizationName) {
                <span class="muted small block">{{ u.organizationName }}</span>
              }
            </td>
          </ng-container>
          <ng-container matColumnDef="state">
            <th mat-header-cell *matHeaderCellDef scope="col">状态</th>
            <td mat-cell *matCellDef="let u">
              {{ u.active ? '启用' : '已停用' }}
              @if (u.mustChangePassword) {
                <span class="muted small block">待修改一次性密码</span>
              }
              @if (u.openCases) {
                <span class="muted small block">在办 {{ u.openCases }} 件</span>
              }
            </td>
          </ng-container>
          <ng-container matColumnDef="actions">
            <th mat-header-cell *matHeaderCellDef scope="col"><span class="visually-hidden">操作</span></th>
            <td mat-cell *matCellDef="let u" class="row-actions">
              <button mat-button type="button" (click)="edit(u)" [attr.aria-label]="'修改 ' + u.username">修改</button>
              <button mat-button type="button" (click)="toggle(u)" [attr.aria-label]="(u.active ? '停用 ' : '启用 ') + u.username">
                {{ u.active ? '停用' : '启用' }}
              </button>
              <button mat-button type="button" (click)="reset(u)" [attr.aria-label]="'重置密码 ' + u.username">重置密码</button>
            </td>
          </ng-container>
          <tr mat-header-row *matHeaderRowDef="columns"></tr>
          <tr mat-row *matRowDef="let row; columns: columns"></tr>
          <tr class="mat-mdc-row" *matNoDataRow>
            <td class="mat-mdc-cell empty" [attr.colspan]="columns.length">{{ loading() ? '正在加载…' : '没有符合条件的用户' }}</td>
          </tr>
        </table>
      </div>
      @if (!loading() || items().length) {
        <mat-paginator
          [length]="total()"
          [pageIndex]="page() - 1"
          [pageSize]="pageSize"
          [hidePageSize]="true"
          (page)="turn($event)"
          aria-label="用户分页"
        />
      }
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
    .row-actions {
      white-space: nowrap;
    }
  `,
  providers: [paginatorIntl()],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AdminUsers implements OnInit {
  private readonly api = inject(AdminApi);
  private readonly dialog = inject(MatDialog);
  private readonly injector = inject(Injector);
  private readonly notifier = inject(Notifier);
  private readonly destroyRef = inject(DestroyRef);

  readonly roles: Role[] = ['clerk', 'mediator', 'judge', 'statistician', 'admin'];
  readonly roleLabels = ROLE_LABELS;
  readonly columns = ['username', 'displayName', 'role', 'state', 'actions'];
  readonly pageSize = 50;
  readonly search = new FormControl('', { nonNullable: true });
  readonly role = new FormControl('', { nonNullable: true });
  readonly items = signal<AdminUser[]>([]);
  readonly total = signal(0);
  readonly page = signal(1);
  readonly loading = signal(false);
  readonly error = signal<string | null>(null);

  ngOnInit(): void {
    this.load();
    this.search.valueChanges
      .pipe(debounceTime(300), distinctUntilChanged(), takeUntilDestroyed(this.destroyRef))
      .subscribe(() => this.load(1));
    this.role.valueChanges.pipe(takeUntilDestroyed(this.destroyRef)).subscribe(() => this.load(1));
  }

  roleLabel(role: string): string {
    return ROLE_LABELS[role as Role] ?? role;
  }

  turn(e: PageEvent): void {
    this.load(e.pageIndex + 1);
  }

  load(page = this.page()): void {
    this.page.set(page);
    this.loading.set(true);
    this.error.set(null);
    const role = this.role.value as Role | '';
    this.api.users({ page, pageSize: this.pageSize, q: this.search.value.trim() || undefined, role: role || undefined }).subscribe({
      next: (p) => {
        this.items.set(p.items);
        this.total.set(p.total);
        this.loading.set(false);
      },
      error: (err: unknown) => {
        this.loading.set(false);
        this.error.set(friendlyError(err, '用户加载失败'));
      },
    });
  }

  add(): void {
    this.api.organizations().subscribe({
      next: (orgs) => {
        this.dialog
          .open<NewUserDialog, NewUserDialogData, OneTimePassword>(NewUserDialog, {
            width: '480px',
            maxWidth: '95vw',
            injector: this.injector,
            data: { organizations: orgs.items.map((o) => ({ id: o.id, name: o.name })), submit: (body) => this.api.createUser(body) },
          })
          .afterClosed()
          .subscribe((created) => {
            if (!created) return;
            this.showPassword(created);
            this.load(1);
          });
      },
      error: (err: unknown) => this.notifier.error(err, '调解组织加载失败'),
    });
  }

  edit(u: AdminUser): void {
    this.api.organizations().subscribe({
      next: (orgs) => {
        this.dialog
          .open<EditUserDialog, EditUserDialogData, AdminUser>(EditUserDialog, {
            width: '480px',
            maxWidth: '95vw',
            injector: this.injector,
            data: {
              user: u,
              organizations: orgs.items.map((o) => ({ id: o.id, name: o.name })),
              submit: (body) => this.api.updateUser(u.id, body),
            },
          })
          .afterClosed()
          .subscribe((updated) => {
            if (!updated) return;
            this.notifier.info(`已保存 ${updated.username}`);
            this.items.update((list) => list.map((x) => (x.id === updated.id ? updated : x)));
          });
      },
      error: (err: unknown) => this.notifier.error(err, '调解组织加载失败'),
    });
  }

  toggle(u: AdminUser): void {
    if (u.active && !window.confirm(`停用 ${u.displayName}（${u.username}）？停用后其登录立即失效。`)) return;
    this.api.setActive(u.id, !u.active).subscribe({
      next: (updated) => {
        this.notifier.info(updated.active ? `已启用 ${updated.username}` : `已停用 ${updated.username}`);
        this.items.update((list) => list.map((x) => (x.id === updated.id ? updated : x)));
      },
      error: (err: unknown) => this.notifier.error(err, '操作失败'),
    });
  }

  reset(u: AdminUser): void {
    if (!window.confirm(`为 ${u.displayName}（${u.username}）重置密码？其当前登录立即失效。`)) return;
    this.api.resetPassword(u.id).subscribe({
      next: (result) => {
        this.showPassword(result);
        this.items.update((list) => list.map((x) => (x.id === result.user.id ? result.user : x)));
      },
      error: (err: unknown) => this.notifier.error(err, '重置失败'),
    });
  }

  private showPassword(result: OneTimePassword): void {
    this.dialog.open(OneTimePasswordDialog, { width: '480px', maxWidth: '95vw', data: result, disableClose: true });
  }
}
