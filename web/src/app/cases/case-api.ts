import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import { CaseDocument, CaseEvent, CaseQuery, CaseRecord, DisputeType, Page, Party } from './case-models';

/** Reading cases; every role uses these. State changes live in each role's own *-api.ts. */
@Injectable({ providedIn: 'root' })
export class CaseApi {
  private readonly http = inject(HttpClient);

  list(query: CaseQuery): Observable<Page<CaseRecord>> {
    let params = new HttpParams();
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && value !== null && value !== '') params = params.set(key, String(value));
    }
    return this.http.get<Page<CaseRecord>>('/api/cases', { params });
  }

  get(id: string): Observable<CaseRecord> {
    return this.http.get<CaseRecord>(`/api/cases/${encodeURIComponent(id)}`);
  }

  /** Unmasked identifiers of one party (clerks and judges; every read is written to the audit trail). */
  partyUnmasked(caseId: string, partyId: string): Observable<Party & { idNumber?: string | null }> {
    return this.http.get<Party & { idNumber?: string | null }>(
      `/api/cases/${encodeURIComponent(caseId)}/parties/${encodeURIComponent(partyId)}`,
    );
  }

  events(id: string): Observable<CaseEvent[]> {
    return this.http.get<CaseEvent[]>(`/api/cases/${encodeURIComponent(id)}/events`);
  }

  documents(id: string): Observable<CaseDocument[]> {
    return this.http.get<CaseDocument[]>(`/api/cases/${encodeURIComponent(id)}/documents`);
  }

  /** The PDF itself, fetched with the bearer token (a plain link could not send it). */
  documentPdf(documentId: string): Observable<Blob> {
    return this.http.get(`/api/documents/${encodeURIComponent(documentId)}`, { responseType: 'blob' });
  }

  disputeTypes(): Observable<DisputeType[]> {
    return this.http.get<DisputeType[]>('/api/dispute-types');
  }
}
