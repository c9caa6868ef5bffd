/*
 * Copyright 2026 The ddbstreams maintainers
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package dev.ddbstreams.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the user guide compiled: every {@code ```java} block in {@code docs/*.md} and {@code
 * README.md} must appear in a Java source under this package (its sub-packages included), which the
 * build compiles against the real API.
 *
 * <p>A block matches when its text, with all whitespace removed, equals a run of whole lines of a
 * snippet source with all whitespace removed. Whitespace is ignored so that google-java-format may
 * break and indent the sources as it likes while the docs keep their own layout. Lines marking
 * regions ({@code // tag::name[]}, {@code // end::name[]}) are left out of the sources first.
 *
 * <p>Every block shows its imports, so a reader can copy it as it is: the import lines at the top
 * of a block must be exactly those of its source that the rest of the block uses (a type,
 * annotation or statically imported member named in its code, comments and strings left out), apart
 * from imports of this package's own classes, which stand for the reader's. Wildcard imports are
 * refused: they hide which {@code Record} or {@code StreamRecord} a block means.
 *
 * <p>Every fence must name a language, so Java cannot slip in untagged. A block that cannot compile
 * by nature is fenced {@code ```java not-compiled}; such blocks are listed in the failure output of
 * {@link #notCompiledBlocksAreFew()} so that none is added unnoticed.
 */
