/**
 * Image galleries (issue 9 class 8: an image set is not an article). A gallery page is built around an image viewer:
 * the headline sits inside it, beside a row of images and a caption or two, and the page's other text is comments
 * and recommendations (gne toutiao-2: 10 images, one caption rendered, the other captions only in the viewer's script
 * data). An article with a slideshow keeps its headline outside the slideshow, or its own text beside the photos.
 * This reads the viewer's figures; gates.ts decides.
 */
import type { Element } from 'domhandler';
import { nonSpaceChars } from '../clean/whitespace.js';
import { liveText } from '../parse/page-index.js';

export interface GalleryViewer {
  /** <img> elements in the viewer. */
  images: number;
  /** Non-space characters of the viewer's text besides the headline (captions, counter, account name). */
  textChars: number;
}

/** Class/id words of an image viewer: gallery, slide (slider, slideshow), album, photo set/viewer, pic show/view, atlas,
 * tuji (图集). Substrings of the class/id text, so galleryBox and gallery-inner count. */
const GALLERY_HINT = /gallery|slide|album|photo-?(?:set|view|show)|pic-?(?:show|view)|atlas|tuji/i;
/** Ancestors of the headline looked at: a viewer wraps its info box a few levels up (toutiao-2: 5). */
const MAX_GALLERY_DEPTH = 8;
/** A viewer with fewer images than this is a photo box, not an image set. */
const MIN_GALLERY_IMAGES = 5;
/** Elements of a viewer visited when counting its images (work bound, issue 10). */
const MAX_VIEWER_NODES = 20_000;

/** The image viewer that holds the headline element, when there is one with MIN_GALLERY_IMAGES images; else null. */
export function galleryHoldingHeadline(titleEl: Element | undefined): GalleryViewer | null {
  if (!titleEl) return null;
  const headlineChars = nonSpaceChars(liveText(titleEl));
  let el = titleEl.parent;
  for (let depth = 0; el && el.type === 'tag' && depth < MAX_GALLERY_DEPTH; depth++, el = el.parent) {
    const tag = el as Element;
    if (!GALLERY_HINT.test(`${tag.attribs.class ?? ''} ${tag.attribs.id ?? ''}`)) continue;
    const images = countImages(tag);
    if (images >= MIN_GALLERY_IMAGES) return { images, textChars: Math.max(0, nonSpaceChars(liveText(tag)) - headlineChars) };
  }
  return null;
}

function countImages(root: Element): number {
  let images = 0;
  let visited = 0;
  const stack: Element[] = [root];
  while (stack.length && visited < MAX_VIEWER_NODES) {
    const el = stack.pop()!;
    visited++;
    if (el.name === 'img') images++;
    for (const child of el.children) if (child.type === 'tag') stack.push(child as Element);
  }
  return images;
}
