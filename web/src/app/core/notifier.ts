import { Injectable, inject } from '@angular/core';
import { MatSnackBar } from '@angular/material/snack-bar';
import { friendlyError } from './api-error';

/** Short messages at the bottom of the screen, announced to screen readers by the snack bar. */
@Injectable({ providedIn: 'root' })
export class Notifier {
  private readonly snackBar = inject(MatSnackBar);

  info(message: string): void {
    this.snackBar.open(message, '关闭', { duration: 4000 });
  }

  error(err: unknown, fallback?: string): void {
    this.snackBar.open(typeof err === 'string' ? err : friendlyError(err, fallback), '关闭', {
      duration: 6000,
      politeness: 'assertive',
    });
  }
}
