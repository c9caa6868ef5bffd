package dev.ddbstreams.internal.mapping;

/**
 * Renders attribute paths the way every message of the library shows them: {@code address.city},
 * {@code tags[2]}. A name that contains {@code .}, {@code [}, {@code ]} or a backtick, or is empty,
 * is quoted in backticks, with backticks inside doubled, so paths stay unambiguous.
 */
public final class AttributePath {
  private AttributePath() {}

  /**
   * Appends a map key to a path.
   *
   * @param parent the path so far, empty at the top
   * @param name the attribute name
   * @return the longer path
   */
  public static String child(String parent, String name) {
    String segment = quote(name);
    return parent.isEmpty() ? segment : parent + '.' + segment;
  }

  /**
   * Appends a list index to a path.
   *
   * @param parent the path so far
   * @param index the index
   * @return the longer path
   */
  public static String index(String parent, int index) {
    return parent + '[' + index + ']';
  }

  /**
   * Quotes a name if it needs quoting.
   *
   * @param name the attribute name
   * @return the name, or the name in backticks
   */
  public static String quote(String name) {
    // One quoting rule for every path the library prints or parses: ImageDiff's.
    StringBuilder sb = new StringBuilder(name.length() + 2);
    dev.ddbstreams.internal.diff.AttributePath.appendName(sb, name);
    return sb.toString();
  }
}
