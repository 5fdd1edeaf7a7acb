import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { PeriodUnit } from '@rules/calendar';
import { Observable } from 'rxjs';
import type { ApiSchema } from '../core/api/api';

export type DeadlineAnswer = ApiSchema<'DeadlineView'>;

/** The deadline calculator (期限计算器), open to every signed-in role. */
@Injectable({ providedIn: 'root' })
export class CalendarApi {
  private readonly http = inject(HttpClient);

  deadline(start: string, length: number, unit: PeriodUnit): Observable<DeadlineAnswer> {
    const params = new HttpParams().set('start', start).set('length', length).set('unit', unit);
    return this.http.get<DeadlineAnswer>('/api/calendar/deadline', { params });
  }
}
