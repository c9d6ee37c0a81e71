import { normalizeAdText } from './normalize-text';

export type RuleAction = 'refuse' | 'hold';
export type RuleTopic = 'gender' | 'ethnicity' | 'hepatitis_b' | 'marital' | 'fee' | 'pay';

/** One rule that fired: what, why (Chinese, shown to users and staff), and what to do. */
export interface RuleFinding {
  code: string;
  topic: RuleTopic;
  action: RuleAction;
  field: string;
  message: string;
  /** The text that made it fire, as normalised. */
  match?: string;
}

interface TextRule {
  code: string;
  topic: RuleTopic;
  action: RuleAction;
  message: string;
  patterns: RegExp[];
  /** A match that is in fact a denial ("免培训费") or paid by the employer. */
  exempt?: (text: string, index: number, match: string) => boolean;
}

const RESTRICT = '(?<![不无])(?:限|仅限|只限|只招|仅招|只要|只收|只录用|要求|须为|必须是)';
const EXCLUDE_AFTER = '(?:勿扰|免谈|除外|不要|不招|谢绝|慎投|免进|不予录用|不录用|不考虑)';
const EXCLUDE_BEFORE = '(?:不招|不要|不收|谢绝|拒绝|不录用|不接受)';
const FEES =
  '(?:报名费|培训费|押金|服装费|工装费|工衣费|体检费|保证金|介绍费|中介费|资料费|建档费|办证费|手续费|上岗费|风险金|入职费|管理费)';

/** Social insurance is the employer's duty (and the worker's lawful share), not a charge for the job. */
const SOCIAL_INSURANCE =
  /^(缴纳|交纳)(社保|社会保险|五险|三险|一金|住房公积金|公积金|养老保险|医疗保险|医保)/;

/** Money the employer pays (公司缴纳社保费, 缴纳五险一金) is not a charge on the seeker. */
function paidByEmployer(text: string, index: number, match: string): boolean {
  return (
    /(公司|单位|企业|厂里|为(全体)?(员工|职工)|为您|给(全体)?(员工|职工))$/.test(
      text.slice(Math.max(0, index - 6), index),
    ) ||
    (SOCIAL_INSURANCE.test(match) && !/\d/.test(match)) ||
    feeIsWaived(text, index, match)
  );
}

/** Negations before a fee word, or payment by the employer after it, make it harmless. */
function feeIsWaived(text: string, index: number, match: string): boolean {
  const before = text.slice(Math.max(0, index - 4), index);
  const after = text.slice(index + match.length, index + match.length + 8);
  if (/(免|无|不收|不需|无需|不用|不交|没有|零|免收)/.test(before)) return true;
  return /^(全免|免收|全部免|由公司|由单位|公司承担|单位承担|公司报销|单位报销|公司出|单位出|公司支付|单位支付|报销|全额报销)/.test(
    after.replace(/^用?[,。;:、]?/, ''),
  );
}

