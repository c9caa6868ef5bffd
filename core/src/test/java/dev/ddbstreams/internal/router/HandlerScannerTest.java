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
package dev.ddbstreams.internal.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbstreams.EventName;
import dev.ddbstreams.HandlerDefinitionException;
import dev.ddbstreams.StreamContext;
import dev.ddbstreams.StreamRecord;
import dev.ddbstreams.StreamRouter;
import dev.ddbstreams.TransactionalWrites;
import dev.ddbstreams.ViewType;
import dev.ddbstreams.annotation.OnChange;
import dev.ddbstreams.annotation.OnInsert;
import dev.ddbstreams.annotation.OnModify;
import dev.ddbstreams.annotation.OnRemove;
import dev.ddbstreams.annotation.SnapshotMatch;
import dev.ddbstreams.annotation.TtlMatch;
import dev.ddbstreams.diff.ImageDiff;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The scanner turns annotations into handler methods once, and reports every problem of every
 * handler, each naming {@code Class#method}.
 */
class HandlerScannerTest {
  record Pet(String name, String species) {}

  private static HandlerScanner scan(Object... targets) {
    return scan(null, targets);
  }

  private static HandlerScanner scan(ViewType viewType, Object... targets) {
    HandlerScanner scanner = new HandlerScanner(viewType);
    for (Object t : targets) {
      scanner.scan(t);
    }
    return scanner;
  }

  private static String name(Class<?> type, String method) {
    return type.getName() + "#" + method;
  }

  static final class EachAnnotation {
    @OnInsert
    void inserted(StreamRecord<Pet> r) {}

    @OnModify(
        pk = "USER#",
        sk = {"PET#", "TOY#"},
        changed = "species")
    void modified(StreamRecord<Pet> r) {}

    @OnRemove(ttl = TtlMatch.ONLY)
    void removed(StreamRecord<Pet> r) {}

    @OnChange(
        events = {EventName.INSERT, EventName.REMOVE},
        snapshots = SnapshotMatch.INCLUDE)
    void changed(Map<String, Object> image) {}
  }

  @Test
  void eachAnnotationBecomesAHandlerWithItsSettings() {
    HandlerScanner scanner = scan(new EachAnnotation());

    assertThat(scanner.problems()).isEmpty();
    List<HandlerMethod> handlers = scanner.handlers();
    assertThat(handlers)
        .extracting(h -> h.name)
        .containsExactly(
            name(EachAnnotation.class, "inserted"),
            name(EachAnnotation.class, "modified"),
            name(EachAnnotation.class, "removed"),
            name(EachAnnotation.class, "changed"));
    assertThat(handlers.get(0).events()).containsExactly(EventName.INSERT);
    assertThat(handlers.get(1).events()).containsExactly(EventName.MODIFY);
    assertThat(handlers.get(1).pkPrefixes()).containsExactly("USER#");
    assertThat(handlers.get(1).skPrefixes()).containsExactly("PET#", "TOY#");
    assertThat(handlers.get(1).changed()).containsExactly("species");
    assertThat(handlers.get(2).events()).containsExactly(EventName.REMOVE);
    assertThat(handlers.get(2).ttl()).isEqualTo(TtlMatch.ONLY);
    assertThat(handlers.get(3).events()).isEqualTo(EnumSet.of(EventName.INSERT, EventName.REMOVE));
    assertThat(handlers.get(3).snapshots()).isEqualTo(SnapshotMatch.INCLUDE);
    assertThat(handlers.get(3).filter()).isNull();
  }

  static final class Base {
    @OnInsert
    void fromBase(StreamRecord<Pet> r) {}
  }

  static final class Plain {}

  static class Parent {
    @OnInsert
    void inherited(StreamRecord<Pet> r) {}
  }

  static final class Child extends Parent {
    @OnRemove
    void own(StreamRecord<Pet> r) {}
  }

  @Test
  void aSubclassRunsItsOwnHandlersThenItsParentsOnce() {
    HandlerScanner scanner = scan(new Child());

    assertThat(scanner.problems()).isEmpty();
    assertThat(scanner.handlers())
        .extracting(h -> h.name)
        .containsExactly(name(Child.class, "own"), name(Parent.class, "inherited"));
  }

  interface Generic<T> {
    void handle(T value);
  }

  static final class WithBridge implements Generic<StreamRecord<Pet>> {
    @OnInsert
    @Override
    public void handle(StreamRecord<Pet> value) {}
  }

  @Test
  void bridgeMethodsAreNotSecondHandlers() {
    HandlerScanner scanner = scan(new WithBridge());

    assertThat(scanner.problems()).isEmpty();
    assertThat(scanner.handlers()).hasSize(1);
  }

  @Test
  void handlersKeepTheirDeclarationOrderAcrossObjects() {
    HandlerScanner scanner = scan(new Base(), new EachAnnotation());

    assertThat(scanner.handlers())
        .extracting(h -> h.name)
        .startsWith(name(Base.class, "fromBase"), name(EachAnnotation.class, "inserted"));
  }

  @Test
  void anObjectWithoutHandlersIsAProblem() {
    assertThat(scan(new Plain()).problems())
        .containsExactly(
            Plain.class.getName()
                + ": has no handler methods (annotate methods with @OnInsert, @OnModify,"
                + " @OnRemove or @OnChange)");
  }

  static final class Broken {
    @OnInsert
    @OnRemove
    void twoAnnotations(StreamRecord<Pet> r) {}

    @OnInsert
    String returnsSomething(StreamRecord<Pet> r) {
      return "";
    }

    @OnInsert
    void twoRecords(StreamRecord<Pet> a, Pet b) {}

    @OnInsert
    void primitive(int x) {}

    @OnModify
    void twoDiffs(ImageDiff a, ImageDiff b) {}

    @OnInsert
    void twoContexts(StreamContext a, StreamContext b) {}

    @OnInsert
    void twoWrites(TransactionalWrites a, TransactionalWrites b) {}

    @SuppressWarnings("rawtypes")
    @OnInsert
    void rawRecord(StreamRecord r) {}

    @OnChange(events = {})
    void noEvents(StreamRecord<Pet> r) {}

    @OnInsert(pk = "")
    void emptyPrefix(StreamRecord<Pet> r) {}

    @OnChange(events = EventName.INSERT, changed = "species")
    void changedWithoutModify(StreamRecord<Pet> r) {}

    @OnChange(events = EventName.INSERT, ttl = TtlMatch.ONLY)
    void ttlWithoutRemove(StreamRecord<Pet> r) {}

    @OnModify(changed = "a..b")
    void badPath(StreamRecord<Pet> r) {}

    @OnModify(changed = "weight")
    void unknownProperty(StreamRecord<Pet> r) {}

    @OnInsert(filter = "{not json")
    void badFilter(StreamRecord<Pet> r) {}
  }

  @Test
  void everyInvalidSignatureAndSettingIsReportedNamingTheMethod() {
    List<String> problems = scan(new Broken()).problems();

    assertThat(problems)
        .contains(
            name(Broken.class, "twoAnnotations")
                + ": has more than one handler annotation; use @OnChange(events = ...) instead",
            name(Broken.class, "returnsSomething") + ": must return void, not String",
            name(Broken.class, "twoRecords")
                + ": has more than one record or image parameter; take one StreamRecord<T> or one T",
            name(Broken.class, "primitive")
                + ": parameter 1 of type int is not an image type; take StreamRecord<T>, T,"
                + " ImageDiff, StreamContext or TransactionalWrites",
            name(Broken.class, "twoDiffs") + ": has more than one ImageDiff parameter",
            name(Broken.class, "twoContexts") + ": has more than one StreamContext parameter",
            name(Broken.class, "twoWrites") + ": has more than one TransactionalWrites parameter",
            name(Broken.class, "noEvents") + ": @OnChange has no events",
            name(Broken.class, "emptyPrefix")
                + ": has an empty pk prefix, which matches every key; leave pk unset instead",
            name(Broken.class, "changedWithoutModify")
                + ": uses 'changed' but does not handle MODIFY records",
            name(Broken.class, "ttlWithoutRemove")
                + ": uses 'ttl' but does not handle REMOVE records");
    assertThat(problems)
        .anyMatch(
            p ->
                p.startsWith(
                    name(Broken.class, "rawRecord") + ": cannot resolve T of StreamRecord<T>"))
        .anyMatch(
            p ->
                p.startsWith(name(Broken.class, "badPath") + ": has an invalid 'changed' path: ")
                    && p.contains("position 2"))
        .anyMatch(
            p ->
                p.startsWith(
                        name(Broken.class, "unknownProperty") + ": has the 'changed' path 'weight'")
                    && p.contains("has no property 'weight'"))
        .anyMatch(p -> p.startsWith(name(Broken.class, "badFilter") + ": has an invalid filter: "));
    assertThat(problems).hasSize(15);
  }

  static final class SameId {
    @OnInsert(id = "pets")
    void a(StreamRecord<Pet> r) {}

    @OnRemove(id = "pets")
    void b(StreamRecord<Pet> r) {}
  }

  @Test
  void aDuplicateHandlerIdIsAProblem() {
    assertThat(scan(new SameId()).problems())
        .containsExactly(
            name(SameId.class, "b")
                + ": has the handler ID 'pets' of another handler; give one of them id = ...");
  }

  @Test
  void theSameObjectTwiceDuplicatesItsHandlerIds() {
    assertThat(scan(new Base(), new Base()).problems())
        .containsExactly(
            name(Base.class, "fromBase")
                + ": has the handler ID '"
                + name(Base.class, "fromBase")
                + "' of another handler; give one of them id = ...");
  }

  static final class NeedsOldImage {
    @OnRemove
    void removed(Pet old) {}
  }

  @Test
  void aKnownViewTypeRejectsHandlersThatNeedAnImageItLacks() {
    assertThat(scan(ViewType.NEW_IMAGE, new NeedsOldImage()).problems())
        .containsExactly(
            name(NeedsOldImage.class, "removed")
                + ": needs the OldImage of REMOVE records, which streams of view type NEW_IMAGE do"
                + " not carry");
    assertThat(scan(ViewType.NEW_AND_OLD_IMAGES, new NeedsOldImage()).problems()).isEmpty();
  }

  @Test
  void theRouterThrowsOneHandlerDefinitionExceptionListingEveryProblem() {
    assertThatThrownBy(() -> StreamRouter.builder().handlers(new Broken(), new SameId()).build())
        .isInstanceOf(HandlerDefinitionException.class)
        .hasMessageContaining(name(Broken.class, "twoAnnotations"))
        .hasMessageContaining(name(Broken.class, "badFilter"))
        .hasMessageContaining(name(SameId.class, "b"));
  }
}
