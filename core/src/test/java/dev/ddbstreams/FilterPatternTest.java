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
package dev.ddbstreams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbstreams.filter.FilterPattern;
import dev.ddbstreams.filter.FilterPatternException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;

class FilterPatternTest {
  private static final Map<String, AttributeValue> DOG =
      Map.of(
          "PK", AttributeValue.fromS("USER#1"),
          "SK", AttributeValue.fromS("PET#7"),
          "species", AttributeValue.fromS("dog"),
          "name", AttributeValue.fromS("Rex"),
          "age", AttributeValue.fromN("4"),
          "vaccinated", AttributeValue.fromBool(true),
          "owner", AttributeValue.fromNul(true),
          "nick", AttributeValue.fromS(""));

  private static final Map<String, AttributeValue> CAT =
      Map.of(
          "PK", AttributeValue.fromS("USER#1"),
          "SK", AttributeValue.fromS("PROFILE"),
          "species", AttributeValue.fromS("cat"));

  private static final Record INSERT_DOG = TestRecords.insert("100", DOG);
  private static final Record REMOVE_CAT = TestRecords.remove("101", CAT);

  @Test
  void theStreamGuidesFourPatternsMatchAsInLambda() {
    FilterPattern inserts = FilterPattern.parse("{\"eventName\": [\"INSERT\"]}");
    FilterPattern pets =
        FilterPattern.parse(
            "{\"dynamodb\": {\"Keys\": {\"SK\": {\"S\": [{\"prefix\": \"PET#\"}]}}}}");
    FilterPattern dogs =
        FilterPattern.parse("{\"dynamodb\": {\"NewImage\": {\"species\": {\"S\": [\"dog\"]}}}}");
    FilterPattern large =
        FilterPattern.parse("{\"dynamodb\": {\"SizeBytes\": [{\"numeric\": [\">=\", 1000]}]}}");

    assertThat(inserts.matches(INSERT_DOG)).isTrue();
    assertThat(inserts.matches(REMOVE_CAT)).isFalse();
    assertThat(pets.matches(INSERT_DOG)).isTrue();
    assertThat(pets.matches(REMOVE_CAT)).isFalse();
    assertThat(dogs.matches(INSERT_DOG)).isTrue();
    assertThat(dogs.matches(REMOVE_CAT)).isFalse(); // a REMOVE has no NewImage
    assertThat(large.matches(INSERT_DOG)).isFalse(); // TestRecords sets SizeBytes 42
    Record big =
        TestRecords.record("INSERT", "102", "NEW_AND_OLD_IMAGES", DOG, null, DOG)
            .dynamodb(b -> b.keys(DOG).newImage(DOG).sizeBytes(1000L).sequenceNumber("102"))
            .build();
    assertThat(large.matches(big)).isTrue();
    assertThat(inserts.warnings())
        .singleElement()
        .satisfies(w -> assertThat(w.neverMatches()).isFalse());
    assertThat(pets.warnings()).isEmpty();
    assertThat(dogs.warnings()).isEmpty();
    assertThat(large.warnings()).isEmpty();
  }

