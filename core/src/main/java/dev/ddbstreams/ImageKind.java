package dev.ddbstreams;

/** Which of a stream record's two images something refers to. */
public enum ImageKind {
  /** The item as it was after the change ({@code NewImage}). */
  NEW_IMAGE("NewImage"),
  /** The item as it was before the change ({@code OldImage}). */
  OLD_IMAGE("OldImage");

  private final String wireName;

  ImageKind(String wireName) {
    this.wireName = wireName;
  }

  /**
   * Returns the name of this image in DynamoDB's and Lambda's JSON.
   *
   * @return {@code NewImage} or {@code OldImage}
   */
  public String wireName() {
    return wireName;
  }
}
