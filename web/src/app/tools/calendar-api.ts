import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { PeriodUnit } from '@rules/calendar';
import { Observable } from 'rxjs';

export interface DeadlineAnswer {
  start: string;
  length: number;
  unit: PeriodUnit;
  endsOn: string;
  rolledOver: boolean;
  basis: string;
  provisional?: boolean;
}

/** The deadline calculator (期限计算器), open to every signed-in role. */
@Injectable({ providedIn: 'root' })
export class CalendarApi {
  private readonly http = inject(HttpClient);

  deadline(start: string, length: number, unit: PeriodUnit): Observable<DeadlineAnswer> {
    const params = new HttpParams().set('start', start).set('length', length).set('unit', unit);
    return this.http.get<DeadlineAnswer>('/api/calendar/deadline', { params });
  }
}
