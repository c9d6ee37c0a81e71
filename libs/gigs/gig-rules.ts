import { PayUnit, reviewAdText, reviewPay, RuleFinding } from '@jipin/vacancies';
import { GigPayUnit } from './entities/gig.entity';

/** Gig markets' own trick: keeping back wages or a "deposit" so that workers come back. */
const WAGES_WITHHELD =
  /(押|压|扣押|扣留|留)(一|两|二|三|半|\d+)?(天|日|周|个月)?(的)?(工资|工钱)|先交.{0,4}(钱|费|定金)|定金/;

/**
 * The vacancy review rules (discrimination, fees) on the gig's text, then the
 * gig rules: pay at or above the county's floor, no deposit or wages withheld.
 */
export function reviewGig(
  text: { title: string; description?: string | null },
  pay: { amount: number; unit: GigPayUnit },
  floor: Record<GigPayUnit, number>,
): RuleFinding[] {
  const findings = reviewAdText({ title: text.title, description: text.description });
  const fullFloor: Record<PayUnit, number> = { month: 0, ...floor };
  findings.push(
    ...reviewPay(
      { min: pay.amount, max: pay.amount, unit: pay.unit },
      fullFloor,
      '本县零工日薪标准',
    ),
  );
  const raw = `${text.title} ${text.description ?? ''}`;
  const withheld = raw.match(WAGES_WITHHELD);
  if (withheld && !/(不|无|免|没有)$/.test(raw.slice(0, withheld.index).slice(-2)))
    findings.push({
      code: 'gig_deposit',
      topic: 'fee',
      action: 'refuse',
      field: 'description',
      message: '零工不得收取押金、定金，也不得扣押工资',
      match: withheld[0],
    });
  return findings;
}
