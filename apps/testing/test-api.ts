import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DestinationStream } from 'pino';
import { DataSource } from 'typeorm';
import { AppConfig, createLogger, loadConfig } from '@jipin/core';
import { createApiApp } from '../api/create-api-app';
import { RunningWorker, startWorker } from '../worker/create-worker-app';
import { testEnv } from './test-config';
import { createTestDatabase, TestDatabase } from './test-database';

export interface HttpResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export interface RequestOptions {
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
  rawBody?: string | Buffer;
}

/** The real API, listening on a loopback port, on its own fresh database. */
export class TestApi {
  private worker: RunningWorker | undefined;

  private constructor(
    readonly app: NestFastifyApplication,
    readonly baseUrl: string,
    readonly config: AppConfig,
    readonly database: TestDatabase,
    /** The environment the config came from; a worker process started by a test gets the same. */
    readonly env: Record<string, string | undefined>,
  ) {}

  /** serverUrl: another PostgreSQL server than TEST_DATABASE_URL's, e.g. one a fault test restarts. */
  /** logTo: where the API's log lines go (standard output if not given). */
  static async start(
    label: string,
    env: Record<string, string> = {},
    serverUrl?: string,
    logTo?: DestinationStream,
  ): Promise<TestApi> {
    const database = await createTestDatabase(label, serverUrl);
    const processEnv = testEnv(env);
    const config = loadConfig(processEnv);
    const logger = createLogger(config.logLevel, 'api-test', logTo);
    const app = await createApiApp(config, database.url, logger);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.getHttpServer().address() as { port: number };
    return new TestApi(app, `http://127.0.0.1:${address.port}`, config, database, {
      ...processEnv,
      DATABASE_URL: database.url,
    });
  }

  get dataSource(): DataSource {
    return this.app.get<DataSource>(getDataSourceToken());
  }

  /** Starts the real worker (processors and outbox relay) on the same database. */
  async startWorker(): Promise<RunningWorker> {
    this.worker = await startWorker(
      this.config,
      this.database.url,
      createLogger(this.config.logLevel, 'worker-test'),
    );
    return this.worker;
  }

  async stopWorker(): Promise<void> {
    await this.worker?.stop();
    this.worker = undefined;
  }

  async request<T = any>(
    method: string,
    path: string,
    options: RequestOptions = {},
  ): Promise<HttpResponse<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | Buffer | undefined = options.rawBody;
    if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['content-type'] ??= 'application/json';
    }
    const response = await fetch(this.baseUrl + path, {
      method,
      headers,
      body: body as BodyInit | undefined,
    });
    const text = await response.text();
    let parsed: unknown = text;
    if ((response.headers.get('content-type') ?? '').includes('json') && text)
      parsed = JSON.parse(text);
    return { status: response.status, body: parsed as T, headers: response.headers };
  }

  get = <T = any>(path: string, options?: RequestOptions) => this.request<T>('GET', path, options);
  post = <T = any>(path: string, body?: unknown, options: RequestOptions = {}) =>
    this.request<T>('POST', path, { ...options, body });
  patch = <T = any>(path: string, body?: unknown, options: RequestOptions = {}) =>
    this.request<T>('PATCH', path, { ...options, body });
  put = <T = any>(path: string, body?: unknown, options: RequestOptions = {}) =>
    this.request<T>('PUT', path, { ...options, body });
  delete = <T = any>(path: string, options?: RequestOptions) =>
    this.request<T>('DELETE', path, options);

  async close(): Promise<void> {
    await this.stopWorker();
    await this.app.close();
    await this.database.drop();
  }
}
