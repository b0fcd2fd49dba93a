/** An error Palabre can answer: its transport status and its message in each locale. */
export interface ErrorDefinition {
  /** HTTP status; the socket ack carries the code itself. */
  status: 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429 | 500 | 503;
  /** Safe to retry with the same opId. */
  retryable?: boolean;
  fr: string;
  en: string;
}

/** Each domain declares its codes in one record, so a code cannot exist without a status and both messages. */
export function defineErrors<const T extends Record<string, ErrorDefinition>>(defs: T): T {
  return defs;
}
