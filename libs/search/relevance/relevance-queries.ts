/**
 * What rural seekers type, and what a person would expect back from the
 * postings in relevance-postings.ts. `relevant`: every posting that is a right
 * answer ('all' when the query asks for no particular job); those must be on
 * the first page when there are ten or fewer (else `firstPage` names the ones
 * that must). `top`: must be the first results, in any order (附近, 工资高 set
 * the order). `mustNot`: must not appear at all. `partial`: not every word can
 * match, and the answer must say so.
 */
export interface RelevanceQuery {
  q: string;
  near?: 'town' | 'north';
  relevant: string[] | 'all';
  firstPage?: string[];
  top?: string[];
  mustNot?: string[];
  partial?: boolean;
}

const DRIVERS = ['d1', 'd2', 'd3', 'd4', 'd5', 'd6', 'f7'];
const CLEANERS = ['k1', 'k2', 'k3', 'k5', 'k6', 'w1', 'w5'];
const FACTORY_HANDS = ['f1', 'f13', 'f2', 'f3', 'f10', 'f4', 'f5', 'f12', 'a1', 'g1'];
const GIG = ['a1', 'a4', 'k3', 'd4', 'e6', 'g1', 'g2', 'g3', 'g4', 'g5', 'g6', 'g7'];
const PUBLIC_WELFARE = ['w1', 'w2', 'w3', 'w4', 'w5', 'w6'];
const INTERNSHIPS = ['i1', 'i2', 'i3', 'i4', 'i5'];
const HOUSED = [
  'f1',
  'f13',
  'f2',
  'f3',
  'f5',
  'f6',
  'a2',
  'a3',
  'a5',
  'a7',
  'c1',
  'c3',
  'c4',
  'k4',
  'e1',
  'e3',
  'i5',
  's1',
];
const HIGHEST_PAY = ['c2', 'f6', 'd6'];

