import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, InjectionToken, inject } from '@angular/core';
import { Observable, map } from 'rxjs';
import { CaseRecord, Page } from '../cases/case-models';

/** Opens the queue's server-sent event stream; replaced by a fake in tests (jsdom has no EventSource). */
export const EVENT_SOURCE_FACTORY = new InjectionToken<(url: string) => EventSource>('EVENT_SOURCE_FACTORY', {
  providedIn: 'root',
  factory: () => (url: string) => new EventSource(url),
});

/** The shared queue of delegated cases waiting for a mediator. */
@Injectable({ providedIn: 'root' })
export class QueueApi {
  private readonly http = inject(HttpClient);

  list(page: number, pageSize: number): Observable<Page<CaseRecord>> {
    const params = new HttpParams().set('page', page).set('pageSize', pageSize);
    return this.http.get<Page<CaseRecord>>('/api/queue', { params });
  }

  claim(id: string, version?: number): Observable<CaseRecord> {
    return this.http.post<CaseRecord>(`/api/cases/${id}/claim`, version === undefined ? {} : { version });
  }

  /** Claims the most urgent eligible case; null when the queue is empty (204). */
  next(): Observable<CaseRecord | null> {
    return this.http
      .post<CaseRecord>('/api/queue/next', {}, { observe: 'response' })
      .pipe(map((res) => (res.status === 204 ? null : res.body)));
  }

  /** EventSource cannot send headers, so the stream takes the token as a query parameter. */
  streamUrl(token: string): string {
    return `/api/queue/stream?access_token=${encodeURIComponent(token)}`;
  }
}
