import { ApiOkResponse } from '@nestjs/swagger';

/** A route that answers with a file (a spreadsheet, a page to print), not JSON. */
export const ApiFileAnswer = (description: string, ...mediaTypes: string[]) =>
  ApiOkResponse({
    description,
    content: Object.fromEntries(
      mediaTypes.map((type) => [type, { schema: { type: 'string', format: 'binary' } }]),
    ),
  });
