/**
 * Raw material of the demo data set, modelled on 赤水市 (seed articles 000/001): 17 townships and
 * sub-districts, 165 people's mediation committees (13 industry committees among them) and 641
 * mediators. Names are generated deterministically from common surnames and given-name characters.
 */

export const COURT = { code: '黔0381', name: '赤水市人民法院', province: '贵州' };

export const POPULATION = [
  { year: 2024, resident: 241_000, floating: 23_500 },
  { year: 2025, resident: 239_800, floating: 24_100 },
  { year: 2026, resident: 238_900, floating: 24_600 },
];

export const TOWNSHIPS: { name: string; villages: string[] }[] = [
  { name: '市中街道', villages: ['竹海苑社区', '红军大道社区', '东门社区', '西门社区', '北门社区', '南门社区', '河滨社区', '大道社区'] },
  { name: '文华街道', villages: ['富城社区', '文华社区', '宝源社区', '人民西路社区', '望江社区', '新村社区', '黎明社区', '桂花社区'] },
  { name: '金华街道', villages: ['金华社区', '沙湾社区', '黑石社区', '红花社区', '一碗水社区', '学堂社区', '城北社区'] },
  { name: '天台镇', villages: ['天台村', '凤凰村', '红花村', '石梁村', '水口村', '梨园村', '黑洞村', '高洞村'] },
  { name: '复兴镇', villages: ['复兴村', '凯旋村', '两路村', '马鹿村', '民富村', '大尧村', '平滩村', '长嘴村'] },
  { name: '大同镇', villages: ['大同村', '民族村', '华平村', '四洞沟村', '石渠村', '红岩村', '新华村', '双龙村'] },
  { name: '旺隆镇', villages: ['旺隆村', '红花村', '青杠坡村', '新春村', '鸭岭村', '小关村', '长坝村', '金龙村'] },
  { name: '葫市镇', villages: ['葫市村', '金沙村', '尧坝村', '南华村', '云台村', '土城村', '元坝村', '牛坳村'] },
  { name: '元厚镇', villages: ['元厚村', '米粮村', '五柱峰村', '三块田村', '青龙村', '桂圆林村', '朝阳村', '文通村'] },
  { name: '官渡镇', villages: ['官渡村', '永丰村', '张家湾村', '三角塘村', '清平村', '黄金湾村', '龙门村', '安乐村'] },
  { name: '长期镇', villages: ['长期村', '五七村', '黄龙村', '中坝村', '白杨村', '群丰村', '高石村', '鸭溪村'] },
  { name: '长沙镇', villages: ['赤岩村', '长沙村', '顺江村', '罗坝村', '郑家湾村', '天鹅村', '石门村', '高山村'] },
  { name: '丙安镇', villages: ['丙安村', '太平村', '雷家湾村', '团结村', '乐丰村', '红光村', '沙坝村', '河坝村'] },
  { name: '两河口镇', villages: ['两河口村', '黎明村', '大水村', '新春村', '双鱼村', '宝林村', '河口村', '中华村'] },
  { name: '宝源乡', villages: ['宝源村', '回龙村', '白岩村', '丙星村', '联合村', '新华村', '寨坝村', '新林村'] },
  { name: '石堡乡', villages: ['石堡村', '三堆村', '大坝村', '回龙村', '喜坪村', '平安村', '河沟村', '石龙村'] },
  { name: '白云乡', villages: ['白云村', '平丰村', '长林村', '老鹰村', '民族村', '沙子村', '玉皇村', '向阳村'] },
];

