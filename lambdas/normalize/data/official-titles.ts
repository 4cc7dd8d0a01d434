/**
 * Lexicons for finding named officials in Chinese government news (used by enrich/people.ts).
 * Source: hand-curated from the post names and reporting formulas of Jiangsu city-paper meeting reports
 * (the five seeds and the jsnews.jschina.com.cn 要闻 section). Extend when the bench shows a miss.
 */

/**
 * Endings of an official post: a text segment ending in one of these is a post (市委副书记, 管委会主任,
 * 南京航空航天大学校长). Matched with endsWith, so 副书记 is covered by 书记; listed for readability.
 */
export const POST_SUFFIXES: readonly string[] = [
  '书记', '副书记', '市长', '副市长', '代市长', '常务副市长', '省长', '副省长', '区长', '县长', '镇长', '乡长',
  '主任', '副主任', '主席', '副主席', '常委', '委员', '部长', '厅长', '局长', '处长', '科长', '所长',
  '校长', '院长', '馆长', '社长', '行长', '会长', '理事长', '董事长', '总经理', '总裁', '秘书长', '总编辑',
  '检察长', '政委', '司令员', '主委', '巡视员', '领导',
];

/**
 * Words that may directly follow a name and show it is one: 韩立明讲话, 夏心旻主持, 吴勇强指出.
 * Any of these confirms a name with no post before it.
 */
export const NAME_FOLLOWERS: readonly string[] = [
  '讲话', '主持', '出席', '指出', '强调', '表示', '要求', '带领', '宣读', '参加', '会见', '会晤', '调研', '介绍',
  '说道', '认为', '希望', '提出', '致辞', '发言', '陪同', '一行', '率队', '率领', '看望', '慰问', '作报告',
  '通报', '部署', '宣布', '寄语', '主讲', '批示', '走访', '察看', '视察', '考察', '检查', '督导', '来到', '前往',
];

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
export const NOT_IN_GIVEN_NAMES = '市省区县镇乡村局院会委部厅处办司校厂园馆所站队组团社报网台的了是们要也将把被就都';

/** Common words that begin with a surname character and can precede a follower (通知要求, 文件指出). */
export const NOT_NAMES: readonly string[] = [
  '文件', '通知', '公司', '全国', '全体', '项目', '国家', '时间', '方面', '安全', '平台', '明确', '常务',
  '高质量', '成员', '东方', '有关', '于是', '那么', '相关', '通过', '后来', '和平', '万家', '金融',
];

/** A name directly before 摄 / 摄影 is a photo credit (马镇丹 谢道韫 摄), not an official. */
export const PHOTO_CREDIT = /^摄影?$/;
