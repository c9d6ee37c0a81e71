import { OpenAPIObject } from '@nestjs/swagger';
import { HTTP_METHODS } from './openapi-document';

type Operation = NonNullable<OpenAPIObject['paths'][string]['get']>;

/** Answers with no body: 204, and 202 (accepted, nothing to say yet). */
const BODILESS = new Set(['202', '204']);
const ERROR_BODY = '#/components/schemas/ErrorResponseDto';

/**
 * What a route's documentation lacks, one line per route that names it: a success answer with a
 * schema (the web client's types come from it) and, for a route that takes input or a sign-in,
 * its error answers in the one error body.
 */
export function routeContractProblems(document: OpenAPIObject): string[] {
  const problems: string[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const route = `${method.toUpperCase()} ${path}`;
      problems.push(...operationProblems(operation).map((problem) => `${route}: ${problem}`));
    }
  }
  return problems;
}

function operationProblems(operation: Operation): string[] {
  const problems: string[] = [];
  const answers = Object.entries(operation.responses ?? {});
  const successes = answers.filter(([status]) => status.startsWith('2'));
  const documented = successes.filter(
    ([status, answer]) =>
      BODILESS.has(status) ||
      Object.values((answer && 'content' in answer && answer.content) || {}).some(
        (media) => media.schema,
      ),
  );
  if (documented.length === 0 || documented.length < successes.length)
    problems.push('no 2xx answer with a schema (add @ApiOkResponse({ type: SomeResponseDto }))');
  const errors = answers.filter(([status]) => /^[45]/.test(status));
  const takesInput =
    (operation.parameters?.length ?? 0) > 0 ||
    operation.requestBody !== undefined ||
    (operation.security?.length ?? 0) > 0;
  if (takesInput && !errors.some(([status]) => status.startsWith('4')))
    problems.push('takes input or a sign-in but documents no 4xx answer');
  // A 4xx is always the filter's error body; only /health/ready answers a 503 of its own.
  for (const [status, answer] of errors)
    if (status.startsWith('4') && !JSON.stringify(answer).includes(ERROR_BODY))
      problems.push(`the ${status} answer is not the error body (use ApiErrors())`);
  return problems;
}
