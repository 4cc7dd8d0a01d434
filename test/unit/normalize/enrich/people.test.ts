import { describe, expect, it } from 'vitest';
import { MAX_PEOPLE, findPeople, segmentsOf, sentencesToRead } from '../../../../lambdas/normalize/enrich/people.js';
import { COMPOUND_SURNAMES, SINGLE_SURNAMES } from '../../../../lambdas/normalize/data/chinese-surnames.js';
import { POST_SUFFIXES } from '../../../../lambdas/normalize/data/official-titles.js';
import { repeated } from './hostile-text.js';
import { loadSeed } from './seed-text.js';

const people = (...paragraphs: string[]) => findPeople(paragraphs);
const names = (...paragraphs: string[]) => findPeople(paragraphs).map((p) => p.name);
const each = (titles: string[], list: string[]) => list.map((name) => ({ name, titles }));

describe('findPeople on the seeds (hand-checked, in order)', () => {
  it('000', () => {
    expect(findPeople(loadSeed('000').paragraphs)).toEqual([
      { name: '韩立明', titles: ['省委常委', '市委书记'] },
      { name: '夏心旻', titles: ['市委副书记', '代市长'] },
      { name: '龙翔', titles: ['市人大常委会主任'] },
      { name: '刘以安', titles: ['市政协主席'] },
      { name: '沈文祖', titles: ['市委副书记'] },
      ...each(['市和江北新区领导'], ['杨学鹏', '蒋跃建', '邢正军', '沈剑荣', '罗群', '林涛', '周金良']),
      { name: '单忠德', titles: ['南京航空航天大学校长'] },
    ]);
  });

  it('001', () => {
    expect(findPeople(loadSeed('001').paragraphs)).toEqual([
      { name: '马明龙', titles: ['市委书记'] },
      { name: '徐曙海', titles: ['市委副书记', '市长'] },
      { name: '李健', titles: ['市人大常委会主任'] },
      { name: '郭建', titles: ['市政协主席'] },
      { name: '巩海滨', titles: ['市委副书记', '市委统战部部长'] },
      { name: '秦海涛', titles: ['市委常委', '常务副市长'] },
    ]);
  });

  it('002', () => {
    expect(findPeople(loadSeed('002').paragraphs)).toEqual([
      { name: '陆卫东', titles: ['南京市委常委', '江北新区党工委书记'] },
      { name: '吴勇强', titles: ['南京江北新区党工委副书记', '管委会主任', '浦口区委书记'] },
    ]);
  });

  it('003 has no named person', () => {
    expect(findPeople(loadSeed('003').paragraphs)).toEqual([]);
  });

  it('004', () => {
    const list = ['李驰', '陈红红', '王荣', '王小红', '吴晓丹', '羊维达', '崔浩', '倪峰', '马俊健', '蒋巍', '孙轶', '姜友新', '李东成', '张宏春', '陆汉超', '孙庆树'];
    expect(findPeople(loadSeed('004').paragraphs)).toEqual([
      { name: '戴源', titles: ['市委书记', '市人大常委会主任'] },
      { name: '曹路宝', titles: [] },
      ...each([], list),
    ]);
  });
});

