import { OCCUPATIONS, VACANCY_KINDS, VacancyKind } from '@jipin/vacancies';
import { VacancySearchDocument } from '../search-types';

/**
 * A fixed county's worth of realistic postings for the relevance suite:
 * factory, farm, care, cleaning, driving, catering, public-welfare,
 * internship and gig work, each with a short key the queries refer to.
 * Listed newest first (one hour apart); most are in the county town, a few
 * in a township 20 km north.
 */

export const COUNTY_TOWN = { lat: 27.2, lng: 115.13 };
export const NORTH_TOWNSHIP = { lat: 27.38, lng: 115.13 };

type PayUnit = 'month' | 'day' | 'hour';

interface Posting {
  key: string;
  title: string;
  occupation: string;
  employer: string;
  description: string;
  pay: [number, number, PayUnit];
  welfare?: string[];
  kind?: VacancyKind;
  north?: boolean;
}

// prettier-ignore
const POSTINGS: Posting[] = [
  { key: 'f1', title: '电子装配工', occupation: '电子设备装配工', employer: '吉水县华丰电子有限公司', description: '手机主板插件和装配，有师傅带教，长白班。', pay: [4000, 6000, 'month'], welfare: ['五险一金', '包住'] },
  { key: 'f13', title: '装配工（长白班）', occupation: '普工', employer: '吉水县天成五金制品有限公司', description: '五金配件组装，公司包吃住，计件多劳多得。', pay: [4200, 5500, 'month'] },
  { key: 'f2', title: '包装工', occupation: '包装工', employer: '吉水县恒达鞋业有限公司', description: '成品鞋装箱打包，计件工资。', pay: [3500, 5500, 'month'], welfare: ['包吃', '包住'] },
  { key: 'f3', title: '普工（两班倒）', occupation: '普工', employer: '吉水县鑫盛食品有限公司', description: '流水线操作，食品包装，身体健康即可。', pay: [4200, 5800, 'month'], welfare: ['包吃', '包住'] },
  { key: 'f4', title: '质检员', occupation: '质检员', employer: '吉水县天成光伏科技有限公司', description: '光伏组件外观检验，初中以上学历。', pay: [4500, 6000, 'month'], welfare: ['五险一金'] },
  { key: 'f5', title: '缝纫工', occupation: '缝纫工', employer: '吉水县赣江服饰有限公司', description: '服装车位，熟手优先，可带学徒。', pay: [5000, 8000, 'month'], welfare: ['包住'] },
  { key: 'f6', title: '电焊工', occupation: '焊工', employer: '吉水县宏建钢构有限公司', description: '钢结构焊接，有焊工证优先。', pay: [8000, 12000, 'month'], welfare: ['五险一金', '包住', '年终奖'] },
  { key: 'f7', title: '叉车司机', occupation: '叉车司机', employer: '吉水县金源物流有限公司', description: '仓库内叉车作业，持叉车证。', pay: [5000, 6500, 'month'], welfare: ['五险'] },
  { key: 'f8', title: '维修电工', occupation: '电工', employer: '吉水县瑞祥建材有限公司', description: '厂区设备电路维护，持低压电工证。', pay: [6000, 8000, 'month'], welfare: ['五险一金'] },
  { key: 'f9', title: '车工', occupation: '车工', employer: '吉水县永和机械有限公司', description: '普通车床操作，会看图纸。', pay: [6000, 9000, 'month'], welfare: ['缴纳社保'] },
  { key: 'f10', title: '操作工', occupation: '普工', employer: '吉水县康达医药有限公司', description: '药品生产线操作，无需经验，岗前培训。', pay: [4000, 5000, 'month'], welfare: ['五险一金', '免费培训'] },
  { key: 'f11', title: '仓库管理员', occupation: '仓储管理员', employer: '吉水县众鑫包装材料有限公司', description: '物料出入库登记，会用电脑。', pay: [4000, 5000, 'month'], welfare: ['周末双休'] },
  { key: 'f12', title: '装卸工', occupation: '装卸搬运工', employer: '吉水县顺通物流有限公司', description: '货物装车卸车，多劳多得。', pay: [200, 300, 'day'], welfare: ['包吃'] },
  { key: 'a1', title: '蜜柚采摘工', occupation: '蔬菜园艺工', employer: '吉水县绿野农业开发有限公司', description: '井冈蜜柚采摘，按天结算。', pay: [150, 180, 'day'], welfare: ['日结工资', '包吃'], kind: 'gig' },
  { key: 'a2', title: '大棚蔬菜种植工', occupation: '蔬菜园艺工', employer: '吉水县嘉禾农业开发有限公司', description: '大棚蔬菜种植管理，吃住在基地。', pay: [3500, 4500, 'month'], welfare: ['包吃', '包住'], north: true },
  { key: 'a3', title: '养猪场饲养员', occupation: '家畜饲养员', employer: '吉水县永和生态养殖场', description: '生猪喂养、栏舍清理，夫妻工优先。', pay: [5000, 7000, 'month'], welfare: ['包吃', '包住'], north: true },
  { key: 'a4', title: '茶园采茶工', occupation: '蔬菜园艺工', employer: '吉水县庐陵茶业有限公司', description: '春茶采摘，手工计件。', pay: [100, 200, 'day'], welfare: ['日结工资'], kind: 'gig' },
  { key: 'a5', title: '果园管理员', occupation: '蔬菜园艺工', employer: '吉水县井冈果业有限公司', description: '果树修剪、施肥、打药。', pay: [3800, 4500, 'month'], welfare: ['包住'] },
  { key: 'a6', title: '园林绿化工', occupation: '园林绿化工', employer: '吉水县文峰园林工程有限公司', description: '城区绿化带修剪浇水。', pay: [3200, 3800, 'month'], welfare: ['缴纳社保'] },
  { key: 'a7', title: '水产养殖工', occupation: '家畜饲养员', employer: '吉水县赣江水产养殖场', description: '鱼塘投喂、巡塘。', pay: [4000, 5000, 'month'], welfare: ['包吃', '包住'] },
  { key: 'c1', title: '养老护理员', occupation: '养老护理员', employer: '吉水县福寿养老院', description: '照护失能老人起居，有护理员证优先。', pay: [3500, 4500, 'month'], welfare: ['包吃', '包住', '五险'] },
  { key: 'c2', title: '月嫂', occupation: '育婴员', employer: '吉水县贴心家政服务有限公司', description: '新生儿及产妇护理，持证上岗。', pay: [8000, 12000, 'month'] },
  { key: 'c3', title: '住家保姆', occupation: '家政服务员', employer: '吉水县贴心家政服务有限公司', description: '照顾老人日常起居，做饭打扫。', pay: [4000, 5000, 'month'], welfare: ['包吃', '包住'] },
  { key: 'c4', title: '育婴员', occupation: '育婴员', employer: '吉水县宝贝之家托育中心', description: '持育婴员证书，住家', pay: [6000, 8000, 'month'], welfare: ['包住'] },
  { key: 'c5', title: '医院护工', occupation: '养老护理员', employer: '吉水县人民医院', description: '住院病人陪护，轮班。', pay: [150, 200, 'day'], welfare: ['包吃'] },
  { key: 'c6', title: '保育员', occupation: '保育员', employer: '吉水县阳光幼儿园', description: '幼儿生活照料，卫生消毒。', pay: [2800, 3500, 'month'], welfare: ['周末双休', '缴纳社保'] },
  { key: 'c7', title: '护士', occupation: '护士', employer: '吉水县中医院', description: '持护士执业证，大专以上。', pay: [4500, 7000, 'month'], welfare: ['五险一金'] },
  { key: 'k1', title: '保洁员', occupation: '保洁员', employer: '吉水县城市物业服务有限公司', description: '小区公共区域清洁，早上六点上班。', pay: [2200, 2600, 'month'], welfare: ['缴纳社保'] },
  { key: 'k2', title: '商场保洁', occupation: '保洁员', employer: '吉水县天虹商场', description: '商场卫生间及地面清洁，两班倒。', pay: [2500, 3000, 'month'], welfare: ['包吃'] },
  { key: 'k3', title: '钟点工（家庭保洁）', occupation: '家政服务员', employer: '吉水县贴心家政服务有限公司', description: '上门打扫卫生，时间灵活。', pay: [30, 40, 'hour'], welfare: ['日结工资'], kind: 'gig' },
  { key: 'k4', title: '客房服务员', occupation: '客房服务员', employer: '吉水县庐陵大酒店', description: '客房整理、布草更换。', pay: [3000, 3600, 'month'], welfare: ['包吃', '包住'] },
  { key: 'k5', title: '道路保洁员', occupation: '道路养护工', employer: '吉水县环境卫生管理所', description: '城区主干道清扫。', pay: [2300, 2600, 'month'], welfare: ['缴纳社保'] },
  { key: 'k6', title: '学校清洁工', occupation: '保洁员', employer: '吉水县第二中学', description: '教学楼清洁，寒暑假休息。', pay: [2000, 2400, 'month'], welfare: ['周末双休'] },
  { key: 'd1', title: '货车司机', occupation: '道路货运汽车驾驶员', employer: '吉水县顺通物流有限公司', description: '县内配送建材，需持B2驾照。', pay: [7000, 9000, 'month'], welfare: ['五险'] },
  { key: 'd2', title: '客车驾驶员', occupation: '道路客运汽车驾驶员', employer: '吉水县公共交通有限公司', description: '城乡公交线路驾驶，A1驾照。', pay: [6000, 7500, 'month'], welfare: ['五险一金'] },
  { key: 'd3', title: '送货司机（C1）', occupation: '道路货运汽车驾驶员', employer: '吉水县鑫盛食品有限公司', description: '开面包车给超市送货，C1驾照即可。', pay: [4500, 5500, 'month'], welfare: ['包吃'] },
  { key: 'd4', title: '网约车司机', occupation: '道路客运汽车驾驶员', employer: '吉水县畅行出行服务有限公司', description: '自备车辆，时间自由，按天结算。', pay: [200, 400, 'day'], welfare: ['日结工资'], kind: 'gig' },
  { key: 'd5', title: '校车司机', occupation: '道路客运汽车驾驶员', employer: '吉水县第二中学', description: '接送学生上下学，驾龄五年以上。', pay: [4000, 5000, 'month'], welfare: ['周末双休'] },
  { key: 'd6', title: '吊车司机', occupation: '起重装卸机械操作工', employer: '吉水县宏建钢构有限公司', description: '持特种设备操作证。', pay: [9000, 12000, 'month'], welfare: ['五险一金'] },
  { key: 'd7', title: '快递员', occupation: '快递员', employer: '吉水县中通快递服务部', description: '片区派件，电动车公司提供。', pay: [5000, 8000, 'month'], welfare: ['餐补'] },
  { key: 'e1', title: '厨师', occupation: '中式烹调师', employer: '吉水县庐陵大酒店', description: '炒菜，会做赣菜。', pay: [6000, 9000, 'month'], welfare: ['包吃', '包住'] },
  { key: 'e2', title: '帮厨', occupation: '中式烹调师', employer: '吉水县好味道餐饮管理有限公司', description: '切配洗菜，打荷。', pay: [3200, 3800, 'month'], welfare: ['包吃'] },
  { key: 'e3', title: '餐厅服务员', occupation: '餐厅服务员', employer: '吉水县好味道餐饮管理有限公司', description: '点菜传菜，收拾餐桌。', pay: [2800, 3500, 'month'], welfare: ['包吃', '包住'] },
  { key: 'e4', title: '面点师', occupation: '中式面点师', employer: '吉水县老街早点铺', description: '包子馒头制作，凌晨四点上班。', pay: [4500, 5500, 'month'], welfare: ['包吃'] },
  { key: 'e5', title: '食堂厨工', occupation: '中式烹调师', employer: '吉水县工业园区职工食堂', description: '员工食堂大锅菜。', pay: [3500, 4200, 'month'], welfare: ['包吃', '缴纳社保'] },
  { key: 'e6', title: '洗碗工', occupation: '餐厅服务员', employer: '吉水县好味道餐饮管理有限公司', description: '洗碗收拾，晚市兼职。', pay: [15, 20, 'hour'], welfare: ['日结工资'], kind: 'gig' },
  { key: 'e7', title: '超市收银员', occupation: '收银员', employer: '吉水县天虹商场', description: '超市收银，两班倒。', pay: [2800, 3300, 'month'], welfare: ['五险'] },
  { key: 'w1', title: '乡村保洁员', occupation: '保洁员', employer: '吉水县阜田镇人民政府', description: '负责村庄道路清扫，面向脱贫劳动力。', pay: [1500, 1500, 'month'], welfare: ['缴纳社保'], kind: 'public_welfare' },
  { key: 'w2', title: '护林员', occupation: '园林绿化工', employer: '吉水县八都镇人民政府', description: '山林巡护，防火宣传。', pay: [1500, 1500, 'month'], welfare: ['缴纳社保'], kind: 'public_welfare', north: true },
  { key: 'w3', title: '水库巡查员', occupation: '保安员', employer: '吉水县水利局', description: '水库大坝日常巡查。', pay: [1600, 1600, 'month'], kind: 'public_welfare' },
  { key: 'w4', title: '村级就业服务专员', occupation: '行政办事员', employer: '吉水县文峰镇人民政府', description: '协助登记就业信息，会用电脑。', pay: [1800, 1800, 'month'], kind: 'public_welfare' },
  { key: 'w5', title: '河道保洁员', occupation: '保洁员', employer: '吉水县醪桥镇人民政府', description: '河道垃圾打捞。', pay: [1500, 1500, 'month'], kind: 'public_welfare' },
  { key: 'w6', title: '居家养老探访员', occupation: '养老护理员', employer: '吉水县民政局', description: '上门探访独居老人。', pay: [1600, 1600, 'month'], kind: 'public_welfare' },
  { key: 'i1', title: '行政文员', occupation: '行政办事员', employer: '吉水县人力资源和社会保障局', description: '面向离校两年内高校毕业生，见习期六个月。', pay: [1800, 2000, 'month'], kind: 'internship' },
  { key: 'i2', title: '会计助理', occupation: '会计', employer: '吉水县众鑫包装材料有限公司', description: '协助做账，财会专业。', pay: [2000, 2500, 'month'], welfare: ['包吃'], kind: 'internship' },
  { key: 'i3', title: '电商运营', occupation: '电子商务师', employer: '吉水县井冈蜜柚电子商务有限公司', description: '网店运营、直播带货。', pay: [2000, 3000, 'month'], kind: 'internship' },
  { key: 'i4', title: '幼儿教师', occupation: '幼儿教育教师', employer: '吉水县阳光幼儿园', description: '学前教育专业。', pay: [2000, 2000, 'month'], kind: 'internship' },
  { key: 'i5', title: '机械设计助理', occupation: '机械设计工程技术人员', employer: '吉水县永和机械有限公司', description: '机械专业毕业生。', pay: [2500, 3000, 'month'], welfare: ['包住'], kind: 'internship' },
  { key: 'g1', title: '搬家临时工', occupation: '装卸搬运工', employer: '吉水县蚂蚁搬家服务部', description: '按趟计费，当天结算。', pay: [200, 200, 'day'], welfare: ['日结工资'], kind: 'gig' },
  { key: 'g2', title: '装修小工', occupation: '砌筑工', employer: '吉水县安居装饰工程有限公司', description: '搬砖和灰，当天结算。', pay: [180, 220, 'day'], welfare: ['日结工资'], kind: 'gig' },
  { key: 'g3', title: '外卖骑手', occupation: '快递员', employer: '吉水县美团配送站', description: '自由接单，多劳多得。', pay: [150, 300, 'day'], welfare: ['日结工资'], kind: 'gig' },
  { key: 'g4', title: '周末促销员', occupation: '营业员', employer: '吉水县天虹商场', description: '周末超市促销。', pay: [120, 150, 'day'], kind: 'gig' },
  { key: 'g5', title: '派发传单', occupation: '营销员', employer: '吉水县金点子广告有限公司', description: '街头派发传单，半天。', pay: [80, 100, 'day'], welfare: ['日结工资'], kind: 'gig' },
  { key: 'g6', title: '泥瓦工', occupation: '砌筑工', employer: '吉水县安居装饰工程有限公司', description: '贴瓷砖、砌墙。', pay: [350, 450, 'day'], welfare: ['日结工资'], kind: 'gig' },
  { key: 'g7', title: '婚宴帮工', occupation: '餐厅服务员', employer: '吉水县庐陵大酒店', description: '周末婚宴传菜。', pay: [150, 150, 'day'], welfare: ['日结工资', '包吃'], kind: 'gig' },
  { key: 's1', title: '小区保安', occupation: '保安员', employer: '吉水县城市物业服务有限公司', description: '门岗值守，上夜班。', pay: [2800, 3200, 'month'], welfare: ['包住'] },
];

