/**
 * Lexicons for finding named officials and the posts the text gives them (used by enrich/people.ts).
 * Sources, by group below: the leadership posts of party and state bodies (中国共产党 and 国家机构 as the
 * 公务员法's 领导职务 names them: 书记, 部长/厅长/局长/处长/科长, 省长/市长/县长/区长/乡长/镇长, 主任, 主席…), company
 * officers as the 公司法 and listed-company filings name them (董事长, 董事, 监事, 总经理, 总裁, 董事会秘书, 首席…官),
 * the professional title series (职称: 教授, 研究员, 工程师, 医师) and academies (院士), and the diplomatic ranks; checked
 * on the hand-labelled pages in test/fixtures/enrich (`npm run bench:enrich`) and the seeds.
 */

/**
 * Endings of an official post: a text segment ending in one of these is a post (市委副书记, 管委会主任,
 * 南京航空航天大学校长). Matched with endsWith, so 副书记 is covered by 书记; listed for readability.
 */
export const POST_SUFFIXES: readonly string[] = [
  // party and state leadership posts
  '书记', '副书记', '市长', '副市长', '代市长', '常务副市长', '省长', '副省长', '区长', '县长', '镇长', '乡长', '村长',
  '主任', '副主任', '主席', '副主席', '常委', '委员', '部长', '厅长', '局长', '处长', '科长', '司长', '署长', '所长',
  '总理', '副总理', '秘书长', '副秘书长', '检察长', '政委', '司令员', '主委', '巡视员', '调研员', '党组成员', '领导',
  '团长', '队长', '组长', '站长', '台长', '发言人',
  // institutions, associations, companies
  '校长', '院长', '馆长', '社长', '行长', '会长', '理事长', '常务理事', '理事', '董事长', '董事', '监事', '总经理', '经理',
  '总裁', '总裁助理', '董事会秘书', '总监', '主管', '总编辑', '主编', '厂长', '创始人', '首席执行官', '首席技术官',
  '首席经济学家', '首席投资官', '合伙人',
  // professional titles and academies
  '教授', '研究员', '工程师', '医师', '院士', '传承人', '导演',
  // diplomatic ranks
  '总领事', '大使', '参赞',
];

/**
 * Titles written after a name that are posts too: 李旭锋教授, 习近平总书记, 周成虎研究员 (the name is then ended by them).
 * Longest first.
 */
export const POSTS_AFTER_NAME: readonly string[] = ['总书记', '研究员', '副教授', '教授', '院士', '书记', '主任'];

/**
 * Words that end a name without being a post: 沈斌同志, 袁强先生. A name followed by one of these, after a post,
 * is certain; alone they confirm nothing (同志们).
 */
export const NAME_ENDERS: readonly string[] = ['同志', '先生', '女士'];

/**
 * Words that may directly follow a name and show it is one: 韩立明讲话, 夏心旻主持, 吴勇强指出.
 * Any of these confirms a name with no post before it.
 */
export const NAME_FOLLOWERS: readonly string[] = [
  '讲话', '主持', '出席', '指出', '强调', '表示', '要求', '带领', '宣读', '参加', '会见', '会晤', '调研', '介绍',
  '说道', '认为', '希望', '提出', '致辞', '发言', '陪同', '一行', '率队', '率领', '看望', '慰问', '作报告',
  '通报', '部署', '宣布', '寄语', '主讲', '批示', '走访', '察看', '视察', '考察', '检查', '督导', '来到', '前往',
  '先后', '告诉', '正在', '透露', '坦言', '回忆', '解释', '分析', '提醒', '签署', '颁发', '接受', '拒绝', '认定', '受贿',
  '日前', '近日', '今天', '昨天', '当面', '信心', '代表', '显得', '获得', '荣获', '发布', '增持', '减持',
];

/**
 * One-character words that end a name right after a post (市长徐曙海作工作部署, 董事长吴亚军正在…): after a post the
 * name is certain and only its length is in question, so these settle it; they never confirm a bare name.
 */
export const POSTED_NAME_FOLLOWERS = '也还则曾称对向于指谈答说在作等率为与就及和来到赴是将要已均都又从把被让给以同不获';

/**
 * One-character words that may follow a name but also follow ordinary words (在, 说, 作, 等, 率, 向, 对, 为, 与, 就, 及, 和, 来, 到, 赴).
 * They confirm a name only after a post (市长徐曙海作工作部署), for a name already confirmed earlier in the
 * article (夏心旻说), or as 等 + a follower closing a list (李驰、…、孙庆树等参加).
 */
export const WEAK_NAME_FOLLOWERS: readonly string[] = ['在', '说', '作', '等', '率', '向', '对', '为', '与', '就', '及', '和', '来', '到', '赴'];

/**
 * Characters a given name practically never has but organisation words do: a candidate containing one is
 * a word (全市, 党工委, 管委会, 公安局), not a name.
 */
export const NOT_IN_GIVEN_NAMES = '市省区县镇乡村局院会委部厅处办司校厂园馆所站队组团社报网台的了是们要也将把被就都姐哥警婆爷奶叔姨';

/** Common words that begin with a surname character and can precede a follower (通知要求, 文件指出). */
export const NOT_NAMES: readonly string[] = [
  '文件', '通知', '公司', '全国', '全体', '项目', '国家', '时间', '方面', '安全', '平台', '明确', '常务',
  '高质量', '成员', '东方', '有关', '于是', '那么', '相关', '通过', '后来', '和平', '万家', '金融',
  '班子', '查验', '专家', '企业', '学者', '代表', '人员', '助理', '高级', '首席', '常务', '执行', '和', '与',
];

/**
 * Verbs that give a post to the person the sentence (or the paragraph) is about, clauses after the name:
 * 「潘振声生于上海，1991年调任江苏省文联党组成员、副主席」, 「…现任清华大学高等研究院杨振宁讲座教授。兼任…」,
 * 「2017年当选中国科学院院士」. After a post they also end the name (副市长李健现任…). 作为 ("as") is left out: it
 * introduces a description (作为全国重点高中校长、…), and the labels do not count it (gne/ifeng-2). Longest first.
 * Checked on the 68 labelled pages (npm run bench:enrich) and the seeds.
 */
export const HOLDING_VERBS: readonly string[] = ['被任命为', '任命为', '提拔为', '晋升为', '当选为', '现任', '调任', '出任', '担任', '升任', '兼任', '当选'];
/**
 * Occupation words that stand between a post and the name without being posts: 「上海大学教授、电力专家言茂松认为」
 * (the post before them goes to the name after them). Checked on the 68 labelled pages (npm run bench:enrich).
 */
export const DESCRIPTOR_SUFFIXES: readonly string[] = ['专家', '学者', '作家', '艺术家', '科学家', '音乐家', '作曲家', '企业家', '评论员'];
/** A name directly before 摄 / 摄影 is a photo credit (马镇丹 谢道韫 摄), not an official. */
export const PHOTO_CREDIT = /^摄影?$/;
