/** A value that cannot be one segment of a URL path (empty, `.` or `..`). */
export class UnsafePathSegmentError extends Error {
  public override readonly name = "UnsafePathSegmentError";
}

/**
 * `value` as exactly one URL path segment: percent-encoded, so `/`, `?`, `#` and `%` cannot end or
 * change it, and refused when it is empty or a dot-segment, which URL resolution would turn into
 * "this folder" or "the parent folder" (`/customers/../summary` is `/summary`). After encoding a `%`
 * is `%25`, so `%2e` in the value cannot become a dot-segment either.
 */
export function pathSegment(value: string): string {
  const encoded = encodeURIComponent(value);
  if (encoded === "" || encoded === "." || encoded === "..") {
    throw new UnsafePathSegmentError(
      `"${encoded}" cannot be a URL path segment: empty and dot-segments are refused`,
    );
  }
  return encoded;
}
