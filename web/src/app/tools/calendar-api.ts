import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';

export interface DeadlineAnswer {
  start: string;
  length: number;
  unit: 'days' | 'workdays';
  endsOn: string;
  rolledOver: boolean;
  basis: string;
  provisional?: boolean;
}

export interface FeeAnswer {
  fullFee: string;
  halfFee: string;
  feeCategory: string;
  brackets: { from: string; to: string | null; rate: number | null; fee: string }[];
  basis: string;
}

/** The legal calculators any signed-in role may use. */
@Injectable({ providedIn: 'root' })
export class CalendarApi {
  private readonly http = inject(HttpClient);

  deadline(start: string, length: number, unit: 'days' | 'workdays'): Observable<DeadlineAnswer> {
    const params = new HttpParams().set('start', start).set('length', length).set('unit', unit);
    return this.http.get<DeadlineAnswer>('/api/calendar/deadline', { params });
  }

  litigationFee(amount: string, disputeType: string): Observable<FeeAnswer> {
    const params = new HttpParams().set('amount', amount).set('disputeType', disputeType);
    return this.http.get<FeeAnswer>('/api/fees/litigation', { params });
  }
}