  @ParameterizedTest(name = "{0} on the dog insert -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        // equals
        "{'dynamodb':{'NewImage':{'name':{'S':['Rex']}}}}                         | true",
        "{'dynamodb':{'NewImage':{'name':{'S':['rex']}}}}                         | false",
        "{'dynamodb':{'NewImage':{'name':{'S':['Max','Rex']}}}}                   | true",
        "{'dynamodb':{'StreamViewType':['NEW_AND_OLD_IMAGES']}}                   | true",
        // N values are strings: equal as text only
        "{'dynamodb':{'NewImage':{'age':{'N':['4']}}}}                            | true",
        "{'dynamodb':{'NewImage':{'age':{'N':['4.0']}}}}                          | false",
        // prefix, suffix, equals-ignore-case
        "{'dynamodb':{'Keys':{'PK':{'S':[{'prefix':'USER#'}]}}}}                  | true",
        "{'dynamodb':{'Keys':{'PK':{'S':[{'prefix':'user#'}]}}}}                  | false",
        "{'dynamodb':{'Keys':{'SK':{'S':[{'suffix':'#7'}]}}}}                     | true",
        "{'dynamodb':{'Keys':{'SK':{'S':[{'suffix':'#8'}]}}}}                     | false",
        "{'dynamodb':{'NewImage':{'name':{'S':[{'equals-ignore-case':'REX'}]}}}}  | true",
        "{'dynamodb':{'NewImage':{'name':{'S':[{'equals-ignore-case':'MAX'}]}}}}  | false",
        // anything-but
        "{'dynamodb':{'NewImage':{'species':{'S':[{'anything-but':['cat']}]}}}}   | true",
        "{'dynamodb':{'NewImage':{'species':{'S':[{'anything-but':'dog'}]}}}}     | false",
        "{'dynamodb':{'NewImage':{'colour':{'S':[{'anything-but':'red'}]}}}}      | false",
        // numeric on JSON numbers
        "{'dynamodb':{'SizeBytes':[{'numeric':['>',10,'<=',42]}]}}                | true",
        "{'dynamodb':{'SizeBytes':[{'numeric':['=',41]}]}}                        | false",
        // numeric on an N value: a string, so never
        "{'dynamodb':{'NewImage':{'age':{'N':[{'numeric':['>',1]}]}}}}            | false",
        // exists
        "{'dynamodb':{'NewImage':{'name':{'S':[{'exists':true}]}}}}               | true",
        "{'dynamodb':{'NewImage':{'colour':{'S':[{'exists':true}]}}}}             | false",
        "{'dynamodb':{'OldImage':{'PK':{'S':[{'exists':false}]}}}}                | true",
        "{'dynamodb':{'NewImage':{'PK':{'S':[{'exists':false}]}}}}                | false",
        // exists on an object never matches: leaves only
        "{'dynamodb':{'NewImage':[{'exists':true}]}}                              | false",
        // null and empty
        "{'dynamodb':{'NewImage':{'owner':{'NULL':[true]}}}}                      | true",
        "{'dynamodb':{'NewImage':{'nick':{'S':['']}}}}                            | true",
        "{'dynamodb':{'NewImage':{'name':{'S':['']}}}}                            | false",
        "{'userIdentity':[null]}                                                  | false",
        // booleans
        "{'dynamodb':{'NewImage':{'vaccinated':{'BOOL':[true]}}}}                 | true",
        "{'dynamodb':{'NewImage':{'vaccinated':{'BOOL':[false]}}}}                | false",
        // and across fields
        "{'eventName':['INSERT'],'dynamodb':{'Keys':{'SK':{'S':[{'prefix':'PET#'}]}}}} | true",
        "{'eventName':['MODIFY'],'dynamodb':{'Keys':{'SK':{'S':[{'prefix':'PET#'}]}}}} | false",
        "{'eventSource':['aws:dynamodb'],'awsRegion':[{'prefix':'us-'}]}          | true",
      })
  void operatorsMatchAsLambdaDocumentsThem(String pattern, boolean expected) {
    assertThat(FilterPattern.parse(pattern.replace('\'', '"')).matches(INSERT_DOG))
        .isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} is rejected naming {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{'$or':[{'eventName':['INSERT']},{'eventName':['REMOVE']}]}              | $or",
        "{'dynamodb':{'Keys':{'SK':{'S':[{'wildcard':'PET#*'}]}}}}                | wildcard",
        "{'eventSourceARN':[{'cidr':'10.0.0.0/24'}]}                              | cidr",
        "{'dynamodb':{'Keys':{'SK':{'S':[{'anything-but':{'prefix':'PET#'}}]}}}}  | anything-but",
        "{'dynamodb':{'Keys':{'SK':{'S':[{'prefix':{'equals-ignore-case':'p'}}]}}}} | prefix",
        "{'dynamodb':{'SizeBytes':[{'numeric':['!=',3]}]}}                        | numeric",
        "{'eventName':'INSERT'}                                                   | eventName",
        "{'eventName':[]}                                                         | eventName",
        "{}                                                                       | non-empty",
        "[1]                                                                      | non-empty",
        "{'eventName':[                                                           | not valid JSON",
      })
  void formsLambdaDoesNotSupportAreRejected(String pattern, String named) {
    assertThatThrownBy(() -> FilterPattern.parse(pattern.replace('\'', '"')))
        .isInstanceOf(FilterPatternException.class)
        .isInstanceOf(DdbStreamsException.class)
        .hasMessageContaining(named);
  }

  @Test
  void numericOnADynamoNumberIsReportedAndRejectedWhenStrict() {
    String json = "{\"dynamodb\": {\"NewImage\": {\"age\": {\"N\": [{\"numeric\": [\">\", 1]}]}}}}";
    FilterPattern pattern = FilterPattern.parse(json);
    assertThat(pattern.warnings())
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.path()).isEqualTo("dynamodb.NewImage.age.N");
              assertThat(w.neverMatches()).isTrue();
              assertThat(w.message()).contains("JSON strings");
            });
    assertThatThrownBy(() -> FilterPattern.parseStrict(json))
        .isInstanceOf(FilterPatternException.class)
        .hasMessageContaining("dynamodb.NewImage.age.N");
    assertThat(FilterPattern.parseStrict("{\"eventName\": [\"INSERT\"]}").warnings()).hasSize(1);
  }

  @Test
  void ttlDeletesAreMatchedOnUserIdentity() {
    FilterPattern ttl =
        FilterPattern.parse(
            "{\"userIdentity\": {\"type\": [\"Service\"], \"principalId\": [\"dynamodb.amazonaws.com\"]}}");
    assertThat(ttl.matches(TestRecords.ttlRemove("200", CAT))).isTrue();
    assertThat(ttl.matches(REMOVE_CAT)).isFalse();
  }

  @Test
  void nestedAttributesAreMatchedInDynamoDbJson() {
    Map<String, AttributeValue> item =
        Map.of(
            "PK", AttributeValue.fromS("U"),
            "SK", AttributeValue.fromS("S"),
            "address", AttributeValue.fromM(Map.of("city", AttributeValue.fromS("Oslo"))),
            "tags", AttributeValue.fromSs(List.of("a", "b")));
    Record r = TestRecords.insert("300", item);
    assertThat(
            FilterPattern.parse(
                    "{\"dynamodb\":{\"NewImage\":{\"address\":{\"M\":{\"city\":{\"S\":[\"Oslo\"]}}}}}}")
                .matches(r))
        .isTrue();
    assertThat(
            FilterPattern.parse("{\"dynamodb\":{\"NewImage\":{\"tags\":{\"SS\":[\"b\"]}}}}")
                .matches(r))
        .isTrue();
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(ints = {200, 999, 1_001, 5_000, 100_000})
  void aDeeplyNestedPatternEndsInFilterPatternExceptionOrParses(int depth) {
    String nested = "{\"dynamodb\":".repeat(depth) + "[\"x\"]" + "}".repeat(depth);
    String unclosed = "{\"dynamodb\":".repeat(depth);
    String arrays = "{\"dynamodb\":" + "[".repeat(depth) + "]".repeat(depth) + "}";

    for (String json : List.of(nested, unclosed, arrays)) {
      try {
        FilterPattern.parse(json);
      } catch (FilterPatternException expected) {
        assertThat(expected.getMessage()).isNotBlank();
      }
    }
  }
}
