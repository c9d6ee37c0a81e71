import assert from 'node:assert/strict';
import { get } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, test } from '@jest/globals';
import { eventually, publishVacancy, registerEmployer, TestApi } from '@jipin/testing';

/** The raw answer to a GET, as the network carries it (fetch would decompress it unseen). */
function rawGet(api: TestApi, path: string, acceptEncoding?: string) {
  const headers = acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding };
  return new Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }>(
    (resolve, reject) => {
      get(`${api.baseUrl}${path}`, { headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks),
          }),
        );
        response.on('error', reject);
      }).on('error', reject);
    },
  );
}

function decoded(answer: { headers: Record<string, unknown>; body: Buffer }): unknown {
  const encoding = answer.headers['content-encoding'];
  const body =
    encoding === 'br'
      ? brotliDecompressSync(answer.body)
      : encoding === 'gzip'
        ? gunzipSync(answer.body)
        : answer.body;
  return JSON.parse(body.toString('utf8'));
}

let api: TestApi;
beforeAll(async () => {
  api = await TestApi.start('compressed_answers');
  await api.startWorker(); // the search index is the worker's
  const employer = await registerEmployer(api);
  for (const title of ['电焊工', '仓库管理员', '保洁员', '叉车司机'])
    await publishVacancy(api, employer, { title });
  await eventually(async () => (await api.get('/api/search/vacancies')).body.total === 4, 60_000);
});
afterAll(async () => api?.close());

describe('answers many readers share come compressed to a browser that accepts it', () => {
  const paths = ['/api/regions', '/api/vacancy-options', '/api/search/vacancies', '/api/vacancies'];

  test.each(paths)('%s: brotli, gzip or plain, the same JSON', async (path) => {
    const plain = await rawGet(api, path);
    assert.equal(plain.status, 200);
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.match(String(plain.headers.vary), /accept-encoding/i);
    const json = decoded(plain);

    const brotli = await rawGet(api, path, 'gzip, deflate, br');
    assert.equal(brotli.headers['content-encoding'], 'br');
    assert.match(String(brotli.headers['content-type']), /^application\/json/);
    assert.deepEqual(decoded(brotli), json);
    assert.ok(
      brotli.body.length < plain.body.length / 2,
      `${path}: ${brotli.body.length} bytes compressed, ${plain.body.length} plain`,
    );

    const gzip = await rawGet(api, path, 'gzip');
    assert.equal(gzip.headers['content-encoding'], 'gzip');
    assert.deepEqual(decoded(gzip), json);
  });

  test('an encoding refused with q=0 is not sent; an unknown one gets plain JSON', async () => {
    const refused = await rawGet(api, '/api/regions', 'br;q=0, gzip');
    assert.equal(refused.headers['content-encoding'], 'gzip');
    const unknown = await rawGet(api, '/api/regions', 'zstd');
    assert.equal(unknown.headers['content-encoding'], undefined);
    assert.equal((decoded(unknown) as { county: { code: string } }).county.code, '360822');
  });

  test('the townships list a seeker’s first page waits for is under 2 KB in brotli', async () => {
    const brotli = await rawGet(api, '/api/regions', 'br');
    assert.ok(brotli.body.length < 2048, `${brotli.body.length} bytes`);
  });
});
