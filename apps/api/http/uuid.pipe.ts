import { ParseUUIDPipe } from '@nestjs/common';
import { invalid } from '@jipin/core';

/** A malformed id in the path is a clear 400, not a database error. */
export const uuidPipe = new ParseUUIDPipe({
  exceptionFactory: () =>
    invalid('invalid_id', '编号格式不正确', [{ field: 'id', message: '编号格式不正确' }]),
});
