import { RuleFinding } from './review-rules';

export type PayUnit = 'month' | 'day' | 'hour' | 'piece';
export const PAY_UNITS: PayUnit[] = ['month', 'day', 'hour', 'piece'];
export const PAY_UNIT_NAMES: Record<PayUnit, string> = {
  month: '元/月',
  day: '元/天',
  hour: '元/小时',
  piece: '元/件',
};

/** Above these, a figure is almost surely a typo or bait. */
export const PAY_CEILING: Record<PayUnit, number> = {
  month: 200000,
  day: 5000,
  hour: 1000,
  piece: 1000,
};

export interface Pay {
  min: number;
  max: number;
  unit: PayUnit;
}

const refuse = (code: string, message: string): RuleFinding => ({
  code,
  topic: 'pay',
  action: 'refuse',
  field: 'pay',
  message,
});

/**
 * Every ad states its pay; a missing, inverted, too low or absurd range is refused.
 * `standard` names the floor in the refusal: the minimum wage, or the county's
 * subsidy for public-welfare and internship posts.
 */
export function reviewPay(
  pay: Partial<Pay> | undefined | null,
  floor: Record<PayUnit, number>,
  standard = '本地标准',
): RuleFinding[] {
  if (!pay || pay.min === undefined || pay.max === undefined || !pay.unit)
    return [refuse('pay_missing', '每个岗位都须写明薪资（范围和计薪单位）')];
  const { min, max, unit } = pay;
  if (!PAY_UNITS.includes(unit)) return [refuse('pay_unit', '计薪单位须为月、天、小时或件')];
  if (!Number.isFinite(min) || !Number.isFinite(max) || min <= 0)
    return [refuse('pay_not_positive', '薪资须为大于0的数字')];
  const findings: RuleFinding[] = [];
  if (min > max) findings.push(refuse('pay_range', `最低薪资（${min}）不能高于最高薪资（${max}）`));
  if (min < floor[unit])
    findings.push(
      refuse(
        'pay_below_floor',
        `最低薪资不得低于${standard} ${floor[unit]} ${PAY_UNIT_NAMES[unit]}`,
      ),
    );
  if (max > PAY_CEILING[unit])
    findings.push(
      refuse(
        'pay_absurd',
        `薪资超过 ${PAY_CEILING[unit]} ${PAY_UNIT_NAMES[unit]}，不合常理，请核对金额和计薪单位`,
      ),
    );
  return findings;
}
