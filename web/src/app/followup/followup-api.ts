import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';
import type { ApiSchema } from '../core/api/api';

export type FollowupRecord = ApiSchema<'FollowupRecordView'>;
export type FollowupRecordBody = ApiSchema<'FollowupRecordDto'>;

/** 回访记录 of a case (contract: POST/GET /api/cases/:id/followup-records). */
@Injectable({ providedIn: 'root' })
export class FollowupApi {
  private readonly http = inject(HttpClient);

  records(caseId: string): Observable<FollowupRecord[]> {
    return this.http.get<FollowupRecord[]>(`/api/cases/${encodeURIComponent(caseId)}/followup-records`);
  }

  record(caseId: string, body: FollowupRecordBody): Observable<FollowupRecord> {
    return this.http.post<FollowupRecord>(`/api/cases/${encodeURIComponent(caseId)}/followup-records`, body);
  }
}
