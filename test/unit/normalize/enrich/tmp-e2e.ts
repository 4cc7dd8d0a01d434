import { findPeople } from '../../../../lambdas/normalize/enrich/people.js';
import { findRegion } from '../../../../lambdas/normalize/enrich/region.js';
import { findFigures } from '../../../../lambdas/normalize/enrich/figures.js';
const s = [
 '省委书记信长星来我市调研。', '省委副书记、省长许昆林在南京会见客人。', '市长周红波在会上讲话。', '副省长胡广杰一行来镇调研。',
 '会议由市委副书记李四主持。', '市委常委、宣传部部长王红红,副市长张三出席。', '区委书记张伟主持召开区委常委会会议。',
 '据介绍,今年全市新增企业3000家。', '记者从市发改委获悉,项目进展顺利。', '公司董事长王健林表示,将加大投资。',
 '欧阳震华出席活动。', '上海市委书记陈吉宁会见了代表团。', '高度重视安全生产。', '常州市长盛蕾主持会议',
];
for (const p of s) console.log(p, JSON.stringify(findPeople([p])));
console.log(findFigures(['今年全市新增企业3000家,同比增长一成,完成投资约2,000亿元,居民收入4.5万元。']).map(f=>f.text+'='+f.value));
console.log(findRegion({title:'高港区召开大会', paragraphs:['提高港口效率。']}), findRegion({title:'上海市委书记会见镇江代表团', paragraphs:['上海门户']}));
