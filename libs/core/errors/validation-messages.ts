import { ValidationError } from 'class-validator';
import { ErrorDetail } from './domain-error';

/** Chinese wording for class-validator constraints, so a user reads what is wrong. */
const MESSAGES: Record<string, string> = {
  whitelistValidation: '是不允许提交的字段',
  isDefined: '必须填写',
  isNotEmpty: '不能为空',
  isString: '必须是文字',
  isInt: '必须是整数',
  isNumber: '必须是数字',
  isBoolean: '必须是是/否',
  isEnum: '取值不在允许范围内',
  isIn: '取值不在允许范围内',
  isUUID: '不是有效的编号',
  isDateString: '必须是日期，格式如 2024-03-01',
  isISO8601: '必须是日期，格式如 2024-03-01',
  isArray: '必须是列表',
  arrayMaxSize: '条目太多',
  arrayMinSize: '条目太少',
  maxLength: '太长',
  minLength: '太短',
  min: '太小',
  max: '太大',
  isLatitude: '不是有效的纬度',
  isLongitude: '不是有效的经度',
  matches: '格式不正确',
  isUrl: '不是有效的网址',
  nestedValidation: '内容有误',
  isObject: '必须是对象',
};

export function describeValidationErrors(errors: ValidationError[], parent = ''): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  for (const error of errors) {
    const field = parent ? `${parent}.${error.property}` : error.property;
    for (const [constraint, original] of Object.entries(error.constraints ?? {})) {
      const custom = original.startsWith('!') ? original.slice(1) : undefined;
      details.push({
        field,
        constraint,
        message: custom ?? `${field} ${MESSAGES[constraint] ?? original}`,
      });
    }
    if (error.children?.length) details.push(...describeValidationErrors(error.children, field));
  }
  return details;
}