describe('findPeople shapes', () => {
  it('reads post(s) then name, keeping posts as written', () => {
    expect(people('省委常委、市委书记韩立明讲话')).toEqual([{ name: '韩立明', titles: ['省委常委', '市委书记'] }]);
    expect(people('南京航空航天大学校长单忠德出席')).toEqual([{ name: '单忠德', titles: ['南京航空航天大学校长'] }]);
  });

  it('carries posts across a comma to the next name', () => {
    expect(people('南京江北新区党工委副书记、管委会主任,浦口区委书记吴勇强指出')).toEqual([
      { name: '吴勇强', titles: ['南京江北新区党工委副书记', '管委会主任', '浦口区委书记'] },
    ]);
  });

  it('drops the words before a post (在 …带领下)', () => {
    expect(people('与会人员在市委书记、市人大常委会主任戴源带领下观摩')).toEqual([
      { name: '戴源', titles: ['市委书记', '市人大常委会主任'] },
    ]);
  });

  it('settles name length by what follows', () => {
    expect(names('市委书记戴源带领下', '市长龙翔说', '市长夏心旻说')).toEqual(['戴源', '龙翔', '夏心旻']);
    expect(names('市长罗群等参加')).toEqual(['罗群']);
  });

  it('accepts a compound surname', () => {
    expect(people('市委书记欧阳明高出席')).toEqual([{ name: '欧阳明高', titles: ['市委书记'] }]);
  });

  it('deduplicates by name, merging titles in order', () => {
    expect(people('市长徐曙海出席。', '市委副书记、市长徐曙海指出', '徐曙海强调')).toEqual([
      { name: '徐曙海', titles: ['市长', '市委副书记'] },
    ]);
  });

  it('needs a bare list to be closed by 等 + a verb', () => {
    expect(names('李驰、陈红红、王荣等参加')).toEqual(['李驰', '陈红红', '王荣']);
    expect(names('李驰、陈红红、王荣')).toEqual([]);
  });

  it('accepts a known name with a one-character follower, an unknown one only with a post', () => {
    expect(names('夏心旻说')).toEqual([]);
    expect(names('市长夏心旻主持', '夏心旻说')).toEqual(['夏心旻']);
    expect(names('市长徐曙海作工作部署')).toEqual(['徐曙海']);
  });

  it('ignores photographer credits and reporter bylines', () => {
    expect(people('大会现场。 马镇丹 谢道韫 摄', '在分会场参加会议。(记者 陈志奎)')).toEqual([]);
  });

  it('does not take ordinary words for names', () => {
    expect(
      people(
        '全市上下要深入贯彻会议精神',
        '同时也要看到,重大项目建设力度还有待加强',
        '会议听取了情况汇报',
        '与会人员分两路现场观摩',
        '符合要求的加快纳入储备库',
        '通知要求各地抓紧落实',
        '党工委要求各部门',
      ),
    ).toEqual([]);
  });

  it('needs three characters for a lone name with no post', () => {
    expect(names('曹路宝主持推进会')).toEqual(['曹路宝']);
    expect(names('严格要求自己')).toEqual([]);
  });

  it('takes no place for a name without a post, but keeps a name after a post even when it is also a place', () => {
    // 连 is a surname and 发布 a follower: 连云港 would pass for a three-character name.
    expect(names('2月10日，连云港发布重要提醒')).toEqual([]);
    expect(names('2月10日，连云海发布重要提醒')).toEqual(['连云海']);
    // 武平 is also a county (福建龙岩): after a post it is a person.
    expect(names('新闻发言人武平表示')).toEqual(['武平']);
  });
});

describe('findPeople on common reporting formulas', () => {
  it.each([
    ['省委书记信长星来我市调研', [{ name: '信长星', titles: ['省委书记'] }]],
    ['会议由市委副书记李四主持', [{ name: '李四', titles: ['市委副书记'] }]],
    ['副省长胡广杰一行来镇调研', [{ name: '胡广杰', titles: ['副省长'] }]],
    ['市委常委、宣传部部长王红红,副市长张三出席', [{ name: '王红红', titles: ['市委常委', '宣传部部长'] }, { name: '张三', titles: ['副市长'] }]],
    ['镇江市台协会长曾国华及苏州部分地区台协会长', [{ name: '曾国华', titles: ['镇江市台协会长'] }]],
  ])('%s', (text, expected) => {
    expect(findPeople([text])).toEqual(expected);
  });
});