/** The 13 industry committees of "13个行业+165个调解委" and the dispute types they take. */
export const INDUSTRY_COMMITTEES: { name: string; expertise: string[] }[] = [
  { name: '赤水市医疗纠纷人民调解委员会', expertise: ['medical_damage', 'personal_injury'] },
  { name: '赤水市道路交通事故纠纷人民调解委员会', expertise: ['traffic_accident', 'personal_injury'] },
  { name: '赤水市劳动争议人民调解委员会', expertise: ['labor_remuneration', 'labor_contract'] },
  { name: '赤水市物业纠纷人民调解委员会', expertise: ['property_service', 'neighbor_relations'] },
  { name: '赤水市婚姻家庭纠纷人民调解委员会', expertise: ['divorce', 'divorce_property', 'support', 'maintenance', 'inheritance'] },
  { name: '赤水市消费纠纷人民调解委员会', expertise: ['consumer_rights', 'sale_contract'] },
  { name: '赤水市旅游纠纷人民调解委员会', expertise: ['consumer_rights', 'service_contract'] },
  { name: '赤水市金融纠纷人民调解委员会', expertise: ['financial_loan', 'loan_private'] },
  { name: '赤水市建设工程纠纷人民调解委员会', expertise: ['construction_contract', 'labor_remuneration'] },
  { name: '赤水市商事纠纷人民调解委员会', expertise: ['sale_contract', 'service_contract', 'lease_contract'] },
  { name: '赤水市农村土地承包纠纷人民调解委员会', expertise: ['land_contract', 'homestead'] },
  { name: '赤水市竹产业纠纷人民调解委员会', expertise: ['sale_contract', 'labor_remuneration'] },
  { name: '赤水市诉调对接中心人民调解委员会', expertise: ['sale_contract', 'loan_private', 'traffic_accident', 'lease_contract'] },
];

export const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蔡蒋余杜叶程魏苏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃钱严'.split(
    '',
  );
export const GIVEN =
  '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国林峰志文辉荣晨宸浩宇婷雪梅琴云飞鹏海燕春兰德成斌俊翔坤波亮宏丹倩琳瑶欣怡佳慧子涵梓轩思远永福正祥'.split(
    '',
  );

export const SHOP_NAMES = [
  '赤水市某超市有限公司',
  '赤水市竹韵家具有限公司',
  '赤水市丹霞旅游开发有限公司',
  '赤水市恒通建材经营部',
  '赤水市鑫源物业管理有限公司',
  '贵州赤天化纸业股份有限公司',
  '赤水市顺达运输有限公司',
  '赤水市金竹笋业有限责任公司',
  '赤水市河滨餐饮管理有限公司',
  '赤水市安居房地产开发有限公司',
  '赤水市晒醋酿造有限公司',
  '赤水市众鑫机动车驾驶培训有限公司',
];

