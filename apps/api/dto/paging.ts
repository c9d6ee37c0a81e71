import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export const MAX_PAGE = 10_000;
export const MAX_OFFSET = 1_000_000;

/**
 * An integer from the query string within bounds: page=99999999999999999999
 * passed a bare @IsInt() and overflowed PostgreSQL's OFFSET (a 500).
 */
function BoundedInt(min: number, max: number, message: string): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ type: 'integer', minimum: min, maximum: max }),
    IsOptional(),
    Type(() => Number),
    IsInt({ message }),
    Min(min, { message }),
    Max(max, { message }),
  );
}

export const PageNumber = () => BoundedInt(1, MAX_PAGE, `!页码须为1到${MAX_PAGE}之间的整数`);
export const PageSize = (max: number) => BoundedInt(1, max, `!每页条数须为1到${max}之间的整数`);
export const Offset = () => BoundedInt(0, MAX_OFFSET, `!起始位置须为0到${MAX_OFFSET}之间的整数`);

/** ?page=&pageSize= : lists shown a page at a time. */
export class PageQuery {
  @ApiPropertyOptional({ default: 1 })
  @PageNumber()
  page = 1;

  @ApiPropertyOptional({ default: 20 })
  @PageSize(100)
  pageSize = 20;
}

/** ?offset=&limit= : lists read from a position (the failed jobs of a queue). */
export class OffsetQuery {
  @ApiPropertyOptional()
  @Offset()
  offset?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}
