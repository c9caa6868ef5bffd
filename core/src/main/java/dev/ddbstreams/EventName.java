package dev.ddbstreams;

/** The kind of change a stream record describes. */
public enum EventName {
  /** A new item was added. */
  INSERT,
  /** An existing item was changed. */
  MODIFY,
  /** An item was deleted, by a user or by TTL expiry. */
  REMOVE;

  /**
   * Returns whether a record of this kind can carry the given image: inserts have no old image and
   * removes have no new image.
   *
   * @param kind the image asked for
   * @return {@code true} if a stream of a suitable view type carries that image for this event
   */
  public boolean hasImage(ImageKind kind) {
    return switch (this) {
      case INSERT -> kind == ImageKind.NEW_IMAGE;
      case MODIFY -> true;
      case REMOVE -> kind == ImageKind.OLD_IMAGE;
    };
  }
}