describe('findPeople: a post settles a name, whatever ends it (issue 14)', () => {
  it.each([
    ['固原市委副书记、西吉县委书记白学贵告诉记者', [{ name: '白学贵', titles: ['固原市委副书记', '西吉县委书记'] }]],
    ['国务院总理李强5月7日至9日在新疆调研', [{ name: '李强', titles: ['国务院总理'] }]],
    ['安徽省委书记韩俊先后发言', [{ name: '韩俊', titles: ['安徽省委书记'] }]],
    ['海关总署统计分析司司长吕大良表示', [{ name: '吕大良', titles: ['海关总署统计分析司司长'] }]],
    ['西南大学党委书记李旭锋教授致辞', [{ name: '李旭锋', titles: ['西南大学党委书记', '教授'] }]],
    ['山西代表团团长、省贸促会会长陈河才介绍', [{ name: '陈河才', titles: ['山西代表团团长', '省贸促会会长'] }]],
    ['阿里巴巴集团首席技术官兼阿里云智能总裁张建锋发布', [{ name: '张建锋', titles: ['阿里巴巴集团首席技术官', '阿里云智能总裁'] }]],
    ['市委副书记、代市长夏心旻主持', [{ name: '夏心旻', titles: ['市委副书记', '代市长'] }]],
  ] as const)('%s', (text, expected) => {
    expect(findPeople([text])).toEqual(expected);
  });

  it('distributes a post over a list of names with titles after them', () => {
    expect(people('中国地理学会副理事长薛德升教授、刘敏教授、贺灿飞教授出席。')).toEqual([
      { name: '薛德升', titles: ['中国地理学会副理事长', '教授'] },
      { name: '刘敏', titles: ['中国地理学会副理事长', '教授'] },
      { name: '贺灿飞', titles: ['中国地理学会副理事长', '教授'] },
    ]);
    expect(people('公司总裁助理李泉、贾明怡增持。')).toEqual(each(['公司总裁助理'], ['李泉', '贾明怡']));
  });

  it('reads a name between an organisation and a title after it', () => {
    expect(people('报告由广州大学朱竑教授、华东师范大学曾刚教授主持。')).toEqual([
      { name: '朱竑', titles: ['教授'] },
      { name: '曾刚', titles: ['教授'] },
    ]);
  });

  it('takes no form of address (陈校长) for a post, and no verb for a name', () => {
    expect(names('这更让陈校长焦虑不安。', '他们决心像校长那样去帮助更多的孩子。')).toEqual([]);
  });
});

describe('findPeople: the segmenter vetoes a bare name that a function word opens or closes (issue 14 deliver 2)', () => {
  it('takes no adverb after a name and no preposition before it for part of a name', () => {
    // 张磊还表示: jieba reads 张磊/还(d)/表示; 向雷锋同志: 向(p)/雷锋/同志. Neither 张磊还 nor 向雷锋 is a person.
    expect(names('会上，张磊还表示，要继续努力。')).not.toContain('张磊还');
    expect(names('大家都说要向雷锋同志学习。')).not.toContain('向雷锋');
  });

  it('keeps bare names the segmenter reads whole, and names after a post whatever it reads', () => {
    expect(names('王晓东表示，项目进展顺利。')).toEqual(['王晓东']);
    expect(names('钱学森同志说，要抓好落实。')).toEqual(['钱学森']);
    // jieba splits 朱立凡 as 朱立/凡(d): the post makes the name certain, so no veto applies.
    expect(people('公司董事长朱立凡表示，将加大投入。')).toEqual([{ name: '朱立凡', titles: ['公司董事长'] }]);
  });
});

describe('findPeople: a post line signed with a name after a space (issue 14)', () => {
  it('gives the post to a name that alone follows it after a space', () => {
    expect(people('中国探月工程新闻发言人 李明远')).toEqual([{ name: '李明远', titles: ['中国探月工程新闻发言人'] }]);
  });

  it('takes nothing when more text follows the name, or when no post comes before the space', () => {
    expect(names('新闻发言人 李明远 今天上午')).toEqual([]);
    expect(names('今天下午 李明远')).toEqual([]);
  });
});

