import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import { CaseRecord } from '../cases/case-models';
import type { ApiSchema } from '../core/api/api';
import { TerminationBody } from '../cases/termination-dialog/termination-dialog';
import { readBlobErrors } from '../core/api-error';

export type AgreementBody = ApiSchema<'AgreementDto'>;
export type ExtensionBody = ApiSchema<'ExtensionDto'>;
export type SessionBody = ApiSchema<'SessionDto'>;

/** What the mediator holding a case can do with it. */
@Injectable({ providedIn: 'root' })
export class WorkspaceApi {
  private readonly http = inject(HttpClient);

  /** 201 with the case, the new session in its `sessions`. */
  recordSession(id: string, body: SessionBody): Observable<CaseRecord> {
    return this.http.post<CaseRecord>(`/api/cases/${id}/sessions`, body);
  }

  signAgreement(id: string, body: AgreementBody): Observable<CaseRecord> {
    return this.http.post<CaseRecord>(`/api/cases/${id}/agreement`, body);
  }

  /** The 人民调解协议书 this body would issue, validated like the real action; nothing is saved. */
  previewAgreement(id: string, body: AgreementBody): Observable<Blob> {
    return this.http.post(`/api/cases/${id}/agreement/preview`, body, { responseType: 'blob' }).pipe(readBlobErrors());
  }

  extend(id: string, body: ExtensionBody): Observable<CaseRecord> {
    return this.http.post<CaseRecord>(`/api/cases/${id}/extensions`, body);
  }

  release(id: string, body: { reason: string; version?: number }): Observable<CaseRecord> {
    return this.http.post<CaseRecord>(`/api/cases/${id}/release`, body);
  }

  decline(id: string, body: { reason: string; version?: number }): Observable<CaseRecord> {
    return this.http.post<CaseRecord>(`/api/cases/${id}/decline`, body);
  }

  terminate(id: string, body: TerminationBody & { version?: number }): Observable<CaseRecord> {
    return this.http.post<CaseRecord>(`/api/cases/${id}/termination`, body);
  }
}