const HOUR = 3600 * 1000;

function occupationCode(name: string): string {
  const found = OCCUPATIONS.occupations.find((o) => o.name === name);
  if (!found) throw new Error(`relevance posting: no occupation named ${name}`);
  return found.code;
}

/** The postings as search documents; ids are fixed so runs compare. */
export function relevanceDocuments(now = Date.now()): (VacancySearchDocument & { key: string })[] {
  return POSTINGS.map((p, i) => {
    const kind = p.kind ?? 'regular';
    const place = p.north ? NORTH_TOWNSHIP : COUNTY_TOWN;
    return {
      key: p.key,
      id: `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`,
      title: p.title,
      occupationCode: occupationCode(p.occupation),
      occupationName: p.occupation,
      description: p.description,
      employerId: `00000000-0000-4000-9000-${String(i + 1).padStart(12, '0')}`,
      employerName: p.employer,
      tags: [VACANCY_KINDS[kind]],
      kind,
      townshipCode: p.north ? '360822104000' : '360822100000',
      payMin: p.pay[0],
      payMax: p.pay[1],
      payUnit: p.pay[2],
      education: 'any',
      welfareTags: p.welfare ?? [],
      keyGroupFriendly: kind === 'public_welfare' || kind === 'internship',
      publishedAt: new Date(now - (i + 1) * HOUR).toISOString(),
      fairIds: [],
      // A few hundred metres apart, so nearest-first has one answer.
      lat: place.lat + i * 0.001,
      lng: place.lng,
      version: 1,
    };
  });
}

export const POSTING_KEYS = POSTINGS.map((p) => p.key);
