/**
 * @module unstated: what a question asks for that a candidate answer does not state, whatever the answer model thinks
 * of it: a figure in the measure asked for (asked-measures), of the thing asked about (asked-attributes), and not one of another item of a list (listed-figures), a
 * number of the things a count asks for (asked-counts), beside the things it names (counted-things), a number the question does not state itself (echoed-counts),
 * a figure of the counted group asked about, not of another group of its kind (grouped-figures),
 * the items of the slogan asked about (unexplained-slogans), someone holding the title a who-question names
 * (unheld-titles), the part of a thing a question asks to be described (undescribed-parts), a place in a ranking
 * or, for what comes first or last by some measure, any comparison (asked-ranks), a date the question does
 * not name itself (echoed-dates), any time at all, for a when-question (timeless-answers), anyone at all, where a
 * who-question's answer is a heading (nameless-headings) or names people only in a byline when the question does not
 * ask who wrote (byline-answers), any items, where a list question's answer is a heading that lists nothing
 * (nameless-headings), or the year the question asks about, where the answer names only others
 * (other-years), or the month of the day a figure is asked of, where the answer names only other months (other-days), and
 * anything but a writer's name, where the answer is a byline alone (byline-answers). The engine
 * refuses such an answer; cross-validation counts it refused.
 */
import { askedMeasure, missingMeasure } from './asked-measures.js';
import { unnamedAttribute } from './asked-attributes.js';
import { listedElsewhere } from './listed-figures.js';
import { asksCount, uncounted } from './asked-counts.js';
import { uncountedThing } from './counted-things.js';
import { echoedCount } from './echoed-counts.js';
import { figureOfAnotherGroup } from './grouped-figures.js';
import { unexplainedSlogan } from './unexplained-slogans.js';
import { untitledAnswer } from './unheld-titles.js';
import { undescribedPart } from './undescribed-parts.js';
import { echoedDate } from './echoed-dates.js';
import { timeless } from './timeless-answers.js';
import { itemlessHeading, namelessHeading } from './nameless-headings.js';
import { bylineAlone, bylineOnly } from './byline-answers.js';
import { otherYearsOnly } from './other-years.js';
import { otherDaysOnly } from './other-days.js';
import { uncomparedAnswer, unrankedAnswer } from './asked-ranks.js';

/**
 * `question` and `answer` folded; what is missing (a measure such as `money` or `year`, the `attribute`, a `count`, the slogan, the
 * title, a `part`, a `rank`, a `comparison`, a `date`, a `person`, `items`, the `asked-year`, or any `content`), if anything.
 */
export function unstated(question: string, answer: string): string | undefined {
  // The measure and whether the question counts are read once, for the checks that need them.
  const measure = askedMeasure(question);
  const counts = asksCount(question);
  return (
    missingMeasure(question, answer, measure) ??
    (unnamedAttribute(question, answer, measure) ? 'attribute' : undefined) ??
    listedElsewhere(question, answer, measure) ??
    (uncounted(question, answer, counts) || uncountedThing(question, answer) ? 'count' : undefined) ??
    echoedCount(question, answer, measure, counts) ??
    figureOfAnotherGroup(question, answer, measure) ??
    unexplainedSlogan(question, answer) ??
    untitledAnswer(question, answer) ??
    (undescribedPart(question, answer) ? 'part' : undefined) ??
    (unrankedAnswer(question, answer) ? 'rank' : undefined) ??
    (uncomparedAnswer(question, answer) ? 'comparison' : undefined) ??
    (echoedDate(question, answer) || timeless(question, answer) ? 'date' : undefined) ??
    (namelessHeading(question, answer) || bylineOnly(question, answer) ? 'person' : undefined) ??
    (itemlessHeading(question, answer) ? 'items' : undefined) ??
    (otherYearsOnly(question, answer) ? 'asked-year' : undefined) ??
    (otherDaysOnly(question, answer, measure !== undefined || counts) ? 'asked-day' : undefined) ??
    (bylineAlone(question, answer) ? 'content' : undefined)
  );
}
