/** One built file of the CCP site, uploaded under a content-hashed key so CloudFront may cache it for good. */
export interface CcpAsset {
  /** S3 key, e.g. `ccp-3F2A9K1Q.js`: the hash changes whenever the bytes do. */
  readonly key: string;
  /** Path of the file on the synth machine. */
  readonly path: string;
  readonly contentType: string;
  /** Hex MD5 of the file: the S3 object's etag, so Terraform re-uploads only changed bytes. */
  readonly md5: string;
}

/** The page's scripts and styles, built by scripts/build-ccp-site.ts (tests pass prebuilt files). */
export interface CcpSiteAssets {
  /** amazon-connect-streams: the npm package bundled, or ccp.connectStreamsFile copied. */
  readonly streams: CcpAsset;
  /** The page's own module (ccp_site/src). */
  readonly app: CcpAsset;
  /** The page's stylesheet (ccp_site/src/workspace.css). */
  readonly styles: CcpAsset;
}
