/**
 * Fairness (contract: 409 WORKLOAD_CAP): a court caps the cases each mediator holds in mediation at
 * once. A claim is refused when the mediator already holds `cap` of them. The claim function
 * `queue_claim_next()` restates this in SQL (database/sql-twins.ts).
 */
export function atWorkloadCap(activeCases: number, cap: number): boolean {
  return activeCases >= cap;
}
