import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable, map } from 'rxjs';
import { CaseRecord, Page } from '../cases/case-models';
import { readBlobErrors } from '../core/api-error';
import type { ApiSchema } from '../core/api/api';

export type DecisionBody = ApiSchema<'DecisionDto'>;
export type ReviewFile = ApiSchema<'ReviewFileResponseDto'>;
/** The review file's actions (POST /api/cases/{id}/…), each answering the updated case. */
export type ReviewAction =
  | 'review/acceptance'
  | 'review/materials'
  | 'review/supplements'
  | 'review/supplements/received'
  | 'review/extension'
  | 'review/closure'
  | 'conclusion';

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

  /** Entrusted (民初) cases whose mediation reached an agreement: the judge issues the 民事调解书 or records 撤诉. */
  awaitingConclusion(): Observable<Page<CaseRecord>> {
    const params = new HttpParams().set('status', 'agreed').set('track', 'entrusted').set('page', 1).set('pageSize', 200);
    return this.http.get<Page<CaseRecord>>('/api/cases', { params });
  }

  reviewFile(id: string): Observable<ReviewFile> {
    return this.http.get<ReviewFile>(`/api/cases/${id}/review`);
  }

  review(id: string, action: ReviewAction, body: object): Observable<CaseRecord> {
    return this.http.post<CaseRecord>(`/api/cases/${id}/${action}`, body);
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