class DocSnippetsTest {
  private static final Pattern TAG_LINE =
      Pattern.compile("^\\s*//\\s*(tag|end)::[\\w.-]*\\[]\\s*$");
  private static final Path SNIPPETS = Path.of("src/test/java/dev/ddbstreams/examples/docs");
  private static final Pattern IMPORT = Pattern.compile("^import\\s+(static\\s+)?([\\w.]+)\\s*;$");
  private static final Pattern WILDCARD_IMPORT =
      Pattern.compile("^import\\s+(static\\s+)?[\\w.]+\\.\\*\\s*;$");
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][\\w$]*");

  /** Imports of the snippets' own classes, which stand for the reader's classes. */
  private static final String OWN_PACKAGE = "dev.ddbstreams.examples.";

  /** A fenced block of a Markdown file: where it starts and what it holds. */
  record Block(Path file, int line, String info, String text) {
    boolean isJava() {
      return info.equals("java") || info.startsWith("java ");
    }

    boolean isNotCompiled() {
      return isJava() && List.of(info.split("\\s+")).contains("not-compiled");
    }

    /** The import lines at the top of the block, blank lines between them skipped. */
    List<String> imports() {
      return text.lines()
          .limit(headerLength())
          .map(String::strip)
          .filter(l -> !l.isEmpty())
          .toList();
    }

    /** The block below its imports. */
    String code() {
      return text.lines().skip(headerLength()).collect(Collectors.joining("\n"));
    }

    private long headerLength() {
      List<String> lines = text.lines().toList();
      int n = 0;
      while (n < lines.size()
          && (lines.get(n).isBlank() || lines.get(n).strip().startsWith("import "))) {
        n++;
      }
      return n;
    }

    @Override
    public String toString() {
      return file + ":" + line; // the opening fence, 1-based
    }
  }

  /** A snippet source reduced to text without whitespace, with where each line starts and ends. */
  record Source(
      Path file, List<String> imports, String stripped, boolean[] lineStart, boolean[] lineEnd) {
    static Source of(Path file, List<String> lines) {
      List<String> imports =
          lines.stream().map(String::strip).filter(l -> IMPORT.matcher(l).matches()).toList();
      StringBuilder sb = new StringBuilder();
      List<Integer> starts = new ArrayList<>();
      List<Integer> ends = new ArrayList<>();
      for (String line : lines) {
        if (TAG_LINE.matcher(line).matches()) {
          continue;
        }
        String s = strip(line);
        if (s.isEmpty()) {
          continue;
        }
        starts.add(sb.length());
        sb.append(s);
        ends.add(sb.length());
      }
      boolean[] lineStart = new boolean[sb.length() + 1];
      boolean[] lineEnd = new boolean[sb.length() + 1];
      starts.forEach(i -> lineStart[i] = true);
      ends.forEach(i -> lineEnd[i] = true);
      return new Source(file, imports, sb.toString(), lineStart, lineEnd);
    }

    /** Whether the stripped block is a run of whole lines of this source. */
    boolean contains(String block) {
      for (int i = stripped.indexOf(block); i >= 0; i = stripped.indexOf(block, i + 1)) {
        if (lineStart[i] && lineEnd[i + block.length()]) {
          return true;
        }
      }
      return false;
    }

    /**
     * The imports of this source that a reader of {@code code} needs: those naming a type or a
     * static member that the code uses, except the snippets' own classes.
     */
    Set<String> importsNeededBy(String code) {
      Set<String> names = identifiers(code);
      Set<String> needed = new TreeSet<>();
      for (String line : imports) {
        Matcher m = IMPORT.matcher(line);
        if (m.matches()
            && !m.group(2).startsWith(OWN_PACKAGE)
            && names.contains(m.group(2).substring(m.group(2).lastIndexOf('.') + 1))) {
          needed.add(line);
        }
      }
      return needed;
    }
  }

  @Test
  void everyJavaBlockOfTheDocsIsInACompiledSnippetSource() {
    List<Source> sources = snippetSources();
    List<Block> java = docBlocks().stream().filter(Block::isJava).toList();
    List<String> missing = new ArrayList<>();
    List<String> wrongImports = new ArrayList<>();
    int checked = 0;
    for (Block block : java) {
      if (block.isNotCompiled()) {
        continue;
      }
      checked++;
      String stripped = strip(block.code());
      List<Source> holding =
          stripped.isEmpty()
              ? List.of()
              : sources.stream().filter(source -> source.contains(stripped)).toList();
      if (holding.isEmpty()) {
        missing.add(block + " (```" + block.info() + ")");
        continue;
      }
      List<String> wildcards =
          block.imports().stream().filter(l -> WILDCARD_IMPORT.matcher(l).matches()).toList();
      if (!wildcards.isEmpty()) {
        wrongImports.add(block + ": wildcard imports " + wildcards);
        continue;
      }
      Set<String> shown = new TreeSet<>(block.imports());
      if (holding.stream()
          .noneMatch(source -> source.importsNeededBy(block.code()).equals(shown))) {
        Source source = holding.get(0);
        Set<String> needed = source.importsNeededBy(block.code());
        Set<String> absent = new TreeSet<>(needed);
        absent.removeAll(shown);
        Set<String> extra = new TreeSet<>(shown);
        extra.removeAll(needed);
        wrongImports.add(
            block + " (as in " + source.file() + "): missing " + absent + ", not needed " + extra);
      }
    }
    assertThat(wrongImports)
        .as(
            "java blocks whose import lines are not exactly the imports of their source that"
                + " the block uses")
        .isEmpty();
    assertThat(missing)
        .as(
            "java blocks that appear in no source under %s: copy each into a snippet source"
                + " there (or fix the doc to match the API)",
            SNIPPETS)
        .isEmpty();
    assertThat(checked).as("java blocks checked: the parser found none?").isGreaterThan(10);
    System.out.println(
        "doc-snippets: " + checked + " java blocks checked against " + sources.size() + " sources");
  }

  @Test
  void everyFenceNamesALanguage() {
    List<String> bare =
        docBlocks().stream().filter(b -> b.info().isEmpty()).map(Block::toString).toList();
    assertThat(bare).as("fences without a language (write ```java, ```bash, ```json...)").isEmpty();
  }

  @Test
  void notCompiledBlocksAreFew() {
    List<String> notCompiled =
        docBlocks().stream().filter(Block::isNotCompiled).map(Block::toString).toList();
    // Pseudo-code only. Raise this deliberately, and say why in the commit.
    assertThat(notCompiled).as("```java not-compiled blocks").hasSizeLessThanOrEqualTo(0);
  }

  @Test
  void aBlockThatIsNotInTheSourcesIsReported() {
    Source source =
        Source.of(
            Path.of("Example.java"),
            List.of(
                "class Example {",
                "  // tag::call[]",
                "  void call() {",
                "    router",
                "        .process(batch);",
                "  }",
                "  // end::call[]",
                "}"));
    assertThat(source.contains(strip("void call() {\n router.process(batch);\n}"))).isTrue();
    assertThat(source.contains(strip("router.process(batch);"))).isTrue();
    assertThat(source.contains(strip("router.process(other);"))).isFalse();
    assertThat(source.contains(strip("process(batch);"))).as("starts inside a line").isFalse();
    assertThat(source.contains(strip("router"))).isTrue();
    assertThat(source.contains(strip("rout"))).as("ends inside a line").isFalse();
  }

  @Test
  void theImportsABlockNeedsAreThoseOfItsSourceThatItsCodeUses() {
    Source source =
        Source.of(
            Path.of("Example.java"),
            List.of(
                "import static org.assertj.core.api.Assertions.assertThat;",
                "import dev.ddbstreams.StreamRouter;",
                "import dev.ddbstreams.examples.docs.gettingstarted.PetRouter;",
                "import java.util.List;",
                "import software.amazon.awssdk.services.dynamodb.model.Record;",
                "class Example {",
                "  void run(List<Record> batch) {",
                "    StreamRouter router = PetRouter.create(); // a StreamRouter, \"Record\"",
                "    assertThat(router.process(batch)).isNotNull();",
                "  }",
                "}"));

    assertThat(source.importsNeededBy("StreamRouter router = PetRouter.create(); // List"))
        .as("own classes and names in comments need no import")
        .containsExactly("import dev.ddbstreams.StreamRouter;");
    assertThat(source.importsNeededBy("void run(List<Record> batch) { assertThat(batch); }"))
        .containsExactly(
            "import java.util.List;",
            "import software.amazon.awssdk.services.dynamodb.model.Record;",
            "import static org.assertj.core.api.Assertions.assertThat;");
    Block block =
        new Block(
            Path.of("doc.md"),
            1,
            "java",
            "import java.util.List;\n\nimport dev.ddbstreams.StreamRouter;\n\nList<StreamRouter> x;");
    assertThat(block.imports())
        .containsExactly("import java.util.List;", "import dev.ddbstreams.StreamRouter;");
    assertThat(block.code()).isEqualTo("List<StreamRouter> x;");
  }

  static List<Block> docBlocks() {
    Path root = repositoryRoot();
    List<Path> files = new ArrayList<>();
    files.add(root.resolve("README.md"));
    try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Block> blocks = new ArrayList<>();
    for (Path file : files) {
      blocks.addAll(blocksOf(root.relativize(file), read(file)));
    }
    assertThat(blocks).as("fenced blocks in %s", files).isNotEmpty();
    return blocks;
  }

  static List<Block> blocksOf(Path file, List<String> lines) {
    List<Block> blocks = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (!line.startsWith("```")) {
        continue;
      }
      String info = line.substring(3).strip();
      int start = i + 1;
      int end = start;
      while (end < lines.size() && !lines.get(end).strip().equals("```")) {
        end++;
      }
      assertThat(end).as("%s:%d: fence never closed", file, start).isLessThan(lines.size());
      blocks.add(new Block(file, start, info, String.join("\n", lines.subList(start, end))));
      i = end;
    }
    return blocks;
  }

  static List<Source> snippetSources() {
    try (Stream<Path> files = Files.walk(SNIPPETS)) {
      return files
          .filter(p -> p.toString().endsWith(".java"))
          .filter(p -> !p.getFileName().toString().equals("DocSnippetsTest.java"))
          .sorted()
          .map(p -> Source.of(p, read(p)))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String strip(String text) {
    return text.replaceAll("\\s+", "");
  }

  /** The names a piece of Java code uses, its comments and string literals left out. */
  static Set<String> identifiers(String code) {
    String bare =
        code.replaceAll("\"\"\"[\\s\\S]*?\"\"\"", "\"\"")
            // Unrolled loops, one line at most: an alternation inside a loop recurses once per
            // character in java.util.regex and overflowed the test thread's stack.
            .replaceAll("\"[^\"\\\\\\n]*(?:\\\\.[^\"\\\\\\n]*)*\"", "\"\"")
            .replaceAll("'(?:\\\\u[0-9a-fA-F]{4}|\\\\.|[^'\\\\\\n])'", "''")
            .replaceAll("/\\*[\\s\\S]*?\\*/", " ")
            .replaceAll("//[^\\n]*", " ");
    Set<String> names = new HashSet<>();
    Matcher m = IDENTIFIER.matcher(bare);
    while (m.find()) {
      names.add(m.group());
    }
    return names;
  }

  static Path repositoryRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isDirectory(dir.resolve("docs"))) {
      dir = dir.getParent();
    }
    assertThat(dir).as("a parent directory with docs/").isNotNull();
    return dir;
  }

  static List<String> read(Path file) {
    try {
      return Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
