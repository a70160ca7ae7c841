/** @module gazetteer: provinces, large cities and countries, for runtimes without a part-of-speech tagger. */

const NAMES =
  '北京 天津 上海 重庆 河北 山西 辽宁 吉林 黑龙江 江苏 浙江 安徽 福建 江西 山东 河南 湖北 湖南 广东 海南 四川 贵州 云南 陕西 甘肃 青海 台湾 内蒙古 广西 西藏 宁夏 新疆 香港 澳门 ' +
  '广州 深圳 杭州 南京 武汉 成都 西安 郑州 长沙 沈阳 哈尔滨 长春 济南 青岛 大连 厦门 福州 南昌 合肥 石家庄 太原 呼和浩特 南宁 昆明 贵阳 兰州 西宁 银川 乌鲁木齐 拉萨 海口 苏州 宁波 无锡 温州 佛山 东莞 珠海 ' +
  '中国 美国 日本 英国 法国 德国 俄罗斯 韩国 印度 加拿大 澳大利亚';
const PLACE = new RegExp(`(?:${NAMES.split(' ').join('|')})(?:省|市|自治区|特别行政区)?|\\b[a-z][区县市]`, 'g');

/** Place names in folded text that the gazetteer knows. */
export const gazetteerPlaces = (folded: string): string[] => [...new Set(folded.match(PLACE) ?? [])];
