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
package dev.ddbstreams.examples.pettracker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbstreams.StreamRouter;
import dev.ddbstreams.lambda.EmbeddedMetrics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The SAM template's settings match what the code expects, so the template cannot rot. */
class SamTemplateTest {
  private static final Path TEMPLATE = Path.of("sam", "template.yaml");

  @Test
  void filterCriteriaAreThoseTheRouterGenerates() throws IOException {
    System.setProperty("aws.region", "us-east-1");
    Matcher m = Pattern.compile("- Pattern: '(.*)'").matcher(Files.readString(TEMPLATE));
    List<String> inTemplate = m.results().map(r -> r.group(1)).toList();

    try (StreamRouter router = new PetTrackerFilterCriteria().get()) {
      assertThat(inTemplate).isNotEmpty().isEqualTo(router.filterCriteria().patterns());
    }
  }

  @Test
  void mappingReportsBatchItemFailuresAndBoundsRetries() throws IOException {
    String template = Files.readString(TEMPLATE);

    assertThat(template)
        .contains("- ReportBatchItemFailures")
        .contains("BisectBatchOnFunctionError: true")
        .containsPattern("MaximumRetryAttempts: \\d+")
        .containsPattern("MaximumRecordAgeInSeconds: \\d+")
        .contains("OnFailure:")
        .contains("Handler: " + PetTrackerLambda.class.getName() + "::handleRequest")
        .contains("CodeUri: ../target/ddbstreams-examples-lambda.jar")
        .contains("StreamViewType: NEW_AND_OLD_IMAGES")
        .contains("AttributeName: expiration")
        .contains("Runtime: java21");
  }

  @Test
  void alarmsWatchIteratorAgeTheFailureQueueAndTheRoutersOwnMetrics() throws IOException {
    String template = Files.readString(TEMPLATE);

    assertThat(template)
        .contains("MetricName: IteratorAge")
        .contains("Namespace: AWS/Lambda")
        .contains("MetricName: ApproximateNumberOfMessagesVisible")
        .contains("{ Name: QueueName, Value: !GetAtt StreamFailures.QueueName }")
        .contains("METRICS_NAMESPACE: " + PetTrackerLambda.METRICS_NAMESPACE)
        .contains("Namespace: " + PetTrackerLambda.METRICS_NAMESPACE)
        .contains("MetricName: " + EmbeddedMetrics.HANDLER_OUTCOMES + ".failed");
    assertThat(
            Pattern.compile("AlarmActions: \\[!Ref OperationsAlarms]").matcher(template).results())
        .hasSize(3);
  }
}