describe('findPeople on hostile inputs (issue 10 item 8: linear, bounded)', () => {
  it('reads 张三、 ×100k as one person and 市委书记 ×50k as none', () => {
    expect(findPeople([repeated('张三、', 100_000)]).length).toBeLessThanOrEqual(1);
    expect(findPeople([repeated('市委书记', 50_000)])).toEqual([]);
  });

  it('caps people at MAX_PEOPLE and says so', () => {
    const given = [...'一丁七万三上下与丑专且世丘丙业丛东丝两严丧个中丰临丹为主丽举乃久么义之乌乎乏乐乔乘乙九乞也习乡书买乱乳了予争事二于亏云互五井亚些亡交亦产亨享京亭亮亲人亿什仁仅仆仇今介仍从仓仔他仗付仙代令以仪们仰件价任份仿企伊伍伏伐休众优伙会伞伟传伤伦伪伯估伴伸似但位低住佐体何余佛作你佩佳使例供依侠侣侦侧侨侮侯侵便促俄俊俗保信修俱俯倍倒候倚借倡倦债值倾假偏做停健偶偷偿傅储催傲像僚僧僵儒儿允元兄充兆先光克免兑兔党兜入全八公六兰共关兴兵其具典养兼冀内冈册再冒写军农冠冤冬冯冰冲决况冶冷冻净准凉凌减凑凛凝几凡凤凭凯凰凳凶凸凹出击函刀分切刊刑划列刘则刚创初删判刨利别刮到制刷券刺刻剂剃削前剑剖剥剧剩剪副割劈力劝办功加务劣动助努劫励劲劳势勃勇勉勋勒勤勺勾勿匀包匆化北匙匠匪匹区医匿十千升午半华协卑卒卓单卖南博卜占卡卢卧卫印危即却卵卷卸厂厅历厉压厌厕厘厚原厦厨去县参又叉及友双反发叔取受变叙叛叠口古句另叨只叫召叭可台史右叶号司叹叼吁吃各合吉吊同名后吐向吓吕吗君吝吞吟否吧吨含听启吴吵吸吹吻吼呀呆呈告员呢周味呵呼命和咏咐咬咱咳咸咽哀品哄哈响哑哗哥哨哪哭哲唇唐唤售唯唱商啄啊啡啦啸喂善喇喉喊喘喜喝喷嗓嗽嘉嘱嘴嘿器噪嚷囊囚四回因团园困围固国图圆圈土圣在地场圾址均坊坏坐块坚坛坝坟坡坤坦坪垂垃型垒垦埋城域培基堂堆堡堪堵塌塑塔塘塞填境墅墓墙增墨壁壤士壮声壳壶处备复夏夕外多夜够大天太夫央失头夷夸夹夺奇奉奋奏契奔套奥女奴奶奸她好如妄妇妈妖妙妥妨妹妻姆始姐姑姓委姜姥姨姻姿威娃娘娱娶婆婚婴媒媳嫁嫂嫌嫩子孔孕字存孙孝孟季孤学孩宁它宇守安宋完宏宗官宙定宜宝实宠审客宣室宪宫宰害宴家容宽宾宿寂寄密富寒察寨寸对寺寻导寿封射将尊小少尔尖尘尚尝尤就尺尼尽尾局屁层居屈届屋屏展属屠屡履山岁岂岔岗岛岩岭岸峡峰崇崖崩川州巡工左巧巨巩差己已巴巷巾币市布帅师希帐帖帜帝带席帮常帽幅幕干平年并幸幻幼幽广庄庆床序库应底店庙府庞废度座庭康廉廊延建开异弃弄式引弟张弦弯弱弹强归当录形彩彬影役彻征径待很律徐徒得御循微德心必忆忌忍志忘忙忠忧快念忽怀态怎怒怕怜思急性怨怪总恋恐恒恢恨恩恭息恰恶恼悄悉悔悟悠患悦您悬悲情惊惑惜惠惧惨惩惯想惹愁愈愉意愚感愤愧愿慈慌慎慕慢慧慨慰憾懂懒戏成我戒或战戚截戴户房所扁扇手才扎扑打托扣执扩扫扬扭扮扯扰扶批找承技抄把抑抓投抖抗折抚抛抢护报披抬抱抵抹押抽拆拉拌拍拐拒拓拔拖拘招拜拟拢拣拥拦拨择括拳拼拾拿持挂指按挑挖挡挣挤挥挨振挺捉捕捞损换捧据捷掀授掉掌排掘探接控推掩措掠掷描提插握援搁搂搅搏搜搞搬搭携摄摆摇摔摘摧摩摸撑撒撞撤播操擦攀支收改攻放政故效敌敏救教敞敢散敦敬数敲整文斋斗料斜斤斥斩断斯新方施旁旅旋族旗无既日旦旧旨早旬旭旱时旷昂昆昌明昏易星映春昨是显晋晌晒晓晚晨普景晴晶智暂暑暖暗暮暴曲更曹曼曾替最月有朋服朗望朝期木未末本术朱朴朵机杀杂权杆杉李杏材村杜束条来杨杯杰松板极构析林枚果枝枢枣枪枫架柏某染柔柜查柱柳柴标栋树栗校株样核根格栽桃框案桌桑桥桶梁梅梦梨梯械梳检棉棋棒棚森椅植椒椭楚楼概榜榴槽模横樱橡橘橙檐欠次欢欣欧欲欺款歇歉歌止正此步武歧歪死殊残段殿毁毅母每毒比毕毛毫毯氏民气氛水永汁求汇汉汗江池污汤汪汽沃沈沉沙沟没沫河油治沿泉泊法泛泡波泥注泪泰泳泻洁洋洒洗洞津洪洲活洽派流浅测济浑浓浙浩浪浮浴海浸涂消涉涌涛涨涯液涵淋淑淘淡深淳混添清渐渔渗渠渡渣温港渴游湖湾湿溃源溜溪滋滑滔滚满滤滥滨滴漂漆漏演漠漫潘潜潮澡激灌火灭灯灰灵灾灿炉炊炎炒炭炮炸点炼烂烈烘烛烟烤烦烧热焦然煌煎照煮熊熟燃燕爆爪爬爱爵父爷爸爽片版牌牙牛牡牢牧物牲牵特牺犬犯状犹狂狐狗独狭狮狱狼猛猜猪猫献猴猾率玉王玩环现玫玲玻珍珠班球理琴瑞璃瓜瓦瓶甘甚甜生用甩田由甲申电男画畅界畏留略疆疏疑疗疯疲疼疾病症痕痛痴瘦登白百的皆皇皮盆盈益盐监盒盖盘盛盟目盲直相盼盾省眉看真眠眼着睁睛睡督瞧矛矩短矮石矿码砍研砖破础硬确碌碍碎碗碧碰碳磁磨示礼社祖祝神票祸禁福离禽秀私秋种科秒秘租秤秦秧秩积称移稀程稍税稚稳稻稼稿穆究穷空穿突窃窄窗窝立竖站竞竟章童端竹笑笔笛符笨第笼等筋筑筒答策筹签简算管箭箱篇篮籍米类粉粒粗粘粮精糊糕糖糟系素索紧紫累繁红纤约级纪纯纱纲纳纵纷纸纹纺线练组细织终绍经绑结绕绘给络绝统继绩绪续绳维绵综绿缓编缘缠缩缴缸缺罐网罕罗罚罢罩罪置羊美羞群羽翁翅翠翻翼耀老考者而耍耐耕耗耳聊职联聘聚聪肃肆肉肌肝肠股肢肤肥肩肯育肺肾肿胀胁背胎胖胜胞胡胶胸能脂脆脉脊脏脑脚脱脸腊腐腔腰腹腾腿膀膊膏膜膝臂臣自臭至致舌舍舒舞舟航般舰船良艰色艳艺节芒芦芬花芳芽苍苏苗若苦英苹茂范茄茅茎茫茶草荐荒荡荣药荷莫莲获菊菌菜菠萄萌萍营萧落著葛葡蒂蒙蒸蓄蓝蔬蔽蕴蕾薄薪藏藤虎虑虚虫虹虽蚀蚁蛇蛋蛙蜂蜜蝶融螺蟹血行衍街衔衡衣补表衫衰袁袋袖被袭裁裂装裕裙裤西要覆见观规视览觉角解言誉警计订认讨让训议讯记讲讳许论设访证评识诉诊词译试诗诚话诞询该详语误诱说请诸诺读课谁调谅谈谊谋谓谜谢谣谦谨谱谷豆象豪貌贝贞负贡财责贤败货质贩贪贫购贯贵贷贸费贺贼资赋赌赏赔赖赚赛赞赠赢赤赫走赴赵赶起趁超越趋趣足跃跌跑距跟跨路跳践踏踢踩踪蹈身躲车轨轩转轮软轰轻载轿较辅辈辉辑输辛辞辟辨辩辰边达迁迅过迈迎运近返还这进远违连迟迪迫述迷追退送适逃逆选逊透逐递途逗通逛逝速造逢逸逻逼遇遍道遗遥遭遮遵避邀邓那邦邪邮邻郁郊郎郑部都鄙配酒酬酱酷酸醉醒采释里重野量金鉴针钓钟钢钥钦钱钻铁铃铅铜铭铲银铺链销锁锅锋锐错锡锦键锻镇镜长门闪闭问闯闲间闷闹闻阀阁阅队阱防阳阴阵阶阻阿附际陆陈降限院除险陪陵陶陷隆随隐隔障难雀雄雅集雇雕雨雪零雷雾需震霉霜霞露青静非靠面革鞋鞭韦韩音页顶项顺须顽顾顿预领颇频颗题颜额风飞食餐饭饮饰饱饲饼饿馆首香马驰驱驳驶驻驾骂验骑骗骚骤骨高鬼魂魅魏鱼鲁鲜鸟鸡鸣鸭鸽鹅鹰麦麻黄黎黑默鼓鼠鼻齐齿龄龙龟'];
    const text = given.slice(0, 2 * MAX_PEOPLE).map((g, i) => `市长王${g}${given[(i * 7) % given.length]}出席。`).join('');
    const warnings: string[] = [];
    expect(findPeople([text], warnings)).toHaveLength(MAX_PEOPLE);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(new RegExp(`^people capped at ${MAX_PEOPLE}: \\d+ more name\\(s\\) not kept$`));
  });
});

