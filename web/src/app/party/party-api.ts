import { HttpClient, HttpHeaders } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import { Observable, tap } from 'rxjs';
import type { ApiSchema } from '../core/api/api';
import { apiErrorOf, friendlyError } from '../core/api-error';

export type PartyToken = ApiSchema<'PartyTokenResponseDto'>;
export type PartyCase = ApiSchema<'PartyCaseDto'>;
export type PartyConsent = ApiSchema<'ConsentResponseDto'>;
export type ConsentBody = ApiSchema<'ConsentDto'>;
export type PartyDocument = ApiSchema<'PartyDocumentDto'>;
export type PartyAgreement = ApiSchema<'PartyAgreementDto'>;
export type PartyConfirmation = ApiSchema<'PartyConfirmationDto'>;
export type PartyRating = ApiSchema<'PartyRatingDto'>;

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

  agreement(): Observable<PartyAgreement> {
    return this.http.get<PartyAgreement>('/api/party/agreement', { headers: this.headers() });
  }

  /** A fresh SMS code to sign the agreement with (separate from the sign-in code). */
  requestSignatureCode(): Observable<unknown> {
    return this.http.post('/api/party/agreement/request-code', {}, { headers: this.headers() });
  }

  /** Signs the PDF the party reviewed: the signature binds to its sha256. */
  sign(documentSha256: string, code: string): Observable<PartyAgreement> {
    return this.http.post<PartyAgreement>('/api/party/agreement/sign', { documentSha256, code }, { headers: this.headers() });
  }

  refuse(reason: string): Observable<PartyAgreement> {
    return this.http.post<PartyAgreement>('/api/party/agreement/refuse', { reason }, { headers: this.headers() });
  }

  confirmation(): Observable<PartyConfirmation> {
    return this.http.get<PartyConfirmation>('/api/party/confirmation', { headers: this.headers() });
  }

  join(): Observable<PartyConfirmation> {
    return this.http.post<PartyConfirmation>('/api/party/confirmation/join', {}, { headers: this.headers() });
  }

  rating(): Observable<PartyRating> {
    return this.http.get<PartyRating>('/api/party/rating', { headers: this.headers() });
  }

  rate(score: number, comment: string): Observable<PartyRating> {
    return this.http.post<PartyRating>('/api/party/rating', { score, ...(comment ? { comment } : {}) }, { headers: this.headers() });
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

/** The server's own sentence when it wrote one for the party (Chinese), else the generic one. */
export function partyError(err: unknown, fallback: string): string {
  const body = apiErrorOf(err);
  const message = typeof body?.message === 'string' ? body.message : null;
  if (message && /\p{Script=Han}/u.test(message)) return message;
  return friendlyError(err, fallback);
}

/** Opens a PDF the party may read in a new tab (opened inside the tap so the browser allows it). */
export function openPdf(pdf: Observable<Blob>, done: (error: unknown) => void): void {
  const tab = window.open('', '_blank');
  pdf.subscribe({
    next: (blob) => {
      const url = URL.createObjectURL(blob);
      if (tab) tab.location.href = url;
      else window.location.href = url;
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      done(null);
    },
    error: (err: unknown) => {
      tab?.close();
      done(err);
    },
  });
}