/** Situations of the seed articles (supermarket and supplier, drains, accidents, wages …) per dispute type. */
export const SITUATIONS: Record<string, { summary: string; claim: string; min: number; max: number }[]> = {
  sale_contract: [
    {
      summary: '申请人向被申请人超市供应竹笋、晒醋等货物，被申请人收货后以资金周转困难为由拖欠货款，双方多次协商未果。',
      claim: '请求被申请人支付拖欠的货款{amount}元',
      min: 8000,
      max: 260000,
    },
    {
      summary: '申请人向被申请人购买竹制家具一批，交付后发现部分家具开裂变形，要求退换未果。',
      claim: '请求被申请人退还货款{amount}元',
      min: 3000,
      max: 60000,
    },
  ],
  loan_private: [
    {
      summary: '被申请人因经营需要向申请人借款，约定一年内归还，到期后经多次催要仍未归还。',
      claim: '请求被申请人归还借款{amount}元及利息',
      min: 5000,
      max: 300000,
    },
  ],
  financial_loan: [
    {
      summary: '被申请人向申请人（农村商业银行）贷款用于种植经营，逾期未按约还本付息。',
      claim: '请求被申请人偿还贷款本金{amount}元及利息',
      min: 20000,
      max: 500000,
    },
  ],
  labor_remuneration: [
    {
      summary: '申请人在被申请人竹加工厂务工，被申请人拖欠申请人工资至今未付。',
      claim: '请求被申请人支付拖欠工资{amount}元',
      min: 3000,
      max: 40000,
    },
    {
      summary: '申请人在被申请人承建的工地从事木工工作，工程完工后工资未结清。',
      claim: '请求被申请人支付劳务报酬{amount}元',
      min: 5000,
      max: 60000,
    },
  ],
  labor_contract: [
    {
      summary: '被申请人未与申请人签订书面劳动合同即解除劳动关系，双方就经济补偿发生争议。',
      claim: '请求被申请人支付经济补偿金{amount}元',
      min: 5000,
      max: 50000,
    },
  ],
  service_contract: [
    {
      summary: '申请人参加被申请人组织的丹霞景区旅游，行程被擅自缩减，要求赔偿未果。',
      claim: '请求被申请人退还旅游费用{amount}元',
      min: 1000,
      max: 20000,
    },
  ],
  construction_contract: [
    {
      summary: '申请人为被申请人自建房屋施工，工程竣工后被申请人以质量问题为由拒付剩余工程款。',
      claim: '请求被申请人支付工程款{amount}元',
      min: 30000,
      max: 800000,
    },
  ],
  lease_contract: [
    {
      summary: '被申请人租用申请人临街门面经营，拖欠租金且到期拒不腾退。',
      claim: '请求被申请人支付租金{amount}元并腾退房屋',
      min: 6000,
      max: 120000,
    },
  ],
  property_service: [
    {
      summary: '小区下水管道堵塞溢流，业主认为物业公司维护不力，拒交物业费，物业公司催缴未果。',
      claim: '请求被申请人支付物业服务费{amount}元',
      min: 1000,
      max: 12000,
    },
  ],
  traffic_accident: [
    {
      summary: '被申请人驾驶车辆与申请人驾驶的二轮摩托车相撞致申请人受伤，交警认定被申请人负主要责任，双方就医疗费、误工费等赔偿协商未果。',
      claim: '请求被申请人赔偿医疗费、误工费等共计{amount}元',
      min: 8000,
      max: 200000,
    },
  ],
  medical_damage: [
    {
      summary: '申请人在被申请人处住院治疗后出现并发症，认为诊疗存在过错，要求赔偿。',
      claim: '请求被申请人赔偿损失{amount}元',
      min: 20000,
      max: 300000,
    },
  ],
  consumer_rights: [
    {
      summary: '申请人在被申请人处购买的电动车使用不久即出现电池故障，被申请人拒绝退换。',
      claim: '请求被申请人退还购车款{amount}元',
      min: 2000,
      max: 15000,
    },
  ],
  neighbor_relations: [
    {
      summary: '双方系邻居，被申请人修建房屋时排水沟占用通道并向申请人院坝排水，双方发生争执。',
      claim: '请求被申请人排除妨碍、恢复排水通道',
      min: 0,
      max: 0,
    },
  ],
  land_contract: [
    {
      summary: '双方就竹林承包地界发生争议，被申请人在争议地块砍伐竹子。',
      claim: '请求被申请人赔偿竹林损失{amount}元',
      min: 2000,
      max: 40000,
    },
  ],
  personal_injury: [
    { summary: '双方因琐事发生口角继而厮打，申请人受伤住院治疗。', claim: '请求被申请人赔偿医疗费等损失{amount}元', min: 3000, max: 80000 },
  ],
  divorce_property: [
    {
      summary: '双方离婚后，就婚姻存续期间共同修建的房屋及存款分割发生争议。',
      claim: '请求分割共同财产{amount}元',
      min: 20000,
      max: 400000,
    },
  ],
  support: [{ summary: '申请人年老多病，被申请人作为子女未按约定支付赡养费。', claim: '请求被申请人每月支付赡养费', min: 0, max: 0 }],
  inheritance: [
    {
      summary: '被继承人去世后留有房屋一处，兄弟姐妹之间就继承份额发生争议。',
      claim: '请求依法分割遗产{amount}元',
      min: 50000,
      max: 500000,
    },
  ],
};

/** Weight of each dispute type among cases (the seed articles' mix: debts, wages, accidents, property). */
export const TYPE_WEIGHTS: [string, number][] = [
  ['sale_contract', 18],
  ['loan_private', 16],
  ['labor_remuneration', 12],
  ['traffic_accident', 10],
  ['property_service', 8],
  ['lease_contract', 6],
  ['construction_contract', 5],
  ['service_contract', 4],
  ['consumer_rights', 4],
  ['financial_loan', 4],
  ['neighbor_relations', 3],
  ['land_contract', 3],
  ['personal_injury', 3],
  ['divorce_property', 2],
  ['labor_contract', 2],
  ['medical_damage', 2],
  ['support', 1],
  ['inheritance', 1],
];
