import { ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

/** Helpers for section scripts that start the real API as their own process on loopback. */

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export async function waitReady(baseUrl: string, api: ChildProcess): Promise<void> {
  for (let i = 0; i < 300; i += 1) {
    if (api.exitCode !== null) throw new Error('the API exited during start');
    const ok = await fetch(`${baseUrl}/health/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('the API did not become ready');
}

/** POSTs JSON and returns the answer's JSON; throws on anything but 2xx. */
export async function postJson(baseUrl: string, path: string, body: unknown, token?: string) {
  const response = await fetch(baseUrl + path, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });
  const json = await response.json();
  if (!response.ok) throw new Error(`${path}: ${response.status} ${JSON.stringify(json)}`);
  return json;
}
