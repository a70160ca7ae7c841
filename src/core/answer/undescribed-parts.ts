/**
 * @module undescribed-parts: a question that asks what a part or aspect of something is like (盾柱木的花瓣有什么特点,
 * 蓝线裸顶鲷的身体是什么颜色) is not answered by a passage that never names that part: the sentence that defines the
 * thing itself says nothing of its petals. All text is folded (simplified, lower case).
 */

/**
 * X的Y, then a question of what Y is like; Y a few characters, no 的 inside. 是怎样 and 是什么样 end the question (是怎样的):
 * 是怎样推进的 asks how something was done.
 */
const DESCRIBE = /的((?:(?!的)[\u4e00-\u9fff]){1,4}?)(?:有什么特点|有何特点|有什么特征|(?:是什么样|是怎样|是怎么样|长什么样)[的子]*[?？]?$|是什么颜色|是什么形状|呈什么)/;

/** The part a question asks to be described, when the answer never names it; else undefined. */
export function undescribedPart(question: string, answer: string): string | undefined {
  const part = DESCRIBE.exec(question)?.[1];
  return part && !answer.includes(part) ? part : undefined;
}