describe('findPeople: a descriptor between the posts and the name (issue 14 error classes)', () => {
  it('gives the posts before a 、 list to a name that an occupation word opens', () => {
    // 「上海大学教授、电力专家言茂松认为」: 专家 is no post, but the name after it is the one the post belongs to.
    expect(people('浙江大学教授、能源专家柳成荫认为，电价应当放开。')).toEqual([{ name: '柳成荫', titles: ['浙江大学教授'] }]);
    expect(people('市政协委员、知名作家蒋一帆表示，要多写基层。')).toEqual([{ name: '蒋一帆', titles: ['市政协委员'] }]);
  });

  it('needs a post before the descriptor, and the descriptor right before the name', () => {
    expect(names('能源专家柳成荫认为，电价应当放开。')).toEqual([]);
    expect(people('浙江大学教授、能源专家座谈会认为，电价应当放开。')).toEqual([]);
  });
});

describe('findPeople: a post given later in the sentence or paragraph (issue 14 error classes)', () => {
  it('gives the post of a holding clause (调任, 现任, 兼任, 当选) to the sentence subject', () => {
    // 「潘振声生于上海，1991年调任江苏省文联党组成员、副主席」: the post comes clauses after the name.
    expect(people('唐培元生于苏州，2003年调任省文化厅党组成员、副厅长，2010年退休。')).toEqual([
      { name: '唐培元', titles: ['省文化厅党组成员', '副厅长'] },
    ]);
  });

  it('carries the subject to the next sentences of the paragraph while no other name comes', () => {
    expect(
      people('学院官网介绍，韦丽华生于江西九江。1998年获南开大学博士学位，现任复旦大学特聘教授。兼任中国化学会理事，上海市化学化工学会副理事长。2019年当选中国科学院院士。'),
    ).toEqual([{ name: '韦丽华', titles: ['复旦大学特聘教授', '中国化学会理事', '上海市化学化工学会副理事长', '中国科学院院士'] }]);
  });

  it('takes nothing without a subject, across paragraphs, or without a holding clause', () => {
    expect(people('现任复旦大学特聘教授。')).toEqual([]);
    expect(people('韦丽华生于江西九江。', '现任复旦大学特聘教授。')).toEqual([]);
    expect(names('唐培元生于苏州，2010年退休。')).toEqual([]);
    // a place is not a subject: 连云港 has the surname 连; nor is a word the segmenter knows (年轻人/n, 年 is a surname)
    expect(people('连云港地处江苏北部，现任市委书记出席。')).toEqual([]);
    expect(names('年轻人名李简。现任北京大学第一医院胸外科主任。')).not.toContain('年轻人');
  });

  it('gives the later post to the last person named, not an earlier one', () => {
    expect(people('市长徐曙海指出，副市长李健现任市委常委。')).toEqual([
      { name: '徐曙海', titles: ['市长'] },
      { name: '李健', titles: ['副市长', '市委常委'] },
    ]);
  });
});

