/** Assignment links as an instructor's builder makes them (`/assignment/#a=<version>.<lz-string>`). */
import LZString from 'lz-string';

/** The student's link for `data`, encoded as the codec's version `version` (1 has no checksum). */
export const assignmentLink = (data: unknown, version = 1) => `/assignment/#a=${version}.${LZString.compressToEncodedURIComponent(JSON.stringify(data))}`;

/** A small valid assignment: read §4.2, answer exercise 4-4. */
export const sampleAssignment = (title = '第 4 章作业') => ({
  title,
  due: '2026-12-01',
  notes: '先读再做。',
  items: [
    { k: 'sec', id: 'sec-4-2' },
    { k: 'ex', id: 'ex-4-4' },
  ],
});
