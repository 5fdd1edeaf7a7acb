/**
 * The kinds of legal document sutiao issues (contract: "Documents"). Declared once: entities,
 * view models, label tables (API and web) are typed by this union, so a new kind without a label
 * or a template does not compile.
 */
export const DOCUMENT_KINDS = [
  'delegation_letter',
  'session_record',
  'agreement',
  'termination_record',
  'confirmation_application',
  'ruling',
  'mediation_decree',
  'ruling_not_accepted',
  'ruling_withdrawal_permitted',
  'ruling_deemed_withdrawn',
  'followup_record',
  'service_address_confirmation',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export function isDocumentKind(value: unknown): value is DocumentKind {
  return typeof value === 'string' && (DOCUMENT_KINDS as readonly string[]).includes(value);
}

/** The documents addressed to the parties: served on each party (electronically where they consented, CPL 90; else on paper). */
export const SERVED_KINDS: readonly DocumentKind[] = [
  'delegation_letter',
  'agreement',
  'termination_record',
  'ruling',
  'mediation_decree',
  'ruling_not_accepted',
  'ruling_withdrawal_permitted',
  'ruling_deemed_withdrawn',
];
