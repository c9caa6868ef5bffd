package ${package};

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbstreams.StreamRouter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** template.yaml stays true to the code: its handler exists and its filters are the router's. */
class SamTemplateTest {
  private static final Path TEMPLATE = Path.of("template.yaml");

  @Test
  void filterCriteriaAreThoseTheRouterGenerates() throws Exception {
    List<String> inTemplate =
        Pattern.compile("- Pattern: '(.*)'")
            .matcher(Files.readString(TEMPLATE))
            .results()
            .map(r -> r.group(1))
            .toList();

    try (StreamRouter router = new PetFilterCriteria().get()) {
      assertThat(inTemplate)
          .as("template.yaml's FilterCriteria: paste the router's patterns (see PetFilterCriteria)")
          .isEqualTo(router.filterCriteria().patterns());
    }
  }

  @Test
  void theFunctionIsTheLambdaClassWithPartialBatchResponses() throws Exception {
    assertThat(Files.readString(TEMPLATE))
        .contains("Handler: " + PetLambda.class.getName() + "::handleRequest")
        .contains("- ReportBatchItemFailures")
        .contains("Runtime: java21");
  }
}
