import { couldNotReachServer, NETWORK_ERROR, reachedServer } from '../offline';
import type { ErrorDetail, TokenPair } from './types';
import { nextTask } from '../next-task';

export type { ErrorDetail, TokenPair };

/**
 * The one way the web app talks to the API: JSON over fetch, bearer token, one refresh on 401.
 * Only a 401 that a refresh cannot cure signs a person out; a request that never reached the
 * server is a network error (status 0) and keeps the session.
 */

/** An API error body `{code, message, details}`; details that name a field go next to that field. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
  }

  /** field path (e.g. `licence.legalRepresentative`) → the first message for it. */
  fieldErrors(): Record<string, string> {
    const errors: Record<string, string> = {};
    for (const detail of this.details)
      if (detail.field && !errors[detail.field]) errors[detail.field] = detail.message;
    return errors;
  }
}

const STORAGE_KEY = 'jipin.tokens';

export const tokens = {
  read(): TokenPair | undefined {
    try {
      const raw = localStorage.getItem(STORAGE_KEY);
      return raw ? (JSON.parse(raw) as TokenPair) : undefined;
    } catch {
      return undefined;
    }
  },
  write(pair: TokenPair | undefined): void {
    if (pair) localStorage.setItem(STORAGE_KEY, JSON.stringify(pair));
    else localStorage.removeItem(STORAGE_KEY);
  },
};

let refreshing: Promise<boolean> | undefined;

async function refreshTokens(): Promise<boolean> {
  const current = tokens.read();
  if (!current) return false;
  refreshing ??= fetch('/api/auth/refresh', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ refreshToken: current.refreshToken }),
  })
    .then(async (response) => {
      // The server refused the refresh token: signed out. Any other failure keeps it.
      if (response.status === 401 || response.status === 400 || response.status === 403)
        tokens.write(undefined);
      if (!response.ok) return false;
      tokens.write((await response.json()) as TokenPair);
      return true;
    })
    .catch(() => false)
    .finally(() => {
      refreshing = undefined;
    });
  return refreshing;
}

export function isNetworkError(error: unknown): boolean {
  return error instanceof ApiError && error.status === 0;
}

type Query = Record<string, string | number | boolean | undefined | null>;

export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query))
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

declare global {
  interface Window {
    /** Requests index.html made for the first screen before the app loaded, by address. */
    jipinEarly?: Record<string, Promise<Response>>;
  }
}

/** The answer index.html already asked for, once: a later request for it goes to the server. */
function takeEarly(method: string, path: string, body: unknown): Promise<Response> | undefined {
  if (method !== 'GET' || body !== undefined || !window.jipinEarly?.[path]) return undefined;
  const early = window.jipinEarly[path];
  delete window.jipinEarly[path];
  return early;
}

async function send(
  method: string,
  path: string,
  body: unknown,
  retry: boolean,
): Promise<Response> {
  const headers: Record<string, string> = {};
  const token = tokens.read()?.accessToken;
  if (token) headers.authorization = `Bearer ${token}`;
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  let response: Response;
  const sentAt = performance.now();
  const early = takeEarly(method, path, body);
  try {
    response = await (early ?? fetch(path, { method, headers, body: payload }));
    // An answer already here would be drawn in the same task as the page that asked: on a
    // slow phone, one long task. The page is drawn first, its data in a task of its own.
    if (early) await nextTask();
  } catch {
    couldNotReachServer(sentAt);
    throw new ApiError(0, 'network_error', NETWORK_ERROR);
  }
  reachedServer(response);
  if (response.status === 401 && retry && token && (await refreshTokens()))
    return send(method, path, body, false);
  return response;
}

export async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await send(method, path, body, true);
  const type = response.headers.get('content-type') ?? '';
  const data: unknown = type.includes('json')
    ? await response.json().catch(() => undefined)
    : undefined;
  if (!response.ok) {
    const error = (data ?? {}) as { code?: string; message?: string; details?: ErrorDetail[] };
    throw new ApiError(
      response.status,
      error.code ?? 'http_error',
      error.message ?? `请求失败（${response.status}），请稍后重试`,
      error.details ?? [],
    );
  }
  return data as T;
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', withQuery(path, query)),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, body),
  delete: <T>(path: string) => request<T>('DELETE', path),
};

/** Downloads a file the API serves behind a token (the import template, exports). */
export async function download(path: string, filename: string): Promise<void> {
  const response = await send('GET', path, undefined, true);
  if (!response.ok) throw new ApiError(response.status, 'download_failed', '下载失败，请稍后重试');
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