describe('findPeople: posts listed after the name (issue 14 error classes)', () => {
  it('gives a clause of posts to the name that stands alone before it', () => {
    // 「张三，省委书记」
    expect(people('韦丽华，复旦大学教授、中国化学会理事，长期从事催化研究。')).toEqual([
      { name: '韦丽华', titles: ['复旦大学教授', '中国化学会理事'] },
    ]);
  });

  it('takes no place and no ordinary word for that name, and needs the posts right after it', () => {
    expect(people('张家港，省级开发区所在地。')).toEqual([]);
    expect(people('连云港，市委书记出席。')).toEqual([]);
    expect(people('韦丽华，长期从事催化研究。')).toEqual([]);
  });
});

describe('findPeople: a surname the table lacks (issue 14 error classes)', () => {
  it('reads a name with an unlisted surname between an organisation and a title when the segmenter reads it whole', () => {
    // 修 is in neither 《百家姓》 nor pinyin-pro's surname table; jieba's HMM reads 修春亮 as one unknown word (x).
    expect(people('大会报告由东北大学修春亮教授主持。')).toEqual([{ name: '修春亮', titles: ['教授'] }]);
  });

  it('takes no word between the organisation and the title (修订/v, 校友会/n)', () => {
    expect(people('清华大学修订教授评聘办法。')).toEqual([]);
    expect(people('复旦大学校友会教授代表发言。')).toEqual([]);
  });
});