export const TEXT_RULES: TextRule[] = [
  {
    code: 'gender_restricted',
    topic: 'gender',
    action: 'refuse',
    message: '招聘信息不得限定或优先某一性别（《就业促进法》《妇女权益保障法》）',
    patterns: [
      new RegExp(`${RESTRICT}(男|女)(?![女男]|不限)`),
      /(?<![男子儿孙])(男|女)(性|士|生|工|同志)?(优先|勿扰|免谈|除外)/,
      new RegExp(`${EXCLUDE_BEFORE}(男|女)`),
      /性别(要求|限制)?:?(男|女)(?![女男]|不限)/,
      /(?<![男女])(招|聘)(男|女)(工|性|士|生)/,
    ],
  },
  {
    code: 'ethnicity_restricted',
    topic: 'ethnicity',
    action: 'refuse',
    message: '招聘信息不得因民族限制或排斥求职者（《就业促进法》第三条、第二十八条）',
    patterns: [
      new RegExp(`${RESTRICT}汉族`),
      /汉族(人员|人)?优先/,
      new RegExp(`(少数民族|回族|维吾尔族|维族|藏族|彝族|苗族)(人员|同胞)?${EXCLUDE_AFTER}`),
      new RegExp(`${EXCLUDE_BEFORE}(少数民族|回族|维吾尔族|维族|藏族)`),
    ],
  },
  {
    code: 'hepatitis_b_excluded',
    topic: 'hepatitis_b',
    action: 'refuse',
    message: '不得以乙肝病原携带为由拒绝招用，也不得要求进行乙肝检测（《就业促进法》第三十条）',
    patterns: [
      new RegExp(
        `(乙肝|乙型肝炎|hbsag|大三阳|小三阳)(病毒)?(携带者|患者|阳性者|阳性|病人|携带)?${EXCLUDE_AFTER}`,
      ),
      new RegExp(`${EXCLUDE_BEFORE}(乙肝|乙型肝炎|大三阳|小三阳)`),
      /(无|非|没有)(乙肝|乙型肝炎)/,
      /乙肝(检查|检测)?(须|必须|需)?(为)?阴性/,
      /(查|检查|检测|筛查)(乙肝|两对半|乙肝五项)/,
    ],
  },
  {
    code: 'hepatitis_b_mentioned',
    topic: 'hepatitis_b',
    action: 'hold',
    message: '招聘信息提及乙肝，需人工审核是否构成就业歧视',
    patterns: [/乙肝|乙型肝炎|hbsag|大三阳|小三阳|两对半/],
  },
  {
    code: 'marital_restricted',
    topic: 'marital',
    action: 'refuse',
    message: '招聘信息不得限制婚姻或生育状况（《妇女权益保障法》第四十三条）',
    patterns: [
      new RegExp(`${RESTRICT}(已婚已育|已婚未育|未婚未育|已婚|未婚|已育|未育)`),
      /已婚已育|未婚未育|已婚未育/,
      /(未婚|未育|已婚|已育)(者|人员)?(优先|勿扰|免谈|除外)/,
      /(不得|不能|不可|禁止|不准|不许)(结婚|生育|怀孕|生孩子|要孩子|生小孩|生二胎)/,
      /(\d+|一|二|两|三|几)年内(不|不能|不得|不准|不可|不许)(结婚|生育|怀孕|要孩子|生孩子|生小孩)/,
      new RegExp(`(孕妇|孕期|怀孕|哺乳期)(人员|者|妇女)?${EXCLUDE_AFTER}`),
    ],
  },
  {
    code: 'marital_mentioned',
    topic: 'marital',
    action: 'hold',
    message: '招聘信息涉及婚育状况，需人工审核是否构成就业歧视',
    patterns: [/婚否|婚育(状况|情况)|婚姻状况|未婚|未育|已婚|已育/],
  },
  {
    code: 'fee_charged',
    topic: 'fee',
    action: 'refuse',
    message:
      '用人单位招用人员不得向求职者收取报名费、培训费、押金等任何费用（《就业服务与就业管理规定》第十四条）',
    patterns: [new RegExp(FEES)],
    exempt: feeIsWaived,
  },
  {
    code: 'documents_withheld',
    topic: 'fee',
    action: 'refuse',
    message: '用人单位不得扣押求职者的身份证等证件（《劳动合同法》第九条）',
    patterns: [/(扣押|押|抵押|上交|押在公司)(身份证|毕业证|证件|居民身份证)/],
  },
  {
    code: 'fee_suspected',
    topic: 'fee',
    action: 'hold',
    message: '招聘信息疑似向求职者收取费用，需人工审核',
    patterns: [
      // 免费 is the opposite of a charge: "缴纳社保、免费培训" must not read as 缴纳…费.
      /(收取|缴纳|交纳|需交|须交|先交|预交|自付|自理)[^,。;!]{0,6}((?<!免)费|元|钱)|(费用|费)(自理|自付|由求职者|由个人|个人承担|求职者承担)/,
    ],
    exempt: paidByEmployer,
  },
];

function findAll(pattern: RegExp, text: string): { index: number; match: string }[] {
  const global = new RegExp(
    pattern.source,
    pattern.flags.includes('g') ? pattern.flags : pattern.flags + 'g',
  );
  return [...text.matchAll(global)].map((m) => ({ index: m.index ?? 0, match: m[0] }));
}

/**
 * Reviews the free text of an ad. A topic's refusal makes its "mentioned"
 * hold redundant, so each topic reports at most its strongest finding per field.
 */
export function reviewAdText(fields: Record<string, string | undefined | null>): RuleFinding[] {
  const findings: RuleFinding[] = [];
  for (const [field, raw] of Object.entries(fields)) {
    if (!raw) continue;
    const text = normalizeAdText(raw);
    const fired = new Set<string>();
    for (const rule of TEXT_RULES) {
      if (
        rule.action === 'hold' &&
        findings.some((f) => f.field === field && f.topic === rule.topic && f.action === 'refuse')
      )
        continue;
      for (const pattern of rule.patterns) {
        const hit = findAll(pattern, text).find(
          ({ index, match }) => !rule.exempt?.(text, index, match),
        );
        if (hit && !fired.has(rule.code)) {
          fired.add(rule.code);
          findings.push({
            code: rule.code,
            topic: rule.topic,
            action: rule.action,
            field,
            message: rule.message,
            match: hit.match,
          });
        }
      }
    }
  }
  return findings;
}
