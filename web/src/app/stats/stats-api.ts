import { HttpClient, HttpEvent, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable, map } from 'rxjs';
import { BreakdownBy, BreakdownRow, StatsRange, StatsSummary } from './stats-models';

function rangeParams(range: StatsRange, extra: Record<string, string> = {}): HttpParams {
  let params = new HttpParams();
  if (range.from) params = params.set('from', range.from);
  if (range.to) params = params.set('to', range.to);
  for (const [key, value] of Object.entries(extra)) params = params.set(key, value);
  return params;
}

/** Statistics for the court: summary, breakdowns and file exports. */
@Injectable({ providedIn: 'root' })
export class StatsApi {
  private readonly http = inject(HttpClient);

  summary(range: StatsRange): Observable<StatsSummary> {
    return this.http.get<StatsSummary>('/api/stats/summary', { params: rangeParams(range) });
  }

  breakdown(by: BreakdownBy, range: StatsRange): Observable<BreakdownRow[]> {
    return this.http
      .get<BreakdownRow[] | { rows?: BreakdownRow[]; items?: BreakdownRow[] }>('/api/stats/breakdown', {
        params: rangeParams(range, { by }),
      })
      .pipe(map((res) => (Array.isArray(res) ? res : (res.rows ?? res.items ?? []))));
  }

  /** The breakdown as a file, with download progress events. */
  export(format: 'xlsx' | 'csv', by: BreakdownBy, range: StatsRange): Observable<HttpEvent<Blob>> {
    return this.http.get('/api/stats/export', {
      params: rangeParams(range, { format, by }),
      responseType: 'blob',
      observe: 'events',
      reportProgress: true,
    });
  }
}
