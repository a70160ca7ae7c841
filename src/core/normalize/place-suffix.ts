/**
 * @module place-suffix: the administrative word that ends a Chinese place name (平陆县, 衡水市, x区, 甘肃省), which a text
 * often leaves out (平陆) and an English name says apart (Huan County → 环县).
 */

/** The suffix at the end of a place name, if it has one. */
export const PLACE_SUFFIX = /[省市县区州镇乡村]$/;
