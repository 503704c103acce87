/** The outline of the built book, from the content collection (build time only). */
import { getCollection } from 'astro:content';
import { sortChapters } from './chapters';
import { exercisesOf, sectionsOf, tasksOf, type ChapterEntry } from './outline';
import { partLabel } from './parts';
import { sectionAnchor } from './sections';

let cached: Promise<ChapterEntry[]> | undefined;

export function loadOutline(): Promise<ChapterEntry[]> {
  cached ??= getCollection('docs').then((entries) =>
    sortChapters(entries).map((e) => {
      const sections = sectionsOf(e.body ?? '');
      // A chapter without numbered sections is read as one section, "sec-6".
      const whole = [{ id: sectionAnchor(partLabel(e.data)), title: e.data.title }];
      return {
        chapter: e.data.chapter,
        slug: e.id,
        title: e.data.title,
        sections: sections.length ? sections : whole,
        exercises: exercisesOf(e.body ?? ''),
        tasks: tasksOf(e.body ?? ''),
      };
    }),
  );
  return cached;
}
