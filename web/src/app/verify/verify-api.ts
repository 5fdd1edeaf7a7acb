import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { DocumentKind } from '@rules/document-kinds';
import { Observable } from 'rxjs';

export interface VerifyAnswer {
  valid: boolean;
  kind: DocumentKind;
  caseNumber: string;
  issuedAt: string;
}

/** Public document check: no login, used by whoever scans the QR code on a printed document. */
@Injectable({ providedIn: 'root' })
export class VerifyApi {
  private readonly http = inject(HttpClient);

  verify(sha256: string): Observable<VerifyAnswer> {
    return this.http.get<VerifyAnswer>(`/api/verify/${encodeURIComponent(sha256)}`);
  }
}
