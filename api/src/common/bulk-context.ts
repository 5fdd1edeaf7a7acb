/**
 * How a bulk import (the demo seed, a test replaying histories) runs the use cases it calls, passed
 * by the importer with each call; requests never pass one. Each flag only saves work: the data
 * written is the same.
 */
export interface BulkContext {
  /** Issue documents without their PDF: the outbox renders them in the background (start-up stays fast). */
  readonly deferRendering?: boolean;
  /** Answer with the ids the importer goes on with instead of building the case view. */
  readonly skipResponseView?: boolean;
}
