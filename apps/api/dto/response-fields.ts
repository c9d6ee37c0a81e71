import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** Shorthands for the answer DTOs: an instant is sent as an ISO 8601 string. */
export const DateTimeField = (options: { nullable?: boolean; description?: string } = {}) =>
  ApiProperty({ type: String, format: 'date-time', ...options });

/** A calendar day, YYYY-MM-DD. */
export const DateField = (options: { nullable?: boolean; description?: string } = {}) =>
  ApiProperty({ type: String, format: 'date', ...options });

/** A field that may be null (always present). */
export const Nullable = (type: StringConstructor | NumberConstructor | BooleanConstructor) =>
  ApiProperty({ type, nullable: true });

/** An enumeration with its own name in the schema, so the web client can name its codes. */
export const EnumField = (
  values: readonly string[] | Record<string, string>,
  enumName: string,
  options: { nullable?: boolean; description?: string } = {},
) =>
  ApiProperty({
    enum: Array.isArray(values) ? [...values] : Object.keys(values),
    enumName,
    ...options,
  });

export const StringList = (description?: string) => ApiProperty({ type: [String], description });

export { ApiProperty, ApiPropertyOptional };
