import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import type { ApiSchema } from '../core/api/api';

export type VerifyAnswer = ApiSchema<'VerifyResponse'>;

/** Public document check: no login, used by whoever scans the QR code on a printed document. */
@Injectable({ providedIn: 'root' })
export class VerifyApi {
  private readonly http = inject(HttpClient);

  verify(sha256: string): Observable<VerifyAnswer> {
    return this.http.get<VerifyAnswer>(`/api/verify/${encodeURIComponent(sha256)}`);
  }
}
