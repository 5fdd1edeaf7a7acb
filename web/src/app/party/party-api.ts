import { HttpClient, HttpHeaders } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import { Observable, tap } from 'rxjs';
import type { ApiSchema } from '../core/api/api';

export type PartyToken = ApiSchema<'PartyTokenResponseDto'>;
export type PartyCase = ApiSchema<'PartyCaseDto'>;
export type PartyConsent = ApiSchema<'ConsentResponseDto'>;
export type ConsentBody = ApiSchema<'ConsentDto'>;
export type PartyDocument = ApiSchema<'PartyDocumentDto'>;

const KEY = 'sutiao.party';

/**
 * The party's own session (a code sign-in, scoped to one party of one case), kept apart from the
 * staff session: a party token never reaches a staff page and a staff token never a party call.
 */
@Injectable({ providedIn: 'root' })
export class PartySession {
  private readonly state = signal<PartyToken | null>(read());
  readonly session = this.state.asReadonly();
  readonly signedIn = computed(() => this.state() !== null);

  set(token: PartyToken): void {
    this.state.set(token);
    write(JSON.stringify(token));
  }

  clear(): void {
    this.state.set(null);
    write(null);
  }
}

@Injectable({ providedIn: 'root' })
export class PartyApi {
  private readonly http = inject(HttpClient);
  private readonly session = inject(PartySession);

  private headers(): HttpHeaders {
    return new HttpHeaders({ Authorization: `Bearer ${this.session.session()?.accessToken ?? ''}` });
  }

  /** Always answers 202: whether the case number and phone belong together is never told. */
  requestCode(caseNumber: string, phone: string): Observable<unknown> {
    return this.http.post('/api/party/auth/request-code', { caseNumber, phone });
  }

  verify(caseNumber: string, phone: string, code: string): Observable<PartyToken> {
    return this.http.post<PartyToken>('/api/party/auth/verify', { caseNumber, phone, code }).pipe(tap((t) => this.session.set(t)));
  }

  myCase(): Observable<PartyCase> {
    return this.http.get<PartyCase>('/api/party/case', { headers: this.headers() });
  }

  documents(): Observable<PartyDocument[]> {
    return this.http.get<PartyDocument[]>('/api/party/documents', { headers: this.headers() });
  }

  /** The served PDF as issued; the first download is the moment the party read it. */
  documentPdf(id: string): Observable<Blob> {
    return this.http.get(`/api/party/documents/${id}`, { headers: this.headers(), responseType: 'blob' });
  }

  consent(body: ConsentBody): Observable<PartyConsent> {
    return this.http.post<PartyConsent>('/api/party/consent', body, { headers: this.headers() });
  }
}

function read(): PartyToken | null {
  try {
    const raw = globalThis.sessionStorage?.getItem(KEY);
    return raw ? (JSON.parse(raw) as PartyToken) : null;
  } catch {
    return null;
  }
}

function write(value: string | null): void {
  try {
    if (value === null) globalThis.sessionStorage?.removeItem(KEY);
    else globalThis.sessionStorage?.setItem(KEY, value);
  } catch {
    // Storage disabled: the session lives in memory only.
  }
}
