import type { ApiQuery, ApiSchemas } from '../core/api/api';
// Generated from the OpenAPI document (core/api/api-types.ts, `npm run api:types`).
type S = ApiSchemas;

export type Page<T> = Omit<S['CasePage'], 'items'> & { items: T[] };
export type Party = S['PartyView'];
export type Deadlines = S['DeadlinesView'];
export type AgreementTerm = S['AgreementTermView'];
export type Agreement = S['AgreementView'];
export type Confirmation = S['ConfirmationView'];
export type Session = S['SessionView'];
export type CaseDocument = S['CaseDocumentView'];
/** A case in a list (`GET /api/cases`, the queue). */
export type CaseSummary = S['CaseSummaryView'];
/** The case representation of `GET /api/cases/:id` and of every action's answer. */
export type CaseRecord = S['CaseView'];
export type CaseEvent = S['CaseEventView'];
export type DisputeType = S['DisputeTypeView'];
export type CaseQuery = ApiQuery<'listCases'>;
