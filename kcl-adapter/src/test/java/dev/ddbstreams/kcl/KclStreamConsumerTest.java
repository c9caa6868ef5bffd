package dev.ddbstreams.kcl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbstreams.StreamRouter;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class KclStreamConsumerTest {
  private static final String ARN =
      "arn:aws:dynamodb:eu-west-1:123456789012:table/Pets/stream/2026-01-01T00:00:00.000";

  @Test
  void buildReportsEveryProblemAtOnce() {
    assertThatThrownBy(
            () ->
                KclStreamConsumer.builder()
                    .streamArn("not-an-arn")
                    .applicationName("x")
                    .retryBackoff(Duration.ZERO, Duration.ofSeconds(1))
                    .build())
        .isInstanceOfSatisfying(
            KclConfigurationException.class,
            e ->
                assertThat(e.problems())
                    .hasSize(4)
                    .anyMatch(p -> p.startsWith("streamArn is not"))
                    .anyMatch(p -> p.startsWith("applicationName must be"))
                    .anyMatch(p -> p.startsWith("router is required"))
                    .anyMatch(p -> p.startsWith("retryBackoff")));
  }

  @Test
  void refusesBothStreamArnAndTableName() {
    assertThatThrownBy(
            () ->
                KclStreamConsumer.builder()
                    .streamArn(ARN)
                    .tableName("Pets")
                    .applicationName("pet-views")
                    .router(StreamRouter.builder().keys("PK", "SK").handlers(new Seen()).build())
                    .build())
        .isInstanceOf(KclConfigurationException.class)
        .hasMessageContaining("not both");
  }

  @Test
  void buildsWithoutCallingAwsAndGivesEachConsumerItsOwnWorkerId() {
    StreamRouter router = StreamRouter.builder().keys("PK", "SK").handlers(new Seen()).build();
    KclStreamConsumer a =
        KclStreamConsumer.builder()
            .streamArn(ARN)
            .applicationName("pet-views")
            .router(router)
            .build();
    KclStreamConsumer b =
        KclStreamConsumer.builder()
            .streamArn(ARN)
            .applicationName("pet-views")
            .router(router)
            .build();
    assertThat(a.streamArn()).contains(ARN);
    assertThat(a.applicationName()).isEqualTo("pet-views");
    assertThat(a.workerId()).isNotEqualTo(b.workerId());
    a.close();
    b.close();
  }
}
