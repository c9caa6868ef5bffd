package dev.ddbstreams.emulator.internal.streams;

/** What a stream's records carry of the changed item ({@code StreamViewType}). */
enum ViewType {
  KEYS_ONLY(false, false),
  NEW_IMAGE(true, false),
  OLD_IMAGE(false, true),
  NEW_AND_OLD_IMAGES(true, true);

  private final boolean newImage;
  private final boolean oldImage;

  ViewType(boolean newImage, boolean oldImage) {
    this.newImage = newImage;
    this.oldImage = oldImage;
  }

  boolean includesNewImage() {
    return newImage;
  }

  boolean includesOldImage() {
    return oldImage;
  }

  /**
   * The view type of that name.
   *
   * @throws IllegalArgumentException for a name that is not a view type
   */
  static ViewType of(String name) {
    for (ViewType v : values()) {
      if (v.name().equals(name)) {
        return v;
      }
    }
    throw new IllegalArgumentException("Not a StreamViewType: " + name);
  }
}
