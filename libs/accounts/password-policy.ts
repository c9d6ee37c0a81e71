/** At least 8 characters with a letter and a digit; common passwords refused. */
const COMMON = new Set([
  '12345678',
  '123456789',
  'password',
  'password1',
  'qwerty123',
  'abc12345',
  'a1234567',
  '11111111',
  '88888888',
]);

export function passwordProblem(password: string): string | undefined {
  if (password.length < 8) return '密码至少8位';
  if (password.length > 72) return '密码最多72位';
  if (!/[A-Za-z]/.test(password) || !/\d/.test(password)) return '密码须同时包含字母和数字';
  if (COMMON.has(password.toLowerCase())) return '密码过于常见，请换一个';
  return undefined;
}