describe('findPeople: an organisation named by reference before a post (issue 14)', () => {
  it('drops 该院 / 该公司 / 本校 before the post: the organisation was named earlier, the post is what is said', () => {
    expect(people('11月18日，该院副主任医师杨国禹回忆说。')).toEqual([{ name: '杨国禹', titles: ['副主任医师'] }]);
    expect(people('该公司董事长王大明表示，将扩大投资。')).toEqual([{ name: '王大明', titles: ['董事长'] }]);
  });

  it('keeps a post whose organisation merely begins with such a character (本溪市市长)', () => {
    expect(people('本溪市市长吴澄宇出席。')).toEqual([{ name: '吴澄宇', titles: ['本溪市市长'] }]);
  });
});

describe('segmentsOf', () => {
  /** The reference: a capturing split, text parts with the join of the separator before them. */
  const bySplit = (sentence: string) => {
    const parts = sentence.split(/([、,，]|[\s“”"‘’'「」『』（）()《》【】〔〕:：·])/);
    const join = (s: string | undefined) => (s === '、' ? 'list' : s === ',' || s === '，' ? 'clause' : s !== undefined && /^\s$/.test(s) ? 'space' : 'break');
    const out: { text: string; join: string }[] = [];
    for (let i = 0; i < parts.length; i += 2) {
      if (parts[i] !== '') out.push({ text: parts[i]!, join: join(parts[i - 1]) });
      else if (i > 0) out.push({ text: '', join: 'break' });
    }
    return out;
  };

  it('cuts a sentence at each separator, with the join it makes', () => {
    expect(segmentsOf('省委常委、市委书记韩立明，出席 会议（')).toEqual([
      { text: '省委常委', join: 'break' },
      { text: '市委书记韩立明', join: 'list' },
      { text: '出席', join: 'clause' },
      { text: '会议', join: 'space' },
      { text: '', join: 'break' },
    ]);
    expect(segmentsOf('')).toEqual([]);
    expect(segmentsOf('、、甲')).toEqual([{ text: '', join: 'break' }, { text: '甲', join: 'list' }]);
  });

  it('equals the capturing split on random mixes of separators and text', () => {
    const alphabet = ['甲', '乙', 'a', '、', ',', '，', ' ', '\u3000', '\u00a0', '“', '（', ':', '·', '\ud840\udc00', '。'];
    let state = 7;
    const next = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let i = 0; i < 20000; i++) {
      const text = Array.from({ length: Math.floor(next() * 8) }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
      expect(segmentsOf(text)).toEqual(bySplit(text));
    }
  });
});

describe('sentencesToRead', () => {
  /** The reference: the RegExp split at sentence marks, keeping the sentences with a post's last unit or a segment opening with a surname. */
  const postLast = new Set(POST_SUFFIXES.map((w) => w.slice(-1)));
  const surnameFirst = new Set([...SINGLE_SURNAMES, ...COMPOUND_SURNAMES].map((w) => w[0]));
  const mayName = (s: string) => s.split('').some((unit) => postLast.has(unit)) || s.split(/[、,，\s“”"‘’'「」『』（）()《》【】〔〕:：·]/).some((seg) => seg !== '' && surnameFirst.has(seg[0]!));
  const reference = (text: string) => text.split(/[。！？；!?;]/).filter(mayName);

  it('equals the RegExp split at sentence marks, filtered, on random mixes of marks, separators, surnames, posts and text', () => {
    const alphabet = ['甲', 'a', '王', '欧', '长', '记', '。', '！', '？', '；', '!', '?', ';', '.', '，', '、', ' ', '\u3000', '（', '\ud840\udc00'];
    let state = 11;
    const next = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let i = 0; i < 20000; i++) {
      const text = Array.from({ length: Math.floor(next() * 10) }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
      expect(sentencesToRead(text), JSON.stringify(text)).toEqual(reference(text));
    }
  });

  it('skips sentences that can name nobody and keeps the rest whole', () => {
    expect(sentencesToRead('天气晴朗。市委书记韩立明出席会议；会议结束')).toEqual(['市委书记韩立明出席会议']);
  });
});

describe('segment separators', () => {
  it('are exactly the separator class, for every BMP code unit', () => {
    const separator = /[、,，\s“”"‘’'「」『』（）()《》【】〔〕:：·]/;
    for (let unit = 0; unit < 0x10000; unit++) {
      const ch = String.fromCharCode(unit);
      if (/[。！？；!?;]/.test(ch)) continue;
      expect(segmentsOf(`甲${ch}乙`).length === 2, `U+${unit.toString(16)}`).toBe(separator.test(ch));
    }
  });
});

describe('findPeople names read in place', () => {
  it('reads a Han character outside the BMP as one character of a name, and never half of one', () => {
    // 𠀾 (U+2003E) is two code units: a name cut inside it is no name.
    expect(people('市委书记张𠀾出席会议。')).toEqual([{ name: '张𠀾', titles: ['市委书记'] }]);
    expect(people('市委书记张𠀾𠀾出席会议。')).toEqual([]);
    expect(people('会议由王𠀾主持。')).toEqual([]);
  });

  it('ends a name after a post at a character that is not Han', () => {
    expect(people('国务院总理李强5月7日出席')).toEqual([{ name: '李强', titles: ['国务院总理'] }]);
    expect(people('董事长吴亚军(右)')).toEqual([{ name: '吴亚军', titles: ['董事长'] }]);
  });
});
