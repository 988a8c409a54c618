// What `npm run build` measured of the popup, written next to the bundles so bench/build-size.ts reads
// the build's own numbers instead of measuring them a second way.
export const BUILD_SIZES_FILE = 'dist/build-sizes.json';

export interface BuildSizes {
  /** The entry chunks and every chunk they import statically, gzip. */
  startJsGzipBytes: number;
  totalJsGzipBytes: number;
  cssGzipBytes: number;
}
