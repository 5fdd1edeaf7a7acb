import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import { CaseRecord, Page } from '../cases/case-models';
import { TerminationBody } from '../cases/termination-dialog/termination-dialog';
import type { ApiSchema } from '../core/api/api';

// Request and response bodies generated from the OpenAPI document (core/api/api-types.ts).
export type PartyInput = ApiSchema<'PartyInput'>;
export type NewCase = ApiSchema<'CreateCaseDto'>;
export type Organization = ApiSchema<'OrganizationView'>;
export type Mediator = ApiSchema<'MediatorView'>;
export type DelegateBody = ApiSchema<'DelegateDto'>;
export type FeeEstimate = ApiSchema<'LitigationFeeView'>;

/** The clerk's calls: filing, delegating, applying for confirmation, terminating. */
@Injectable({ providedIn: 'root' })
export class ClerkApi {
  private readonly http = inject(HttpClient);

  create(body: NewCase): Observable<CaseRecord> {
    return this.http.post<CaseRecord>('/api/cases', body);
  }

  delegate(id: string, body: DelegateBody): Observable<CaseRecord> {
    return this.http.post<CaseRecord>(`/api/cases/${id}/delegate`, body);
  }

  applyForConfirmation(id: string, body: { jointApplication: true; appliedOn?: string; version?: number }): Observable<CaseRecord> {
    return this.http.post<CaseRecord>(`/api/cases/${id}/confirmation`, body);
  }

  terminate(id: string, body: TerminationBody & { version?: number }): Observable<CaseRecord> {
    return this.http.post<CaseRecord>(`/api/cases/${id}/termination`, body);
  }

  /** The acceptance fee the applicant would pay to litigate instead (诉讼费用交纳办法). */
  litigationFee(amount: string, disputeType: string): Observable<FeeEstimate> {
    const params = new HttpParams().set('amount', amount).set('disputeType', disputeType);
    return this.http.get<FeeEstimate>('/api/fees/litigation', { params });
  }

  organizations(q: string, pageSize = 20): Observable<Page<Organization>> {
    const params = new HttpParams().set('q', q).set('page', 1).set('pageSize', pageSize);
    return this.http.get<Page<Organization>>('/api/organizations', { params });
  }

  mediators(filter: { organizationId?: string; q?: string; disputeType?: string }): Observable<Page<Mediator>> {
    let params = new HttpParams().set('page', 1).set('pageSize', 50);
    for (const [key, value] of Object.entries(filter)) if (value) params = params.set(key, value);
    return this.http.get<Page<Mediator>>('/api/mediators', { params });
  }
}
