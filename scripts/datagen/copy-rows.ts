import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/** One value of a COPY row: null, text, number, boolean, a text[] or JSON (jsonb). */
export type CopyValue = string | number | boolean | null | string[] | { json: unknown };

/** Escapes a value for COPY's text format (tab-separated, \N for null). */
function field(value: CopyValue): string {
  if (value === null) return '\\N';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return escape(`{${value.map(arrayElement).join(',')}}`);
  if (typeof value === 'object') return escape(JSON.stringify(value.json));
  return escape(value);
}

function arrayElement(value: string): string {
  return `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

function escape(text: string): string {
  return text.replace(/[\\\t\n\r]/g, (c) =>
    c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r',
  );
}

export function copyLine(values: CopyValue[]): string {
  return values.map(field).join('\t') + '\n';
}

/**
 * Streams rows into a table with COPY … FROM STDIN. Rows are joined into
 * chunks of ~256 KB so the stream is not dominated by per-row overhead.
 */
export async function copyRows(
  client: PoolClient,
  table: string,
  columns: string[],
  rows: Iterable<CopyValue[]>,
): Promise<number> {
  let count = 0;
  function* chunks(): Generator<string> {
    let chunk = '';
    for (const row of rows) {
      chunk += copyLine(row);
      count += 1;
      if (chunk.length > 256 * 1024) {
        yield chunk;
        chunk = '';
      }
    }
    if (chunk) yield chunk;
  }
  const target: Writable = client.query(
    copyFrom(`copy ${table} (${columns.join(', ')}) from stdin`),
  );
  await pipeline(Readable.from(chunks()), target);
  return count;
}
