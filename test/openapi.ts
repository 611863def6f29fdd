/** The app's own routes in its OpenAPI document: without the hand-written ones (sign-in, Open311) that carry x-served-by. */
export type Paths = Record<string, Record<string, { 'x-served-by'?: string } & Record<string, unknown>>>;

export function ownPaths(doc: { paths: Paths }): Paths {
  return Object.fromEntries(
    Object.entries(doc.paths)
      .map(([path, ops]) => [path, Object.fromEntries(Object.entries(ops).filter(([, op]) => !op['x-served-by']))] as const)
      .filter(([, ops]) => Object.keys(ops).length > 0),
  );
}
