package dev.ddbstreams.annotation;

/** How a remove handler treats deletes made by Time to Live. */
public enum TtlMatch {
  /** Both user deletes and TTL expiry deletes. */
  INCLUDE,
  /** User deletes only. */
  EXCLUDE,
  /** TTL expiry deletes only. */
  ONLY
}
