/**
 * What went wrong, in terms the HTTP layer maps to a status. Services throw
 * DomainError with one of these kinds and a stable code; they never pick HTTP
 * statuses themselves.
 */
export type ErrorKind =
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'unprocessable'
  | 'too_large'
  | 'unsupported_type'
  | 'rate_limited'
  | 'unavailable';

export interface ErrorDetail {
  field?: string;
  message: string;
  [key: string]: unknown;
}

export class DomainError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
  }
}

export const invalid = (code: string, message: string, details: ErrorDetail[] = []) =>
  new DomainError('invalid', code, message, details);

export const notFound = (what: string, code = 'not_found') =>
  new DomainError('not_found', code, `${what}不存在或您无权查看`);

export const conflict = (code: string, message: string, details: ErrorDetail[] = []) =>
  new DomainError('conflict', code, message, details);

export const forbidden = (code: string, message: string) =>
  new DomainError('forbidden', code, message);

export const unprocessable = (code: string, message: string, details: ErrorDetail[] = []) =>
  new DomainError('unprocessable', code, message, details);
