import { reactive } from 'vue';
import { api, ApiError, isNetworkError, TokenPair, tokens } from './api/client';
import { Account } from './api/types';

/**
 * Who is signed in; loaded once from /api/auth/me and kept while the page lives.
 * `unreachable`: a person holds tokens but the server could not be reached to say who they
 * are; they stay signed in and are shown a network error, never the login page.
 */
export const session = reactive<{
  account: Account | undefined;
  loaded: boolean;
  unreachable: boolean;
}>({ account: undefined, loaded: false, unreachable: false });

export async function loadSession(): Promise<Account | undefined> {
  if (session.loaded) return session.account;
  session.unreachable = false;
  if (tokens.read()) {
    try {
      session.account = await api.get<Account>('/api/auth/me');
    } catch (error) {
      if (isNetworkError(error)) {
        session.unreachable = true;
        return undefined;
      }
      if (!(error instanceof ApiError) || error.status === 401) tokens.write(undefined);
    }
  }
  session.loaded = true;
  return session.account;
}

export async function signIn(pair: TokenPair): Promise<Account> {
  tokens.write(pair);
  session.account = await api.get<Account>('/api/auth/me');
  session.loaded = true;
  session.unreachable = false;
  return session.account;
}

export async function signOut(): Promise<void> {
  await api.post('/api/auth/logout').catch(() => undefined);
  tokens.write(undefined);
  session.account = undefined;
}