// prettier-ignore
export const RELEVANCE_QUERIES: RelevanceQuery[] = [
  // The examples of issue 17.
  { q: '普工', relevant: FACTORY_HANDS, firstPage: ['f1', 'f13', 'f2', 'f3', 'f10'], mustNot: ['e1', 'd1', 'c1'] },
  { q: '招工', relevant: 'all', top: ['f1', 'f13', 'f2'] },
  { q: '附近', near: 'north', relevant: 'all', top: ['a2', 'a3', 'w2'] },
  { q: '工资高', relevant: 'all', top: HIGHEST_PAY },
  { q: '高工资', relevant: 'all', top: HIGHEST_PAY },
  { q: '普工急招', relevant: FACTORY_HANDS, firstPage: ['f1', 'f13', 'f2', 'f3', 'f10'], mustNot: ['e1', 'd1'] },
  { q: 'driver', relevant: DRIVERS, mustNot: ['e1', 'c1', 'k1'] },
  { q: '电工，持证', relevant: ['f8'], partial: true, mustNot: ['f1', 'f6'] },
  { q: '包住', relevant: HOUSED, firstPage: ['f1', 'f13'], mustNot: ['k1', 'd1', 'w1'] },
  { q: '保结', relevant: CLEANERS, mustNot: ['e1', 'd1'] },
  { q: '驾使员', relevant: DRIVERS, mustNot: ['e1', 'k1'] },
  { q: '电悍工', relevant: ['f6'], mustNot: ['f8', 'f1'] },
  { q: '會計', relevant: ['i2'], mustNot: ['f11'] },
  { q: 'baojie', relevant: CLEANERS, mustNot: ['e1', 'd1'] },
  { q: '公益性岗位', relevant: PUBLIC_WELFARE, mustNot: ['k1', 'i1'] },
  { q: '育婴员', relevant: ['c4', 'c2'], mustNot: ['c6', 'c3'] },
  // Everyday names of jobs.
  { q: '月嫂', relevant: ['c2', 'c4'], mustNot: ['c3', 'c6'] },
  { q: '保姆', relevant: ['c3', 'k3', 'c2'], firstPage: ['c3', 'k3'], mustNot: ['c6', 'k1'] },
  { q: '护工', relevant: ['c1', 'c5', 'w6'], mustNot: ['c7'] },
  { q: '养老', relevant: ['c1', 'w6', 'c5'], firstPage: ['c1', 'w6'], mustNot: ['c7', 'c3'] },
  { q: '厨师', relevant: ['e1', 'e2', 'e5'], firstPage: ['e1', 'e5'], mustNot: ['e3', 'd1'] },
  { q: '炒菜师傅', relevant: ['e1', 'e2', 'e5'], firstPage: ['e1'], mustNot: ['e3'] },
  { q: '服务员', relevant: ['e3', 'k4', 'e6', 'g7'], mustNot: ['e1'] },
  { q: '收银', relevant: ['e7'], mustNot: ['k2'] },
  { q: '面点', relevant: ['e4'], mustNot: ['e1'] },
  { q: '洗碗', relevant: ['e6'], mustNot: ['e3'] },
  { q: '帮厨', relevant: ['e2'], mustNot: ['e3'] },
  { q: '采摘', relevant: ['a1', 'a4'], mustNot: ['a2'] },
  { q: '采茶', relevant: ['a4'], mustNot: ['a1'] },
  { q: '种菜', relevant: ['a2'], mustNot: ['e1', 'e2'] },
  { q: '养猪', relevant: ['a3'], mustNot: ['a7'] },
  { q: '养殖', relevant: ['a3', 'a7'], mustNot: ['a2'] },
  { q: '绿化', relevant: ['a6', 'w2'], mustNot: ['k1'] },
  { q: '果园', relevant: ['a5'], mustNot: ['a1'] },
  { q: '电子厂', relevant: ['f1'], mustNot: ['i3'] },
  { q: '鞋厂', relevant: ['f2'], mustNot: ['f1'] },
  { q: '服装厂', relevant: ['f5'], mustNot: ['f2'] },
  { q: '缝纫', relevant: ['f5'], mustNot: ['f2'] },
  { q: '车工', relevant: ['f9'], mustNot: ['f5', 'd1'] },
  { q: '焊工', relevant: ['f6'], mustNot: ['f8'] },
  { q: '电工', relevant: ['f8'], mustNot: ['f1', 'f6'] },
  { q: '叉车', relevant: ['f7'], mustNot: ['d1'] },
  { q: '质检', relevant: ['f4'], mustNot: ['f1'] },
  { q: '仓管', relevant: ['f11'], mustNot: ['f7'] },
  { q: '搬运', relevant: ['f12', 'g1'], mustNot: ['d1'] },
  { q: '保安', relevant: ['s1', 'w3'], mustNot: ['k1'] },
  { q: '门卫', relevant: ['s1', 'w3'], mustNot: ['k1'] },
  { q: '货车司机', relevant: ['d1', 'd3'], mustNot: ['d2', 'e1'] },
  { q: '公交司机', relevant: ['d2'], mustNot: ['d1'] },
  { q: 'B2', relevant: ['d1'], mustNot: ['d3'] },
  { q: 'C1驾照', relevant: ['d3'], mustNot: ['d1'] },
  { q: '快递', relevant: ['d7', 'g3'], mustNot: ['d1'] },
  { q: '外卖', relevant: ['g3'], mustNot: ['d7'] },
  { q: '会计', relevant: ['i2'], mustNot: ['f11'] },
  { q: '财务', relevant: ['i2'], mustNot: ['f11'] },
  { q: '电商', relevant: ['i3'], mustNot: ['f1'] },
  { q: '幼师', relevant: ['i4'], mustNot: ['c6'] },
  { q: '文员', relevant: ['i1', 'w4'], mustNot: ['f11'] },
  { q: '护林员', relevant: ['w2'], mustNot: ['a6'] },
  // Kinds and welfare as words.
  { q: '日结', relevant: GIG, firstPage: ['a1', 'g1'], mustNot: ['f1', 'c2'] },
  { q: '零工', relevant: GIG, firstPage: ['a1', 'g1'], mustNot: ['f1'] },
  { q: '临时工', relevant: GIG, firstPage: ['g1'], mustNot: ['f1'] },
  { q: '见习', relevant: INTERNSHIPS, mustNot: ['f1', 'w4'] },
  { q: '实习', relevant: INTERNSHIPS, mustNot: ['f1'] },
  { q: '公益岗', relevant: PUBLIC_WELFARE, mustNot: ['k1'] },
  { q: '高校毕业生', relevant: ['i1'], mustNot: ['f1'] },
  { q: '五险一金', relevant: ['f1', 'f4', 'f6', 'f8', 'f10', 'c7', 'd2', 'd6', 'c1', 'f7', 'd1', 'e7', 'f9', 'k1', 'k5', 'a6', 'c6', 'e5', 'w1', 'w2'], firstPage: ['f1', 'f6'], mustNot: ['e1'] },
  { q: '双休', relevant: ['f11', 'c6', 'k6', 'd5'], mustNot: ['f1'] },
  { q: '夜班', relevant: ['s1'], mustNot: ['k1'] },
  { q: '长白班', relevant: ['f1', 'f13'], mustNot: ['f3'] },
  // Several words.
  { q: '厨师 包住', relevant: ['e1'], mustNot: ['e3', 'e2'] },
  { q: '保洁 包吃', relevant: ['k2'], mustNot: ['k1'] },
  { q: '司机 五险一金', relevant: ['d2', 'd6', 'd1', 'f7'], firstPage: ['d2'], mustNot: ['d3', 'e1'] },
  { q: '普工 包住', relevant: ['f1', 'f13', 'f2', 'f3', 'f5'], mustNot: ['f10', 'e1'] },
  { q: '焊工 吉水', relevant: ['f6'], mustNot: ['f8'] },
  { q: '电工 夜班', relevant: ['f8'], partial: true, mustNot: ['s1'] },
  { q: '保洁员 月薪5000', relevant: CLEANERS, firstPage: ['k1'], partial: true, mustNot: ['e1'] },
  // Traditional characters, pinyin, initials, same-sound misspellings, English.
  { q: '廚師', relevant: ['e1', 'e2', 'e5'], firstPage: ['e1'], mustNot: ['e3'] },
  { q: '保潔', relevant: CLEANERS, mustNot: ['e1'] },
  { q: '司機', relevant: DRIVERS, mustNot: ['e1'] },
  { q: 'siji', relevant: DRIVERS, mustNot: ['e1'] },
  { q: 'chushi', relevant: ['e1', 'e2', 'e5'], firstPage: ['e1'], mustNot: ['e3'] },
  { q: 'baoan', relevant: ['s1', 'w3'], mustNot: ['k1'] },
  { q: 'bj', relevant: CLEANERS, mustNot: ['e1'] },
  { q: '宝姆', relevant: ['c3', 'k3', 'c2'], firstPage: ['c3'], mustNot: ['c6'] },
  { q: '服务圆', relevant: ['e3', 'k4', 'e6', 'g7'], mustNot: ['e1'] },
  { q: '插车', relevant: ['f7'], mustNot: ['d1'] },
  { q: 'cook', relevant: ['e1', 'e2', 'e5'], firstPage: ['e1'], mustNot: ['e3'] },
  { q: 'cleaner', relevant: CLEANERS, mustNot: ['e1'] },
  { q: 'nurse', relevant: ['c7'], mustNot: ['c1'] },
  // Intents with a job.
  { q: '附近保洁', near: 'town', relevant: CLEANERS, top: ['k1'], mustNot: ['e1'] },
  { q: '我想找附近的普工', near: 'town', relevant: FACTORY_HANDS, firstPage: ['f13', 'f2', 'f3'], top: ['f1'], mustNot: ['e1'] },
  // 起重装卸机械操作工 (a crane driver, d6) contains 操作工, a word for 普工: it pays most and comes
  // first; counted as a wrong answer.
  { q: '工资高的普工', relevant: FACTORY_HANDS, firstPage: ['f5', 'f4', 'f1'], mustNot: ['e1'] },
  { q: '高工资司机', relevant: DRIVERS, top: ['d6'], mustNot: ['e1'] },
  { q: '招聘保安', relevant: ['s1', 'w3'], mustNot: ['k1'] },
  { q: '急招厨师', relevant: ['e1', 'e2', 'e5'], firstPage: ['e1'], mustNot: ['e3'] },
  { q: '找工作', relevant: 'all', top: ['f1', 'f13', 'f2'] },
];
