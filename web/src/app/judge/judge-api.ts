import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable, map } from 'rxjs';
import { CaseRecord, Page } from '../cases/case-models';
import { readBlobErrors } from '../core/api-error';
import type { ApiSchema } from '../core/api/api';

export type DecisionBody = ApiSchema<'DecisionDto'>;

/** The judge's calls: pending confirmation applications and the ruling on them. */
@Injectable({ providedIn: 'root' })
export class JudgeApi {
  private readonly http = inject(HttpClient);

  /** Every pending application, most urgent `decisionDueOn` first. */
  pending(): Observable<Page<CaseRecord>> {
    const params = new HttpParams().set('status', 'confirmation_pending').set('sort', 'decisionDueOn').set('page', 1).set('pageSize', 200);
    return this.http
      .get<Page<CaseRecord>>('/api/cases', { params })
      .pipe(map((page) => ({ ...page, items: [...page.items].sort(byDecisionDue) })));
  }

  /** The 民事裁定书 this decision would issue; nothing is saved. */
  previewDecision(id: string, body: DecisionBody): Observable<Blob> {
    return this.http.post(`/api/cases/${id}/confirmation/decision/preview`, body, { responseType: 'blob' }).pipe(readBlobErrors());
  }

  decide(id: string, body: DecisionBody): Observable<CaseRecord> {
    return this.http.post<CaseRecord>(`/api/cases/${id}/confirmation/decision`, body);
  }
}

export function byDecisionDue(a: CaseRecord, b: CaseRecord): number {
  const da = a.deadlines?.decisionDueOn ?? '9999-12-31';
  const db = b.deadlines?.decisionDueOn ?? '9999-12-31';
  return da < db ? -1 : da > db ? 1 : (a.caseNumber ?? '').localeCompare(b.caseNumber ?? '');
}
