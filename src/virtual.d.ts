// Modules that exist only in the build (src/lib/astro/*): their types for TypeScript.
declare module 'virtual:book/lab-worker-url' {
  /** The lab worker script's URL (src/lib/astro/lab-worker-chunk.ts). */
  const url: string;
  export default url;
}
